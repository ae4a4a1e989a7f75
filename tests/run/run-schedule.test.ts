/**
 * run() and race() with a learning-rate schedule: worked iterates, fixed ≡ no schedule bit for bit,
 * optimizers without lr and Schedule-Free SGD unaffected, the caller's hyper untouched.
 */
import { describe, expect, it } from 'vitest';
import { getSurface } from '../../surfaces/index.ts';
import { surfaceObjective } from '../../surfaces/objective.ts';
import type { Objective } from '../../src/math/objective.ts';
import { OPTIMIZER_IDS } from '../../src/optim/types.ts';
import { getOptimizer, resolveHyper } from '../../src/optim/index.ts';
import { race } from '../../src/run/race.ts';
import { run } from '../../src/run/run.ts';
import { FIXED, followsSchedule, parseSchedule } from '../../src/run/schedules.ts';

// f(x, y) = x² + y², ∇f = (2x, 2y).
const paraboloid: Objective = {
  dim: 2,
  value: (p) => p[0] * p[0] + p[1] * p[1],
  gradient: (p, g) => {
    g[0] = 2 * p[0];
    g[1] = 2 * p[1];
    return p[0] * p[0] + p[1] * p[1];
  },
};

describe('run with a schedule', () => {
  it('SGD on x² with step γ=0.5 every 2 updates from lr 0.1 (worked by hand)', () => {
    // x ← x − η_t·2x = x·(1 − 2η_t), η_t = 0.1·0.5^⌊t/2⌋:
    //   t=0,1: η=0.1   → ×0.8:  x1 = 0.8,    x2 = 0.64
    //   t=2,3: η=0.05  → ×0.9:  x3 = 0.576,  x4 = 0.5184
    //   t=4:   η=0.025 → ×0.95: x5 = 0.49248
    const t = run({
      objective: paraboloid,
      optimizer: getOptimizer('sgd'),
      hyper: { lr: 0.1 },
      start: [1, 0],
      steps: 5,
      target: 0,
      schedule: parseSchedule('step:gamma=0.5,size=2'),
    });
    const expected = [1, 0.8, 0.64, 0.576, 0.5184, 0.49248];
    expect(t.xs.length).toBe(6);
    t.xs.forEach((x, k) => expect(x).toBeCloseTo(expected[k], 14));
    expect(Array.from(t.ys)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(t.hyper).toEqual({ lr: 0.1 });
  });

  it("treats the update index as the epoch for the course's 1/(1 + decay·epoch)", () => {
    // η_t = 0.1/(1 + t): ×(1 − 0.2) = 0.8, ×(1 − 0.1) = 0.9, ×(1 − 0.2/3) → x3 = 0.72·(1 − 1/15) = 0.672
    const t = run({
      objective: paraboloid,
      optimizer: getOptimizer('sgd'),
      hyper: { lr: 0.1 },
      start: [1, 0],
      steps: 3,
      target: 0,
      schedule: parseSchedule('course:decay=1'),
    });
    expect(t.xs[1]).toBeCloseTo(0.8, 14);
    expect(t.xs[2]).toBeCloseTo(0.72, 14);
    expect(t.xs[3]).toBeCloseTo(0.672, 14);
  });

  it('leaves the caller’s hyper object unchanged', () => {
    const hyper = { lr: 0.1 };
    run({ objective: paraboloid, optimizer: getOptimizer('sgd'), hyper, start: [1, 1], steps: 4, target: 0, schedule: parseSchedule('exp:gamma=0.5') });
    expect(hyper).toEqual({ lr: 0.1 });
  });

  it('the fixed schedule gives bit-identical races to no schedule, for every optimizer, with noise', () => {
    const surface = getSurface('rosenbrock')!;
    const spec = {
      objective: surfaceObjective(surface),
      entrants: OPTIMIZER_IDS.map((id) => ({ optimizer: getOptimizer(id), hyper: resolveHyper(getOptimizer(id), surface.hyper[id]) })),
      start: surface.start,
      steps: 300,
      target: surface.target,
      noise: { sigma: 0.5, seed: 7 },
    };
    const plain = race(spec);
    const fixed = race({ ...spec, schedule: FIXED });
    expect(fixed).toEqual(plain);
    for (let i = 0; i < plain.length; i++) {
      expect(Buffer.from(fixed[i].xs.buffer).equals(Buffer.from(plain[i].xs.buffer))).toBe(true);
      expect(Buffer.from(fixed[i].ys.buffer).equals(Buffer.from(plain[i].ys.buffer))).toBe(true);
    }
  });

  it('a non-fixed schedule changes lr-driven runs but not AdaDelta (no lr)', () => {
    const surface = getSurface('rosenbrock')!;
    const spec = {
      objective: surfaceObjective(surface),
      entrants: (['sgd', 'adadelta'] as const).map((id) => ({ optimizer: getOptimizer(id), hyper: resolveHyper(getOptimizer(id), surface.hyper[id]) })),
      start: surface.start,
      steps: 100,
      target: surface.target,
    };
    const [sgdPlain, adadeltaPlain] = race(spec);
    const [sgdSched, adadeltaSched] = race({ ...spec, schedule: parseSchedule('exp:gamma=0.9') });
    expect(Array.from(sgdSched.xs)).not.toEqual(Array.from(sgdPlain.xs));
    expect(Array.from(adadeltaSched.xs)).toEqual(Array.from(adadeltaPlain.xs));
  });

  it('applies a warm-up on its own (warmup:steps=W is "fixed" after W updates), worked by hand', () => {
    // SGD on x², x ← x·(1 − 2η_t), η_t = 0.1·min(1, (t+1)/4):
    //   t=0: η=0.025 → ×0.95: 0.95;  t=1: η=0.05 → ×0.9: 0.855;  t=2: η=0.075 → ×0.85: 0.72675
    //   t=3: η=0.1 → ×0.8: 0.5814;   t=4: η=0.1 → ×0.8: 0.46512
    const t = run({
      objective: paraboloid,
      optimizer: getOptimizer('sgd'),
      hyper: { lr: 0.1 },
      start: [1, 0],
      steps: 5,
      target: 0,
      schedule: parseSchedule('warmup:steps=4'),
    });
    [1, 0.95, 0.855, 0.72675, 0.5814, 0.46512].forEach((x, k) => expect(t.xs[k]).toBeCloseTo(x, 14));
  });

  it('Schedule-Free SGD ignores every schedule, bit for bit, while Adam follows it', () => {
    const surface = getSurface('rosenbrock')!;
    const spec = {
      objective: surfaceObjective(surface),
      entrants: (['adam', 'sfsgd'] as const).map((id) => ({ optimizer: getOptimizer(id), hyper: resolveHyper(getOptimizer(id), surface.hyper[id]) })),
      start: surface.start,
      steps: 200,
      target: surface.target,
      noise: { sigma: 0.5, seed: 3 },
    };
    const [adamPlain, sfPlain] = race(spec);
    for (const text of ['exp:gamma=0.99', 'cos:max=200,min=0', 'warmup:steps=50', 'warmup:steps=20+cos:max=200,min=0.1']) {
      const [adamSched, sfSched] = race({ ...spec, schedule: parseSchedule(text) });
      expect(Array.from(adamSched.xs)).not.toEqual(Array.from(adamPlain.xs));
      const { schedule: _ran, ...sfPath } = sfSched;
      const { schedule: _none, ...sfPlainPath } = sfPlain;
      expect(sfPath).toEqual(sfPlainPath);
    }
    expect(followsSchedule(getOptimizer('sfsgd'), { lr: 1, beta: 0.9 })).toBe(false);
    expect(followsSchedule(getOptimizer('adadelta'), { rho: 0.9, eps: 1e-6 })).toBe(false);
    expect(followsSchedule(getOptimizer('lion'), { lr: 1e-4, beta1: 0.9, beta2: 0.99, wd: 0 })).toBe(true);
  });
});

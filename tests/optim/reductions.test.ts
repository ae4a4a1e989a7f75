/**
 * Reductions between rules, the registry, and the "same code on 2 and on 50 000 parameters" contract.
 */
import { describe, expect, it } from 'vitest';
import type { GradientOracle } from '../../src/math/objective.ts';
import type { Vec } from '../../src/math/vector.ts';
import type { Optimizer } from '../../src/optim/types.ts';
import { CLASSIC_OPTIMIZERS, OPTIMIZERS, defaultHyper, getOptimizer, hyperError, resolveHyper } from '../../src/optim/index.ts';
import { OPTIMIZER_IDS } from '../../src/optim/types.ts';
import { sgd } from '../../src/optim/sgd.ts';
import { momentum } from '../../src/optim/momentum.ts';
import { adadelta } from '../../src/optim/adadelta.ts';
import { adam } from '../../src/optim/adam.ts';
import { adamw } from '../../src/optim/adamw.ts';
import { amsgrad } from '../../src/optim/amsgrad.ts';
import { lion } from '../../src/optim/lion.ts';
import { sfsgd } from '../../src/optim/sfsgd.ts';

/** f = Σ cᵢ·θᵢ²/2 with cᵢ = 1 + (i mod 7): a separable quadratic with varied curvature. */
const quadratic: GradientOracle = (p, g) => {
  let f = 0;
  for (let i = 0; i < p.length; i++) {
    const c = 1 + (i % 7);
    g[i] = c * p[i];
    f += 0.5 * c * p[i] * p[i];
  }
  return f;
};

function trajectory(opt: Optimizer, hyper: Record<string, number>, start: number[], n: number): number[][] {
  const p = Float64Array.from(start);
  const state = opt.init(p);
  const out: number[][] = [];
  for (let k = 0; k < n; k++) {
    opt.step(p, state, hyper, quadratic);
    out.push(Array.from(p));
  }
  return out;
}

describe('reductions', () => {
  it('Momentum with β = 0 is SGD, bit for bit', () => {
    const a = trajectory(sgd, { lr: 0.05 }, [3, -1.5], 30);
    const b = trajectory(momentum, { lr: 0.05, beta: 0, dampening: 0 }, [3, -1.5], 30);
    expect(b).toEqual(a);
  });

  it("Adam's first step has length ≈ lr in every coordinate, whatever the gradient's scale", () => {
    const p = Float64Array.of(1e-3, -5, 40, 0.2);
    const before = Array.from(p);
    const state = adam.init(p);
    adam.step(p, state, { lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8 }, quadratic);
    // m̂ = g and v̂ = g², so the step is lr·g/(|g| + ε) = lr·sign(g) up to ε/|g|.
    // At θ₀ = 1e-3 (g = 1e-3) the ε term shows: 0.01·1e-3/(1e-3 + 1e-8) = 0.0099999000.
    for (let i = 0; i < p.length; i++) {
      const g = Math.abs(before[i]) * (1 + (i % 7));
      expect(Math.abs(p[i] - before[i])).toBeCloseTo((0.01 * g) / (g + 1e-8), 12);
      expect(Math.abs(p[i] - before[i])).toBeCloseTo(0.01, 6);
    }
  });

  it('AdamW with λ = 0 is Adam, bit for bit', () => {
    const a = trajectory(adam, { lr: 0.05, beta1: 0.9, beta2: 0.999, eps: 1e-8 }, [3, -1.5], 50);
    const b = trajectory(adamw, { lr: 0.05, beta1: 0.9, beta2: 0.999, eps: 1e-8, wd: 0 }, [3, -1.5], 50);
    expect(b).toEqual(a);
  });

  it('AMSGrad follows Adam while v keeps growing, and steps more cautiously once it shrinks', () => {
    const hyper = { lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8 };
    // 20 small steps from far away: the gradients barely change, v grows every step.
    const a = trajectory(adam, hyper, [3, -1.5], 20);
    const b = trajectory(amsgrad, hyper, [3, -1.5], 20);
    for (let k = 0; k < 20; k++) for (let i = 0; i < 2; i++) expect(b[k][i]).toBeCloseTo(a[k][i], 12);
    // With β₂ = 0.9 the memory is short: as the gradients shrink near the minimum, v drops below v_max.
    const fast = { ...hyper, lr: 0.1, beta2: 0.9 };
    const a2 = trajectory(adam, fast, [3, -1.5], 200);
    const b2 = trajectory(amsgrad, fast, [3, -1.5], 200);
    expect(b2[199]).not.toEqual(a2[199]);
  });

  it('Lion moves every coordinate by exactly η per update (λ = 0), whatever the gradient', () => {
    const p = Float64Array.of(1e-3, -5, 40, 0.2);
    const state = lion.init(p);
    for (let k = 0; k < 30; k++) {
      const before = Array.from(p);
      lion.step(p, state, { lr: 0.01, beta1: 0.9, beta2: 0.99, wd: 0 }, quadratic);
      for (let i = 0; i < p.length; i++) expect(Math.abs(p[i] - before[i])).toBeCloseTo(0.01, 12);
    }
  });

  it('Schedule-Free SGD with β = 0 is Polyak averaging: z is SGD, bit for bit, and x the mean of z₁…zₜ', () => {
    const start = [3, -1.5];
    const plain = trajectory(sgd, { lr: 0.05 }, start, 40);
    const p = Float64Array.from(start);
    const state = sfsgd.init(p);
    const sum = [0, 0];
    for (let k = 0; k < 40; k++) {
      sfsgd.step(p, state, { lr: 0.05, beta: 0 }, quadratic);
      expect(Array.from(state.z)).toEqual(plain[k]);
      expect(Array.from(state.y)).toEqual(plain[k]);
      for (let i = 0; i < 2; i++) {
        sum[i] += plain[k][i];
        expect(p[i]).toBeCloseTo(sum[i] / (k + 1), 13);
      }
    }
  });

  it('AdaDelta ignores any learning rate', () => {
    const plain = trajectory(adadelta, { rho: 0.9, eps: 1e-6 }, [2, 1], 50);
    const withLr = trajectory(adadelta, { rho: 0.9, eps: 1e-6, lr: 123 }, [2, 1], 50);
    const zeroLr = trajectory(adadelta, { rho: 0.9, eps: 1e-6, lr: 0 }, [2, 1], 50);
    expect(withLr).toEqual(plain);
    expect(zeroLr).toEqual(plain);
    expect(plain[49][0]).toBeLessThan(2); // and it does move
  });
});

describe('every optimizer on Float64Array(2) and Float32Array(50 000)', () => {
  for (const opt of OPTIMIZERS) {
    const hyper = resolveHyper(opt, opt.id === 'adadelta' ? {} : { lr: 0.01 });

    it(`${opt.id}: state matches the params' type, buffers are reused, oracle called once per step`, () => {
      const n = 50_000;
      const p = new Float32Array(n);
      for (let i = 0; i < n; i++) p[i] = Math.sin(i);
      const state = opt.init(p);
      const buffers = Object.entries(state).filter(([, v]) => typeof v !== 'number') as [string, Vec][];
      for (const [key, buf] of buffers) {
        expect(buf).toBeInstanceOf(Float32Array);
        expect(buf.length).toBe(n);
        // State starts at zero, except Schedule-Free SGD's y and z, which start at the start point (z = x = y).
        if (opt.id === 'sfsgd' && (key === 'y' || key === 'z')) expect(buf).toEqual(p);
        else expect(buf.every((x) => x === 0)).toBe(true);
      }
      const f0 = quadratic(p, new Float32Array(n));
      let calls = 0;
      const counting: GradientOracle = (q, g) => {
        calls++;
        return quadratic(q, g);
      };
      for (let k = 0; k < 200; k++) opt.step(p, state, hyper, counting);
      expect(calls).toBe(200);
      expect(state.t).toBe(200);
      // Same objects after 200 steps: nothing was reallocated or swapped in.
      for (const [key, buf] of buffers) expect(state[key]).toBe(buf);
      // No fields appear after init; the only scalars are t and the running products (β₁ᵗ, β₂ᵗ, NAdam's μ's).
      expect(Object.keys(state).sort()).toEqual(Object.keys(opt.init(p)).sort());
      expect(quadratic(p, new Float32Array(n))).toBeLessThan(f0);
    });

    it(`${opt.id}: Float32 and Float64 runs of the same problem agree to float32 precision`, () => {
      const start = [1.5, -0.7];
      const p64 = Float64Array.from(start);
      const p32 = Float32Array.from(start);
      const s64 = opt.init(p64);
      const s32 = opt.init(p32);
      expect(s64.g).toBeInstanceOf(Float64Array);
      for (let k = 0; k < 20; k++) {
        opt.step(p64, s64, hyper, quadratic);
        opt.step(p32, s32, hyper, quadratic);
      }
      expect(p32[0]).toBeCloseTo(p64[0], 5);
      expect(p32[1]).toBeCloseTo(p64[1], 5);
    });
  }
});

describe('registry', () => {
  it('lists the ids in order, the seven classics first, each with a formula, a convention, a note and sane specs', () => {
    expect(OPTIMIZERS.map((o) => o.id)).toEqual([...OPTIMIZER_IDS]);
    expect(OPTIMIZERS.map((o) => o.group)).toEqual([...Array(7).fill('classic'), ...Array(7).fill('more')]);
    expect(CLASSIC_OPTIMIZERS.map((o) => o.id)).toEqual(['sgd', 'momentum', 'nag', 'adagrad', 'adadelta', 'rmsprop', 'adam']);
    for (const o of OPTIMIZERS) {
      expect(o.formula).toMatch(/\\theta/);
      expect(o.convention.length).toBeGreaterThan(10);
      expect(o.note.length).toBeGreaterThan(40);
      expect(o.note).not.toMatch(/\\/); // plain words, no TeX
      for (const h of o.hyper) {
        expect(h.min).toBeLessThanOrEqual(h.default);
        expect(h.default).toBeLessThanOrEqual(h.max);
        if (h.log) expect(h.min).toBeGreaterThan(0);
      }
    }
    expect(getOptimizer('adadelta').hyper.map((h) => h.key)).toEqual(['rho', 'eps']);
    expect(defaultHyper(getOptimizer('adam'))).toEqual({ lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8 });
  });

  it("gives the 'more' group the issue's defaults", () => {
    const adamLike = { beta1: 0.9, beta2: 0.999, eps: 1e-8 };
    expect(defaultHyper(getOptimizer('adamw'))).toEqual({ lr: 0.001, ...adamLike, wd: 0.01 });
    expect(defaultHyper(getOptimizer('nadam'))).toEqual({ lr: 0.002, ...adamLike, psi: 0.004 });
    expect(defaultHyper(getOptimizer('amsgrad'))).toEqual(defaultHyper(getOptimizer('adam')));
    expect(defaultHyper(getOptimizer('radam'))).toEqual({ lr: 0.001, ...adamLike });
    expect(defaultHyper(getOptimizer('adabelief'))).toEqual({ lr: 0.001, ...adamLike, eps: 1e-16 });
    expect(defaultHyper(getOptimizer('lion'))).toEqual({ lr: 0.0001, beta1: 0.9, beta2: 0.99, wd: 0 });
    expect(defaultHyper(getOptimizer('sfsgd'))).toEqual({ lr: 1, beta: 0.9 });
    // The shared ε spec admits AdaBelief's 1e-16 for every rule with an ε.
    expect(hyperError(getOptimizer('adam'), 'eps', 1e-16)).toBeNull();
    expect(hyperError(getOptimizer('adam'), 'eps', 1e-17)).toMatch(/must be a number in \[1e-16, 1\]/);
    // Only Schedule-Free SGD opts out of learning-rate schedules.
    expect(OPTIMIZERS.filter((o) => o.schedulable === false).map((o) => o.id)).toEqual(['sfsgd']);
  });

  it('resolves defaults, then overrides in order, and rejects unknown or out-of-range values', () => {
    const m = getOptimizer('momentum');
    expect(resolveHyper(m, { lr: 0.1 }, { beta: 0.5 })).toEqual({ lr: 0.1, beta: 0.5, dampening: 0 });
    expect(() => resolveHyper(m, { gamma: 1 })).toThrow('momentum has no hyperparameter "gamma" (it has: lr, beta, dampening)');
    expect(hyperError(m, 'beta', 1.5)).toBe('momentum.beta must be a number in [0, 0.9999], got 1.5');
    expect(hyperError(m, 'lr', Number.NaN)).toMatch(/momentum\.lr must be a number/);
    expect(hyperError(getOptimizer('adadelta'), 'lr', 0.1)).toMatch(/adadelta has no hyperparameter "lr"/);
  });
});

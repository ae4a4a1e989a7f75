/**
 * Seeded gradient noise and races: same seed ⇒ same run, bit for bit; every entrant sees the same draws.
 */
import { describe, expect, it } from 'vitest';
import { getSurface } from '../../surfaces/index.ts';
import { surfaceObjective } from '../../surfaces/objective.ts';
import { OPTIMIZERS, getOptimizer, resolveHyper } from '../../src/optim/index.ts';
import { race } from '../../src/run/race.ts';
import { run } from '../../src/run/run.ts';
import { noisyOracle } from '../../src/run/noise.ts';
import { createRng } from '../../src/run/random.ts';

const bowl = getSurface('bowl')!;
const objective = surfaceObjective(bowl);
const entrants = OPTIMIZERS.map((optimizer) => ({ optimizer, hyper: resolveHyper(optimizer, bowl.hyper[optimizer.id]) }));
const spec = { objective, entrants, start: [-7, 2] as const, steps: 300, target: 1e-3 };

describe('noise and reproducibility', () => {
  it('adds σ·N(0, 1) per coordinate from the given rng, leaving the loss alone', () => {
    const oracle = noisyOracle(objective.gradient, 0.5, createRng(7));
    const g = new Float64Array(2);
    const loss = oracle(Float64Array.of(-7, 2), g);
    const rng = createRng(7);
    expect(loss).toBe(8.9);
    expect(g[0]).toBe(-1.4 + 0.5 * rng.normal());
    expect(g[1]).toBe(4 + 0.5 * rng.normal());
  });

  it('same seed ⇒ the same race, bit for bit; another seed ⇒ a different one', () => {
    const a = race({ ...spec, noise: { sigma: 1, seed: 42 } });
    const b = race({ ...spec, noise: { sigma: 1, seed: 42 } });
    const c = race({ ...spec, noise: { sigma: 1, seed: 43 } });
    for (let i = 0; i < a.length; i++) {
      expect(b[i].xs).toEqual(a[i].xs);
      expect(b[i].ys).toEqual(a[i].ys);
      expect(b[i].losses).toEqual(a[i].losses);
      expect(b[i].hit).toBe(a[i].hit);
      expect(c[i].xs).not.toEqual(a[i].xs);
    }
  });

  it('gives every entrant its own identically seeded stream', () => {
    const sgd = getOptimizer('sgd');
    const twins = race({ ...spec, entrants: [{ optimizer: sgd, hyper: { lr: 0.1 } }, { optimizer: sgd, hyper: { lr: 0.1 } }], noise: { sigma: 2, seed: 9 } });
    expect(twins[1].xs).toEqual(twins[0].xs);
    const alone = run({ ...spec, optimizer: sgd, hyper: { lr: 0.1 }, noise: { sigma: 2, seed: 9 } });
    expect(alone.xs).toEqual(twins[0].xs);
  });

  it('σ = 0 reproduces the noiseless run exactly', () => {
    const quiet = race(spec);
    const zero = race({ ...spec, noise: { sigma: 0, seed: 5 } });
    for (let i = 0; i < quiet.length; i++) expect(zero[i].xs).toEqual(quiet[i].xs);
  });

  it('noise actually perturbs the path', () => {
    const [quiet] = race({ ...spec, entrants: entrants.slice(0, 1) });
    const [noisy] = race({ ...spec, entrants: entrants.slice(0, 1), noise: { sigma: 0.5, seed: 1 } });
    expect(noisy.xs[5]).not.toBe(quiet.xs[5]);
  });
});

/**
 * run(): what a trajectory records, hits, divergence (and which points are kept), budgets.
 */
import { describe, expect, it } from 'vitest';
import { getSurface } from '../../surfaces/index.ts';
import { surfaceObjective } from '../../surfaces/objective.ts';
import type { Objective } from '../../src/math/objective.ts';
import { getOptimizer, resolveHyper } from '../../src/optim/index.ts';
import { DIVERGENCE_BOUND, run } from '../../src/run/run.ts';

const bowl = getSurface('bowl')!;
const objective = surfaceObjective(bowl);
const sgd = getOptimizer('sgd');

describe('run', () => {
  it('records the start at index 0 and the true loss after each update', () => {
    const t = run({ objective, optimizer: sgd, hyper: { lr: 0.1 }, start: [-7, 2], steps: 3, target: 0 });
    // x_k = −7·0.98^k, y_k = 2·0.8^k
    expect(Array.from(t.xs)).toEqual([-7, expect.closeTo(-6.86, 14), expect.closeTo(-6.7228, 14), expect.closeTo(-6.588344, 14)]);
    expect(Array.from(t.ys)).toEqual([2, expect.closeTo(1.6, 14), expect.closeTo(1.28, 14), expect.closeTo(1.024, 14)]);
    expect(t.losses[0]).toBeCloseTo(4.9 + 4, 14);
    for (let k = 0; k <= 3; k++) expect(t.losses[k]).toBe(objective.value(Float64Array.of(t.xs[k], t.ys[k])));
    expect(t).toMatchObject({ optimizer: 'sgd', hyper: { lr: 0.1 }, steps: 3, hit: null, diverged: false, divergedAt: null });
  });

  it('reports the first k with loss ≤ target, and keeps going to the full budget', () => {
    const t = run({ objective, optimizer: sgd, hyper: { lr: 0.5 }, start: [-7, 2], steps: 100, target: 1 });
    const first = Array.from(t.losses).findIndex((l) => l <= 1);
    expect(first).toBeGreaterThan(0);
    expect(t.hit).toBe(first);
    expect(t.steps).toBe(100);
    expect(t.losses.length).toBe(101);
  });

  it('hit is 0 when the start already meets the target', () => {
    const t = run({ objective, optimizer: sgd, hyper: { lr: 0.5 }, start: [0.1, 0], steps: 5, target: 0.01 });
    expect(t.hit).toBe(0);
  });

  it('stops at a coordinate beyond 1e6 and records only the finite, in-bound points', () => {
    // SGD lr 1.5: y_k = 2·(1 − 3)^k = 2·(−2)^k; |y_19| = 2^20 ≈ 1.05e6 > 1e6 is the first out of bounds.
    const t = run({ objective, optimizer: sgd, hyper: { lr: 1.5 }, start: [-7, 2], steps: 1000, target: 1e-3 });
    expect(t.diverged).toBe(true);
    expect(t.divergedAt).toBe(19);
    expect(t.steps).toBe(18);
    expect(t.xs.length).toBe(19);
    expect(t.ys[18]).toBe(2 * 2 ** 18);
    for (const v of t.ys) expect(Math.abs(v)).toBeLessThanOrEqual(DIVERGENCE_BOUND);
  });

  it('stops at a non-finite loss', () => {
    // f = √x, f' = 1/(2√x). SGD lr 1 from x = 1: x₁ = 1 − 0.5 = 0.5; x₂ = 0.5 − 1/(2√0.5) = −0.2071 → f = NaN.
    const sqrtX: Objective = {
      dim: 2,
      value: (p) => Math.sqrt(p[0]),
      gradient: (p, g) => {
        g[0] = 0.5 / Math.sqrt(p[0]);
        g[1] = 0;
        return Math.sqrt(p[0]);
      },
    };
    const t = run({ objective: sqrtX, optimizer: sgd, hyper: { lr: 1 }, start: [1, 0], steps: 10, target: -1 });
    expect(t).toMatchObject({ diverged: true, divergedAt: 2, steps: 1 });
    expect(Array.from(t.xs)).toEqual([1, 0.5]);
  });

  it('flags a start that is already out of bounds as diverged at 0', () => {
    const t = run({ objective, optimizer: sgd, hyper: { lr: 0.1 }, start: [2e6, 0], steps: 10, target: 0 });
    expect(t).toMatchObject({ diverged: true, divergedAt: 0, steps: 0 });
    expect(t.xs.length).toBe(1);
  });

  it('NAG records θ, not its look-ahead point, with the true loss there', () => {
    const nag = getOptimizer('nag');
    const t = run({ objective, optimizer: nag, hyper: resolveHyper(nag, { lr: 0.1 }), start: [-7, 2], steps: 2, target: 0 });
    // Step 1 (v = 0): g = (−1.4, 4), v = g, θ₁ = (−6.86, 1.6).
    // Step 2: look-ahead θ₁ − 0.09·v = (−6.734, 1.24); g = (−1.3468, 2.48); v = 0.9·(−1.4, 4) + g = (−2.6068, 6.08)
    //   θ₂ = θ₁ − 0.1·v = (−6.59932, 0.992)
    expect(t.xs[2]).toBeCloseTo(-6.59932, 12);
    expect(t.ys[2]).toBeCloseTo(0.992, 12);
    expect(t.losses[2]).toBeCloseTo(6.59932 ** 2 / 10 + 0.992 ** 2, 12);
  });

  it('rejects a bad budget or a non-2-D objective', () => {
    expect(() => run({ objective, optimizer: sgd, hyper: { lr: 0.1 }, start: [0, 0], steps: 1.5, target: 0 })).toThrow(/steps/);
    expect(() => run({ objective: { ...objective, dim: 3 }, optimizer: sgd, hyper: { lr: 0.1 }, start: [0, 0], steps: 1, target: 0 })).toThrow(/2-D/);
  });
});

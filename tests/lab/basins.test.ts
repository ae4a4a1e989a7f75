/**
 * Basins of attraction: Himmelblau's four listed minima, each start labelled with the minimum its run ends
 * in; local minima found by clustering on the six-hump camel (two listed global minima, four local); runs
 * still travelling and diverged runs have none.
 */
import { describe, expect, it } from 'vitest';
import { getSurface } from '../../surfaces/index.ts';
import { surfaceObjective } from '../../surfaces/objective.ts';
import { getOptimizer, resolveHyper } from '../../src/optim/index.ts';
import { basinsOf } from '../../src/lab/basins.ts';
import { runBatch } from '../../src/run/batch.ts';
import { compileExpression } from '../../src/math/expression/index.ts';
import { localMinimum } from '../../src/math/minimum.ts';
import { gridStarts } from '../../src/lab/start-grid.ts';
import type { SurfaceDef } from '../../surfaces/types.ts';

/** The damped Newton descent of src/math/minimum.ts, with the surface's exact gradient and Hessian. */
function descent(s: SurfaceDef) {
  const c = compileExpression(s.expr);
  if (!c.ok) throw new Error(c.error.message);
  const fn = { f: c.value.f, grad: c.value.grad, hessian: c.value.hessian() };
  return (x: number, y: number) => localMinimum(fn, s.domain, x, y).at;
}
const valueOf = (s: SurfaceDef) => {
  const o = surfaceObjective(s);
  return (x: number, y: number) => o.value(Float64Array.of(x, y));
};

describe('basinsOf', () => {
  it("labels every start on Himmelblau with the listed minimum SGD ends in", () => {
    const s = getSurface('himmelblau')!;
    const grid = { domain: s.domain, nx: 16, ny: 16 };
    const starts = gridStarts(grid);
    const sgd = getOptimizer('sgd');
    const b = runBatch({ objective: surfaceObjective(s), optimizer: sgd, hyper: resolveHyper(sgd, s.hyper.sgd), starts, steps: 1000, target: s.target });
    const { minima, basin } = basinsOf({ runs: [b], domain: s.domain, listed: s.minima, f: valueOf(s), localMinimum: descent(s) });
    expect(minima.map((m) => [m.x, m.y, m.listed])).toEqual(s.minima.map(([x, y]) => [x, y, true]));
    for (const m of minima) expect(m.f).toBeCloseTo(0, 10);
    // Each start's label is the listed minimum nearest its end point, and every run has one.
    for (let i = 0; i < b.count; i++) {
      const ex = b.end[2 * i];
      const ey = b.end[2 * i + 1];
      const nearest = s.minima.map(([x, y]) => Math.hypot(x - ex, y - ey));
      expect(basin[0][i], `start ${i}`).toBe(nearest.indexOf(Math.min(...nearest)));
    }
    // The corner starts fall into the corner minima: (3.58, −1.85) bottom right, (−2.81, 3.13) top left.
    expect(basin[0][15]).toBe(3);
    expect(basin[0][16 * 15]).toBe(1);
  });

  it('finds the camel\'s local minima by clustering, listed ones first, then the rest by value', () => {
    const s = getSurface('camel')!;
    const grid = { domain: s.domain, nx: 24, ny: 24 };
    const sgd = getOptimizer('sgd');
    const b = runBatch({ objective: surfaceObjective(s), optimizer: sgd, hyper: { lr: 0.01 }, starts: gridStarts(grid), steps: 3000, target: s.target });
    const { minima } = basinsOf({ runs: [b], domain: s.domain, listed: s.minima, f: valueOf(s), localMinimum: descent(s) });
    expect(minima.slice(0, 2).map((m) => m.listed)).toEqual([true, true]);
    expect(minima.slice(2).every((m) => !m.listed)).toBe(true);
    const values = minima.map((m) => m.f);
    expect(values[0]).toBeCloseTo(-1.0316, 4);
    expect(values[1]).toBeCloseTo(-1.0316, 4);
    // The camel's local minima, values −0.2155 (twice) and 2.1043 (twice), in increasing order.
    expect(values.slice(2).map((v) => Number(v.toFixed(4)))).toEqual([-0.2155, -0.2155, 2.1043, 2.1043]);
  });

  it('gives no basin to a diverged run or to one that stopped between minima', () => {
    const s = getSurface('himmelblau')!;
    const end = Float64Array.of(3, 2, 3.0001, 2.0002, 0, 4.5, 1e3, 1e3);
    const divergedAt = Int32Array.of(-1, -1, -1, 12);
    const { minima, basin } = basinsOf({ runs: [{ end, divergedAt }], domain: s.domain, listed: s.minima, f: valueOf(s), localMinimum: descent(s) });
    expect(minima).toHaveLength(1);
    expect(Array.from(basin[0])).toEqual([0, 0, -1, -1]);
  });
});

/**
 * A sweep is run() per grid value; on a quadratic its divergence edge is the SGD stability limit
 * lr < 2/λmax. On x²/10 + y² the Hessian is diag(0.2, 2), λmax = 2, so SGD diverges for lr > 1 (within a
 * finite budget a run just above the limit grows slowly, hence lr ≥ 1.1) and settles below it.
 */
import { describe, expect, it } from 'vitest';
import { compileExpression, expressionObjective } from '../../src/math/expression/index.ts';
import { getOptimizer } from '../../src/optim/index.ts';
import { logGrid } from '../../src/lab/log-grid.ts';
import { sweep, sweepParam } from '../../src/lab/sweep.ts';
import { sweepWindow } from '../../src/lab/sweep-window.ts';
import { run } from '../../src/run/run.ts';

const compiled = compileExpression('x^2/10 + y^2');
if (!compiled.ok) throw new Error(compiled.error.message);
const objective = expressionObjective(compiled.value);
const sgd = getOptimizer('sgd');

describe('sweep', () => {
  it('equals run() at each value and finds the SGD stability limit lr < 2/λmax = 1', () => {
    const values = [0.5, 0.9, 0.99, 1.1, 1.5];
    const results = sweep({ objective, optimizer: sgd, hyper: { lr: 0.1 }, param: 'lr', values, start: [3, 2], steps: 2000, target: 1e-6, fStar: 0 });
    expect(results.map((r) => r.diverged)).toEqual([false, false, false, true, true]);
    expect(results[0].settled).not.toBeNull();
    const direct = run({ objective, optimizer: sgd, hyper: { lr: 0.9 }, start: [3, 2], steps: 2000, target: 1e-6 });
    expect(results[1]).toEqual({ value: 0.9, hit: direct.hit, settled: direct.settled, diverged: false, finalGap: direct.losses[2000] });
    expect(results[3].finalGap).toBeNull();
  });

  it('gives a window of settled rates below the limit on a log grid', () => {
    const values = logGrid({ from: 1e-4, to: 10, points: 61 });
    const results = sweep({ objective, optimizer: sgd, hyper: { lr: 0.1 }, param: 'lr', values, start: [3, 2], steps: 5000, target: 1e-3, fStar: 0 });
    const w = sweepWindow(results)!;
    // x²/10 contracts by (1 − 0.2·lr) per step: from f = 0.9 to 1e-3 in 5,000 steps needs lr ≳ 3.4e-3;
    // the fastest rate is just under the limit 1, where the slow x direction contracts most.
    expect(w.low).toBeGreaterThan(2e-3);
    expect(w.low).toBeLessThan(6e-3);
    expect(w.high).toBeLessThan(1);
    expect(w.high).toBeGreaterThan(0.8);
    expect(results[w.best].value).toBeGreaterThan(0.5);
  });

  it('sweeps ε for AdaDelta, which has no learning rate', () => {
    expect(sweepParam(getOptimizer('adadelta'))).toBe('eps');
    expect(sweepParam(getOptimizer('adam'))).toBe('lr');
    expect(() => sweep({ objective, optimizer: sgd, hyper: { lr: 0.1 }, param: 'eps', values: [1], start: [1, 1], steps: 1, target: 0, fStar: 0 })).toThrow(/no hyperparameter "eps"/);
  });
});

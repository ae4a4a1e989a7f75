/**
 * The one sweep (src/lab/sweep-runs.ts) over the job a view gives (src/view/sweep.ts): each entrant's runs
 * are sweep()'s over its clipped grid, with the race's settings; the job split into shares of entrants (as
 * the app's workers run it) gives the same runs; progress is heard once per run. On x²/10 + y² (Hessian
 * diag(0.2, 2), λmax = 2) SGD's limit is 2/λmax = 1 at the start and at the estimated minimum.
 */
import { describe, expect, it } from 'vitest';
import { compileExpression, expressionObjective } from '../../src/math/expression/index.ts';
import { getOptimizer } from '../../src/optim/index.ts';
import { logGrid } from '../../src/lab/log-grid.ts';
import { sweep } from '../../src/lab/sweep.ts';
import { runSweepJob, sweepJobSize } from '../../src/lab/sweep-runs.ts';
import { FIXED } from '../../src/run/schedules.ts';
import { decodeView } from '../../src/view/link.ts';
import { sweepJobForView } from '../../src/view/sweep.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';

const view = decodeView(`f=${encodeURIComponent('x^2/10 + y^2')}&start=3,2&target=0.001&steps=400&opt=sgd,adadelta,adam:lr=0.1`, VOCABULARY).view;
const grid = { from: 1e-3, to: 10, points: 9, param: null };

describe('runSweepJob', () => {
  const job = sweepJobForView(view, grid);
  const runs = runSweepJob(job);

  it('takes the race from the view: start, budget, target, f*, each entrant with its complete hyperparameters', () => {
    expect(job).toMatchObject({ expr: 'x^2/10 + y^2', surface: null, start: [3, 2], steps: 400, target: 0.001, noise: undefined, param: null, grid: { from: 1e-3, to: 10, points: 9 } });
    expect(job.entrants.map((e) => [e.label, e.optimizer, e.hyper.lr ?? e.hyper.eps, e.schedule])).toEqual([
      ['sgd', 'sgd', view.hyper.sgd.lr, FIXED],
      ['adadelta', 'adadelta', view.hyper.adadelta.eps, FIXED],
      ['adam:lr=0.1', 'adam', 0.1, FIXED],
    ]);
  });

  it("runs sweep() over each entrant's clipped grid: lr, or ε (≤ 1) for AdaDelta", () => {
    const c = compileExpression('x^2/10 + y^2');
    if (!c.ok) throw new Error(c.error.message);
    const objective = expressionObjective(c.value);
    const shared = { objective, start: [3, 2] as const, steps: 400, target: 0.001, fStar: view.fStar, schedule: FIXED };
    expect(runs[0].results).toEqual(sweep({ ...shared, optimizer: getOptimizer('sgd'), hyper: job.entrants[0].hyper, param: 'lr', values: logGrid(grid) }));
    expect(runs[1].param).toBe('eps');
    expect(runs[1].results.map((r) => r.value)).toEqual(logGrid(grid, { min: 1e-8, max: 1 }));
    expect(runs[1].results).toHaveLength(7);
    expect(sweepJobSize(job)).toBe(9 + 7 + 9);
  });

  it('marks the SGD limit lr < 2/λmax = 1 at the start and the minimum, and none for Adam', () => {
    expect(runs[0].limits!.start).toEqual({ at: [3, 2], lambdaMax: 2, lr: 1 });
    expect(runs[0].limits!.minimum!.lr).toBeCloseTo(1, 12);
    expect(runs[2].limits).toBeNull();
    // 1e-3 … 10, two values per decade: 10^0.5 ≈ 3.16 and 10 diverge, 1 sits on the limit and never settles.
    expect(runs[0].results.filter((r) => r.diverged).map((r) => r.value)).toEqual([10 ** 0.5, 10]);
  });

  it('gives the same runs when the entrants are split between workers, and reports every run', () => {
    const parts = [runSweepJob({ ...job, entrants: [job.entrants[0], job.entrants[2]] }), runSweepJob({ ...job, entrants: [job.entrants[1]] })];
    expect([parts[0][0], parts[1][0], parts[0][1]]).toEqual(runs);
    let heard = 0;
    runSweepJob(job, () => heard++);
    expect(heard).toBe(25);
  });
});

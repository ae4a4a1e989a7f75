/** Where the curvature lens reads: the start, or the chosen run's point at the iteration shown. */
import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../src/math/expression/index.ts';
import { lensView, type LensRun } from '../../src/render/lens-point.ts';

const compiled = compileExpression('x^2/10 + y^2');
if (!compiled.ok) throw new Error(compiled.error.message);
const hessian = compiled.value.hessian()!;

const run = (id: string, name: string, xs: number[], ys: number[]) =>
  ({ id, name, xs, ys, losses: xs.map(() => 0), hit: null, settled: null, diverged: false, divergedAt: null, fStar: 0 }) satisfies LensRun;
const runs = [run('sgd', 'SGD', [-7, -5.74, -4.7], [2, -1.6, 1.28]), run('adam', 'Adam', [-7, -6.7], [2, 1.7])];

describe('lensView', () => {
  it('is off without a choice or a Hessian', () => {
    expect(lensView('off', hessian, [-7, 2], runs, 1, { inspect: null, highlight: null })).toBeNull();
    expect(lensView('start', null, [-7, 2], runs, 1, { inspect: null, highlight: null })).toBeNull();
  });
  it('reads at the start for every run', () => {
    const v = lensView('start', hessian, [-7, 2], runs, 1, { inspect: 1, highlight: null })!;
    expect(v.where).toBe('at the start (−7, 2)');
    expect(v.run).toBeNull();
    expect(v.reading.condition).toBeCloseTo(10, 12);
  });
  it('at the current point follows the inspected run, else the highlighted, else the first, at the iteration shown', () => {
    const pick = (inspect: number | null, highlight: string | null, k: number) => lensView('current', hessian, [-7, 2], runs, k, { inspect, highlight })!;
    expect(pick(null, null, 1).where).toBe("at SGD's point at iteration 1, (−5.74, −1.6)");
    expect(pick(null, 'adam', 1).where).toBe("at Adam's point at iteration 1, (−6.7, 1.7)");
    expect(pick(0, 'adam', 2).where).toBe("at SGD's point at iteration 2, (−4.7, 1.28)");
    // Past a run's last point (it ended early): its last point, named by its own iteration.
    expect(pick(1, null, 9).where).toBe("at Adam's point at iteration 1, (−6.7, 1.7)");
    expect(pick(1, null, 9).run).toBe('adam');
    expect(pick(1, null, 9).reading.at).toEqual([-6.7, 1.7]);
  });
});

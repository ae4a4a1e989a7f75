/**
 * A learning-rate sweep of every entrant of a race (issue 10), the one implementation the app's workers,
 * the sweep figure, the data export and `cli sweep` share. Its input is a plain-data job (structured-
 * cloneable, so it crosses into a Web Worker as is; src/view/sweep.ts builds it from a view): the race's
 * expression, start, budget, gap target, f*, noise, and each entrant's optimizer, complete hyperparameters
 * and schedule. Per entrant:
 *
 *   param    the swept hyperparameter: the job's, else the entrant's step parameter (lr, or ε for AdaDelta)
 *   results  sweep() over the log grid clipped to that parameter's range (log-grid.ts, sweep.ts)
 *   window   sweepWindow(results) (best value, low…high, log₁₀(high/low) decades), null when none settles
 *   limits   for SGD and Momentum sweeping lr, the stability limit of lr (limits.ts) from the Hessian at the
 *            start and at the minimum (the surface's first listed one, else the estimate over the domain;
 *            null when there is none); null for every other entrant
 */
import { compileExpression, expressionObjective } from '../math/expression/index.ts';
import type { Domain } from '../math/grid.ts';
import { estimateMinimum } from '../math/minimum.ts';
import { getOptimizer } from '../optim/index.ts';
import type { Hyper, OptimizerId } from '../optim/types.ts';
import type { NoiseSpec } from '../run/noise.ts';
import type { Schedule } from '../run/schedules.ts';
import { getSurface } from '../../surfaces/index.ts';
import { hasStepLimit, limitAt, type PointLimit } from './limits.ts';
import { logGrid, type LogGridSpec } from './log-grid.ts';
import { sweep, sweepParam, type SweepResult } from './sweep.ts';
import { sweepWindow, type SweepWindow } from './sweep-window.ts';

export interface SweepJobEntrant {
  /** Its label, unique within the race (`adam`, `adam#2`, `adam:lr=0.1`). */
  readonly label: string;
  readonly optimizer: OptimizerId;
  /** Its complete hyperparameters. */
  readonly hyper: Hyper;
  /** The schedule it runs (its own, else the race's). */
  readonly schedule: Schedule;
}

export interface SweepJob {
  readonly expr: string;
  /** The registry surface (for its listed minimum), or null for a typed expression. */
  readonly surface: string | null;
  /** Where a typed expression's minimum is estimated. */
  readonly domain: Domain;
  readonly start: readonly [number, number];
  readonly steps: number;
  /** The gap target; −∞ when none is set. */
  readonly target: number;
  readonly fStar: number;
  readonly noise: NoiseSpec | undefined;
  /** Null: each entrant's step parameter. */
  readonly param: string | null;
  readonly grid: LogGridSpec;
  readonly entrants: readonly SweepJobEntrant[];
}

export interface SweepRun {
  readonly entrant: string;
  readonly optimizer: string;
  readonly hyper: Readonly<Record<string, number>>;
  readonly param: string;
  readonly window: (Omit<SweepWindow, 'best'> & { readonly best: number }) | null;
  readonly limits: { readonly start: PointLimit; readonly minimum: PointLimit | null } | null;
  readonly results: readonly SweepResult[];
}

/** How many runs the job makes: the grid clipped to each entrant's swept parameter. */
export function sweepJobSize(job: SweepJob): number {
  return job.entrants.reduce((n, e) => n + sweptValues(job, e).values.length, 0);
}

function sweptValues(job: SweepJob, e: SweepJobEntrant): { param: string; values: number[] } {
  const optimizer = getOptimizer(e.optimizer);
  const param = job.param ?? sweepParam(optimizer);
  const spec = optimizer.hyper.find((h) => h.key === param);
  if (!spec) throw new RangeError(`${e.label} has no hyperparameter "${param}" to sweep`);
  return { param, values: logGrid(job.grid, spec) };
}

/** `onResult` hears every run as it finishes (progress). */
export function runSweepJob(job: SweepJob, onResult?: (r: SweepResult) => void): SweepRun[] {
  const compiled = compileExpression(job.expr);
  if (!compiled.ok) throw new Error(`The expression does not compile: ${compiled.error.message}`);
  const c = compiled.value;
  const objective = expressionObjective(c);
  const hessian = c.hessian();
  let minimum: readonly [number, number] | null | undefined;
  const minimumAt = (): readonly [number, number] | null => {
    const listed = job.surface ? getSurface(job.surface)?.minima[0] : undefined;
    return listed ?? estimateMinimum({ f: c.f, grad: c.grad, hessian }, job.domain)?.at ?? null;
  };
  return job.entrants.map((e): SweepRun => {
    const optimizer = getOptimizer(e.optimizer);
    const { param, values } = sweptValues(job, e);
    const results = sweep(
      { objective, optimizer, hyper: e.hyper, param, values, start: job.start, steps: job.steps, target: job.target, fStar: job.fStar, noise: job.noise, schedule: e.schedule },
      onResult,
    );
    const w = sweepWindow(results);
    let limits: SweepRun['limits'] = null;
    if (param === 'lr' && hasStepLimit(e.optimizer) && hessian) {
      if (minimum === undefined) minimum = minimumAt();
      limits = { start: limitAt(e.optimizer, e.hyper, hessian, job.start), minimum: minimum === null ? null : limitAt(e.optimizer, e.hyper, hessian, minimum) };
    }
    return {
      entrant: e.label,
      optimizer: e.optimizer,
      hyper: e.hyper,
      param,
      window: w === null ? null : { best: results[w.best].value, low: w.low, high: w.high, decades: w.decades },
      limits,
      results,
    };
  });
}

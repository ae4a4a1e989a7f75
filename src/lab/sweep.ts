/**
 * A learning-rate sweep of one entrant: the same race (objective, start, budget, target, noise, schedule)
 * run once per grid value of its step parameter, as scalar runs (a sweep is small: 61 values × 5,000 steps
 * per entrant). The step parameter is lr, or ε for an optimizer without one (AdaDelta, whose step size
 * ε sets). Each result keeps run()'s hit and settled, whether it diverged, and the final gap f − f* (from
 * the race's f*; null for a diverged run, whose last finite loss is not final). `onResult` hears each
 * result as it is made (a worker's progress).
 */
import type { Hyper, Optimizer } from '../optim/types.ts';
import { run, type RunSpec } from '../run/run.ts';

export interface SweepSpec extends Omit<RunSpec, 'hyper'> {
  readonly hyper: Hyper;
  readonly param: string;
  readonly values: readonly number[];
}

export interface SweepResult {
  readonly value: number;
  readonly hit: number | null;
  readonly settled: number | null;
  readonly diverged: boolean;
  readonly finalGap: number | null;
}

/** The hyperparameter a sweep varies: the learning rate, or ε where there is none. */
export function sweepParam(optimizer: Optimizer): string {
  return optimizer.hyper.some((h) => h.key === 'lr') ? 'lr' : 'eps';
}

export function sweep(spec: SweepSpec, onResult?: (r: SweepResult) => void): SweepResult[] {
  const { param, values, hyper, ...shared } = spec;
  if (!(param in hyper)) throw new RangeError(`${spec.optimizer.id} has no hyperparameter "${param}" to sweep`);
  return values.map((value) => {
    const r = run({ ...shared, hyper: { ...hyper, [param]: value } });
    const last = r.losses[r.losses.length - 1];
    const result = { value, hit: r.hit, settled: r.settled, diverged: r.diverged, finalGap: r.diverged ? null : last - r.fStar };
    onResult?.(result);
    return result;
  });
}

/**
 * A recorded run as every figure names and draws it: its optimizer's display name, its hyperparameters in
 * one line (hyper-text.ts) and its fixed look (palette.ts). The app's plot and scoreboard, the exported
 * figure and the embed's summary all decorate a race through this one function.
 */
import { getOptimizer } from '../optim/index.ts';
import type { OptimizerId } from '../optim/types.ts';
import type { Trajectory } from '../run/run.ts';
import { hyperText } from './hyper-text.ts';
import { LOOKS, type OptimizerLook } from './palette.ts';

export interface ShownRun extends Trajectory {
  /** The run's key in the plots and the scoreboard (its optimizer's id). */
  readonly id: OptimizerId;
  /** Display name, e.g. 'Adam'. */
  readonly name: string;
  /** Its hyperparameters in one line, e.g. 'lr=0.1 β=0.9'. */
  readonly detail: string;
  readonly look: OptimizerLook;
}

export function shownRuns(runs: readonly Trajectory[]): ShownRun[] {
  return runs.map((t) => {
    const optimizer = getOptimizer(t.optimizer);
    return { ...t, id: t.optimizer, name: optimizer.name, detail: hyperText(optimizer.hyper, t.hyper), look: LOOKS[t.optimizer] };
  });
}

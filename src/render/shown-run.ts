/**
 * A recorded run as every figure names and draws it: its entrant's key and display name, its
 * hyperparameters in one line (hyper-text.ts) and its look (palette.ts: the optimizer's colour, the dash
 * and marker of the entrant's position in the race). The app's plot and scoreboard, the exported figure
 * and the embed's summary all decorate a race through this one function.
 *
 * The name is the optimizer's, then what the entrant sets itself, then `#n` on the n-th identical
 * entrant: "Adam", "Adam #2", "Adam lr=0.1 β1=0.8", "SGD, exp schedule". The detail line holds every
 * hyperparameter it ran with, and its own learning-rate schedule when it has one.
 */
import { getOptimizer } from '../optim/index.ts';
import type { EntrantRun } from '../run/race.ts';
import { formatSchedule } from '../run/schedules.ts';
import { hyperText } from './hyper-text.ts';
import { seedSpread } from './race-status.ts';
import { entrantLook, type OptimizerLook } from './palette.ts';

export interface ShownRun extends EntrantRun {
  /** The run's key in the plots and the scoreboard: its entrant's label (`adam`, `adam#2`, `adam:lr=0.1`). */
  readonly id: string;
  /** Display name, e.g. 'Adam', 'Adam #2', 'Adam lr=0.1'. */
  readonly name: string;
  /** Its hyperparameters in one line, e.g. 'lr=0.1 β=0.9'. */
  readonly detail: string;
  /** Over several seeds, how they spread ('5 seeds: 62–130'); else null. */
  readonly spread: string | null;
  readonly look: OptimizerLook;
}

export function entrantName(run: Pick<EntrantRun, 'optimizer' | 'own' | 'ownSchedule' | 'copy' | 'batch'>): string {
  const optimizer = getOptimizer(run.optimizer);
  const own = hyperText(optimizer.hyper, run.own);
  let name = own === '' ? optimizer.name : `${optimizer.name} ${own}`;
  if (run.batch !== null) name += `, batch ${run.batch}`;
  if (run.ownSchedule !== null) name += `, ${run.ownSchedule.kind} schedule`;
  return run.copy > 1 ? `${name} #${run.copy}` : name;
}

/** `target` (the view's; null: none) words the seeds' spread. */
export function shownRuns(runs: readonly EntrantRun[], target: number | null = null): ShownRun[] {
  return runs.map((t, i) => {
    const optimizer = getOptimizer(t.optimizer);
    const parts = [hyperText(optimizer.hyper, t.hyper)];
    if (t.batch !== null) parts.push(`batch=${t.batch}`);
    if (t.ownSchedule !== null) parts.push(`(${formatSchedule(t.ownSchedule)})`);
    const spread = seedSpread(t, target);
    if (spread !== null) parts.push(`· ${spread}`);
    const detail = parts.filter((p) => p !== '').join(' ');
    return { ...t, id: t.entrant, name: entrantName(t), detail, spread, look: entrantLook(t.optimizer, i) };
  });
}

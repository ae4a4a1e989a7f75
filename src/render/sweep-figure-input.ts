/**
 * What the sweep figure states, from a view and its sweep (src/lab/sweep-runs.ts): the surface's title and
 * expression, the race it varies (start, budget, gap target and f*, noise σ and seed, the grid), and per
 * entrant its name and look (shown-run.ts, palette.ts: the race's colour, dash and marker), its other
 * hyperparameters (the swept one varies), its current value of the swept one, and its sweep. The app's
 * Sweep view, the exports, the embed page and `cli render --lab sweep` all draw this one description.
 */
import type { SweepRun } from '../lab/sweep-runs.ts';
import { getSurface } from '../../surfaces/index.ts';
import { entrantsForView } from '../view/race.ts';
import type { SweepLab, ViewState } from '../view/state.ts';
import { hyperText } from './hyper-text.ts';
import { entrantLook, type OptimizerLook } from './palette.ts';
import { entrantName } from './shown-run.ts';
import { formatNumber } from './race-status.ts';
import { tickLabel } from './tick-label.ts';

export interface SweepFigureEntrant {
  readonly name: string;
  /** Its hyperparameters other than the swept one, e.g. 'β=0.9' ('' when it has no others). */
  readonly detail: string;
  readonly look: OptimizerLook;
  /** The entrant's value of the swept parameter in the race now. */
  readonly current: number;
  readonly run: SweepRun;
}

export interface SweepFigureInput {
  readonly title: string;
  readonly expr: string;
  /** The race's settings, one phrase each ('start (−7, 2)', 'budget 200 updates', …). */
  readonly about: readonly string[];
  readonly y: SweepLab['y'];
  readonly steps: number;
  readonly target: number | null;
  /** The grid's ends as asked (each entrant's values are clipped to its parameter's range). */
  readonly from: number;
  readonly to: number;
  readonly entrants: readonly SweepFigureEntrant[];
}

const coord = (v: number) => tickLabel(v);

export function sweepFigureInput(view: ViewState, lab: SweepLab, runs: readonly SweepRun[]): SweepFigureInput {
  const def = view.surface ? getSurface(view.surface) : undefined;
  const entrants = entrantsForView(view);
  const about = [
    `start (${coord(view.start[0])}, ${coord(view.start[1])})`,
    `budget ${view.steps} updates`,
    view.target === null ? 'no target' : `target f − f* ≤ ${formatNumber(view.target)} (f* = ${formatNumber(view.fStar)})`,
    view.noise > 0 ? `gradient noise σ = ${formatNumber(view.noise)}, seed ${view.seed}` : 'exact gradients',
    `grid ${tickLabel(lab.from)} … ${tickLabel(lab.to)}, ${lab.points} log-spaced values`,
  ];
  return {
    title: `${lab.param === null || lab.param === 'lr' ? 'Learning-rate sweep' : `Sweep of ${lab.param}`} on ${def?.title ?? 'a custom surface'}`,
    expr: view.expr,
    about,
    y: lab.y,
    steps: view.steps,
    target: view.target,
    from: lab.from,
    to: lab.to,
    entrants: runs.map((run, i) => {
      const e = entrants[i];
      const optimizer = e.optimizer;
      const others = Object.fromEntries(Object.entries(run.hyper).filter(([k]) => k !== run.param));
      return {
        name: entrantName({ optimizer: optimizer.id, own: e.own ?? {}, ownSchedule: view.entrants[i].schedule, copy: e.copy ?? 1, batch: null }),
        detail: hyperText(optimizer.hyper, others),
        look: entrantLook(optimizer.id, i),
        current: run.hyper[run.param],
        run,
      };
    }),
  };
}

/**
 * The one race builder: view → entrants → race. The app's Surfaces tab, the exports and the embed page,
 * and the CLI's `race` and `render` all call raceForView, so one view gives one race wherever it runs:
 * the same start, budget, target (a gap above the view's f*), seeded noise and learning-rate schedule for
 * every entrant (unless an entrant brings its own schedule).
 *
 * A view's expression has been checked wherever the view was read (link, CLI, form), so a failure to
 * compile here is a programming error and throws. The app passes its already compiled objective so that
 * dragging the start does not recompile the expression. No target (null) is a target no loss can reach.
 */
import { compileExpression, expressionObjective } from '../math/expression/index.ts';
import type { Objective } from '../math/objective.ts';
import { getOptimizer } from '../optim/index.ts';
import type { PointData } from '../run/minibatch.ts';
import { race, type Entrant, type EntrantRun, type RaceSpec } from '../run/race.ts';
import { getSurface } from '../../surfaces/index.ts';
import { entrantHyper, entrantLabels } from './entrants.ts';
import type { ViewState } from './state.ts';

export function viewObjective(view: Pick<ViewState, 'expr'>): Objective {
  const compiled = compileExpression(view.expr);
  if (!compiled.ok) throw new Error(`The expression does not compile: ${compiled.error.message}`);
  return expressionObjective(compiled.value);
}

/**
 * The view's entrants, in the view's order, each with its complete hyperparameters (its optimizer's in the
 * view, its own on top), its own schedule if it has one, and its label (`adam`, `adam#2`, `adam:lr=0.1`).
 */
export function entrantsForView(view: Pick<ViewState, 'entrants' | 'hyper'>): Entrant[] {
  const labels = entrantLabels(view.entrants);
  return view.entrants.map((e, i) => ({
    optimizer: getOptimizer(e.optimizer),
    hyper: entrantHyper(view.hyper, e),
    own: e.own,
    label: labels[i].label,
    copy: labels[i].copy,
    ...(e.schedule === null ? {} : { schedule: e.schedule }),
    ...(e.batch === null ? {} : { batch: e.batch }),
  }));
}

/** The fields a race reads (the domain, layout and playback position do not change it). */
export type RaceView = Pick<ViewState, 'expr' | 'entrants' | 'hyper' | 'start' | 'steps' | 'fStar' | 'target' | 'noise' | 'seed' | 'seeds' | 'schedule'>;

/** The data points of the view's registry surface (for mini-batches), if it has any. */
export const viewData = (view: { readonly surface?: string | null }): PointData | undefined =>
  view.surface ? getSurface(view.surface)?.data : undefined;

/**
 * `data`: the surface's data points, for entrants with a mini-batch size (default: the view's surface's,
 * when the view names one; the app passes its source's).
 */
export function raceForView(view: RaceView & { readonly surface?: string | null }, objective: Objective = viewObjective(view), data: PointData | undefined = viewData(view)): EntrantRun[] {
  return race(raceSpecForView(view, objective, data));
}

/** The race a view runs, as race() takes it (the update inspector replays one entrant of it). */
export function raceSpecForView(view: RaceView & { readonly surface?: string | null }, objective: Objective = viewObjective(view), data: PointData | undefined = viewData(view)): RaceSpec {
  return {
    objective,
    entrants: entrantsForView(view),
    start: view.start,
    steps: view.steps,
    target: view.target ?? -Infinity,
    fStar: view.fStar,
    noise: view.noise > 0 ? { sigma: view.noise, seed: view.seed } : undefined,
    schedule: view.schedule,
    seeds: view.seeds,
    seed: view.seed,
    data,
  };
}

/**
 * The one race builder: view → entrants → race. The app's Surfaces tab, the exports and the embed page,
 * and the CLI's `race` and `render` all call raceForView, so one view gives one race wherever it runs:
 * the same start, budget, target (a gap above the view's f*), seeded noise and learning-rate schedule for every entrant.
 *
 * A view's expression has been checked wherever the view was read (link, CLI, form), so a failure to
 * compile here is a programming error and throws. The app passes its already compiled objective so that
 * dragging the start does not recompile the expression. No target (null) is a target no loss can reach.
 */
import { compileExpression, expressionObjective } from '../math/expression/index.ts';
import type { Objective } from '../math/objective.ts';
import { getOptimizer } from '../optim/index.ts';
import { race, type Entrant } from '../run/race.ts';
import type { Trajectory } from '../run/run.ts';
import type { ViewState } from './state.ts';

export function viewObjective(view: Pick<ViewState, 'expr'>): Objective {
  const compiled = compileExpression(view.expr);
  if (!compiled.ok) throw new Error(`The expression does not compile: ${compiled.error.message}`);
  return expressionObjective(compiled.value);
}

/** The racing optimizers, each with its hyperparameters from the view, in the view's order. */
export function entrantsForView(view: Pick<ViewState, 'optimizers' | 'hyper'>): Entrant[] {
  return view.optimizers.map((id) => ({ optimizer: getOptimizer(id), hyper: view.hyper[id] }));
}

/** The fields a race reads (the domain, layout and playback position do not change it). */
export type RaceView = Pick<ViewState, 'expr' | 'optimizers' | 'hyper' | 'start' | 'steps' | 'fStar' | 'target' | 'noise' | 'seed' | 'schedule'>;

export function raceForView(view: RaceView, objective: Objective = viewObjective(view)): Trajectory[] {
  return race({
    objective,
    entrants: entrantsForView(view),
    start: view.start,
    steps: view.steps,
    target: view.target ?? -Infinity,
    fStar: view.fStar,
    noise: view.noise > 0 ? { sigma: view.noise, seed: view.seed } : undefined,
    schedule: view.schedule,
  });
}

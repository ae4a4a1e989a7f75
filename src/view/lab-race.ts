/**
 * A lab view's race (issue 10): the view's expression compiled once (f, ∇f and the Hessian), its entrants
 * (the one race builder's, race.ts), the gap target (none: −∞, nothing is ever within it) and the noise of
 * its first seed (a sweep or map cell is one run, not a race's median over seeds). Shared by `cli sweep`,
 * `cli map`, the app's map workers and every map figure, so all of them run the same numbers.
 */
import { compileExpression, expressionObjective, type CompiledExpression } from '../math/expression/index.ts';
import type { Objective } from '../math/objective.ts';
import type { NoiseSpec } from '../run/noise.ts';
import type { Entrant } from '../run/race.ts';
import type { MapSpec } from '../lab/map.ts';
import { entrantsForView } from './race.ts';
import type { ViewState } from './state.ts';

export interface LabRace {
  readonly compiled: CompiledExpression;
  readonly objective: Objective;
  readonly entrants: readonly Entrant[];
  readonly target: number;
  readonly noise: NoiseSpec | undefined;
}

export function labRace(view: ViewState): LabRace {
  const compiled = compileExpression(view.expr);
  if (!compiled.ok) throw new Error(`The expression does not compile: ${compiled.error.message}`);
  return {
    compiled: compiled.value,
    objective: expressionObjective(compiled.value),
    entrants: entrantsForView(view),
    target: view.target ?? -Infinity,
    noise: view.noise > 0 ? { sigma: view.noise, seed: view.seed } : undefined,
  };
}

/** A start-point map of the view at res × res starts over its plotted domain. */
export function mapSpecOf(view: ViewState, res: number, lab: LabRace = labRace(view)): MapSpec {
  return {
    objective: lab.objective,
    entrants: lab.entrants,
    domain: view.domain,
    nx: res,
    ny: res,
    steps: view.steps,
    target: lab.target,
    fStar: view.fStar,
    noise: lab.noise,
    schedule: view.schedule,
  };
}

/**
 * What `sweep` and `map` share: the view read from the race options exactly as `race` reads them
 * (view-options.ts), its entrants (the one race builder's, src/view/race.ts), and the view's expression
 * compiled once for f, ∇f and the Hessian. Both run each entrant on the view's first noise seed (`--seeds`
 * is a race's median over seeds; a sweep or map cell is one run), and neither takes mini-batch entrants.
 */
import { compileExpression, expressionObjective, type CompiledExpression } from '../math/expression/index.ts';
import type { Objective } from '../math/objective.ts';
import type { NoiseSpec } from '../run/noise.ts';
import type { Entrant } from '../run/race.ts';
import { entrantsForView } from '../view/race.ts';
import { fail, type Result } from '../view/result.ts';
import type { ViewState } from '../view/state.ts';
import type { ParsedFlags } from './args.ts';
import { readViewFlags } from './view-options.ts';

export function readLabView(flags: ParsedFlags, command: string): Result<ViewState, string> {
  const view = readViewFlags(flags, 'race');
  if (!view.ok) return view;
  const batched = entrantsForView(view.value).find((e) => e.batch !== undefined);
  if (batched) return fail(`--optimizers: ${batched.label}: ${command} runs the full gradient, not mini-batches`);
  return view;
}

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

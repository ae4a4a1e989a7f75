/**
 * A registry surface as an Objective with exact gradients: its expression goes through the same
 * compiler users' typed expressions do. Compiled once per SurfaceDef (memoised), since the UI asks again
 * on every drag. A registry expression that fails to compile is a bug in this repository, so it throws.
 */
import { compileExpression, expressionObjective } from '../src/math/expression/index.ts';
import type { Objective } from '../src/math/objective.ts';
import type { SurfaceDef } from './types.ts';

const compiled = new WeakMap<SurfaceDef, Objective>();

export function surfaceObjective(surface: SurfaceDef): Objective {
  let objective = compiled.get(surface);
  if (!objective) {
    const result = compileExpression(surface.expr);
    if (!result.ok) throw new Error(`surface "${surface.id}" does not compile: ${result.error.message}`);
    objective = expressionObjective(result.value);
    compiled.set(surface, objective);
  }
  return objective;
}

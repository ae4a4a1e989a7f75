/**
 * The surfaces tab's edits of the view that are more than setting one field, as pure functions of the view:
 * picking a surface (its defaults, keeping the racing optimizers and the layout), resetting a typed
 * expression's race settings, toggling an optimizer (the list stays in registry order) and setting one
 * hyperparameter. The view model (surfaces-view.svelte.ts) applies what they return as a preview or a
 * committed change; they never touch history or playback.
 */
import { OPTIMIZERS } from '../../optim/index.ts';
import type { OptimizerId } from '../../optim/types.ts';
import { getSurface } from '../../../surfaces/index.ts';
import { DEFAULT_SEED, defaultView, surfaceHyper } from '../../view/fields.ts';
import type { ViewState } from '../../view/state.ts';
import { VOCABULARY } from '../../view/vocabulary.ts';

/** The surface's default view with this view's optimizers and layout; null for an unknown id. */
export function pickedView(view: ViewState, id: string): ViewState | null {
  const def = getSurface(id);
  return def ? { ...defaultView(def, VOCABULARY), optimizers: view.optimizers, layout: view.layout } : null;
}

/** "Reset to surface defaults" on a typed expression (a registry surface is picked again instead): the
 * registry's hyperparameters, no noise and the default seed; the start, budget and target stay. */
export function expressionDefaults(): Pick<ViewState, 'hyper' | 'noise' | 'seed'> {
  return { hyper: surfaceHyper(null, VOCABULARY), noise: 0, seed: DEFAULT_SEED };
}

export function withOptimizer(view: ViewState, id: OptimizerId, on: boolean): Pick<ViewState, 'optimizers'> {
  const set = new Set(view.optimizers);
  if (on) set.add(id);
  else set.delete(id);
  return { optimizers: OPTIMIZERS.map((o) => o.id).filter((x) => set.has(x)) };
}

export function withHyper(view: ViewState, id: OptimizerId, key: string, value: number): Pick<ViewState, 'hyper'> {
  return { hyper: { ...view.hyper, [id]: { ...view.hyper[id], [key]: value } } };
}

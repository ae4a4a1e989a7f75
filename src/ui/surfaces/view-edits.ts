/**
 * The surfaces tab's edits of the view that are more than setting one field, as pure functions of the view:
 * picking a surface (its defaults, keeping the entrants and the layout), resetting a typed expression's race
 * settings, toggling an optimizer in or out of the race, adding and removing one entrant, setting an
 * optimizer's hyperparameter (shared by its entrants) or an entrant's own (hyperparameters, schedule,
 * mini-batch size), and fitting the entrants to a new surface (no mini-batches without data). The view model
 * (surfaces-view.svelte.ts) applies what they return as a preview or a committed change; they never touch
 * history or playback. Entrants stay in race order (entrants.ts: grouped by optimizer in registry order),
 * and an entrant's own hyperparameters in its optimizer's spec order, so the link writes one text per race.
 */
import { getOptimizer } from '../../optim/index.ts';
import type { Hyper, OptimizerId } from '../../optim/types.ts';
import type { Schedule } from '../../run/schedules.ts';
import { getSurface } from '../../../surfaces/index.ts';
import { inRaceOrder, plainEntrant } from '../../view/entrants.ts';
import { DEFAULT_SEED, defaultView, surfaceHyper } from '../../view/fields.ts';
import type { ViewEntrant, ViewState } from '../../view/state.ts';
import { VOCABULARY } from '../../view/vocabulary.ts';

/**
 * The entrants as a surface with `points` data points (or none: null) can race them: a mini-batch size is
 * dropped where there is no data and capped at the points. The same array when nothing changes.
 */
export function fitEntrants(entrants: readonly ViewEntrant[], points: number | null): readonly ViewEntrant[] {
  const fit = (b: number | null) => (b === null || points === null ? null : Math.min(b, points));
  return entrants.every((e) => e.batch === fit(e.batch)) ? entrants : entrants.map((e) => ({ ...e, batch: fit(e.batch) }));
}

/** The surface's default view with this view's entrants (fitted to its data) and layout; null for an unknown id. */
export function pickedView(view: ViewState, id: string): ViewState | null {
  const def = getSurface(id);
  return def ? { ...defaultView(def, VOCABULARY), entrants: fitEntrants(view.entrants, def.data?.points ?? null), layout: view.layout } : null;
}

/** "Reset to surface defaults" on a typed expression (a registry surface is picked again instead): the
 * registry's hyperparameters, no noise and the default seed; the start, budget and target stay. */
export function expressionDefaults(): Pick<ViewState, 'hyper' | 'noise' | 'seed'> {
  return { hyper: surfaceHyper(null, VOCABULARY), noise: 0, seed: DEFAULT_SEED };
}

/** An optimizer into the race (one plain entrant, unless it already has one) or out of it (all its entrants). */
export function withOptimizer(view: ViewState, id: OptimizerId, on: boolean): Pick<ViewState, 'entrants'> {
  const has = view.entrants.some((e) => e.optimizer === id);
  if (on) return { entrants: has ? view.entrants : inRaceOrder([...view.entrants, plainEntrant(id)], VOCABULARY) };
  return { entrants: view.entrants.filter((e) => e.optimizer !== id) };
}

/** One more entrant of an optimizer, after its others: a copy of the last one (`adam#2`), to be varied. */
export function withEntrantAdded(view: ViewState, id: OptimizerId): Pick<ViewState, 'entrants'> {
  const last = [...view.entrants].reverse().find((e) => e.optimizer === id) ?? plainEntrant(id);
  return { entrants: inRaceOrder([...view.entrants, { ...last }], VOCABULARY) };
}

export function withoutEntrant(view: ViewState, index: number): Pick<ViewState, 'entrants'> {
  return { entrants: view.entrants.filter((_, i) => i !== index) };
}

const replaced = (view: ViewState, index: number, e: ViewEntrant): Pick<ViewState, 'entrants'> => ({
  entrants: view.entrants.map((old, i) => (i === index ? e : old)),
});

/** Its own values in spec order; `value` null removes `key` (the entrant then takes its optimizer's). */
function ownWith(e: ViewEntrant, key: string, value: number | null): Hyper {
  const own: Hyper = {};
  for (const spec of getOptimizer(e.optimizer).hyper) {
    const v = spec.key === key ? value : e.own[spec.key];
    if (v !== null && v !== undefined) own[spec.key] = v;
  }
  return own;
}

/** An entrant's own hyperparameter (its optimizer's other entrants keep theirs). */
export function withEntrantHyper(view: ViewState, index: number, key: string, value: number): Pick<ViewState, 'entrants'> {
  const e = view.entrants[index];
  return replaced(view, index, { ...e, own: ownWith(e, key, value) });
}

/** The entrant takes its optimizer's value of `key` again. */
export function withoutEntrantHyper(view: ViewState, index: number, key: string): Pick<ViewState, 'entrants'> {
  const e = view.entrants[index];
  return replaced(view, index, { ...e, own: ownWith(e, key, null) });
}

/** An entrant's own learning-rate schedule, or null: the race's. */
export function withEntrantSchedule(view: ViewState, index: number, schedule: Schedule | null): Pick<ViewState, 'entrants'> {
  return replaced(view, index, { ...view.entrants[index], schedule });
}

/** An entrant's mini-batch size (a surface with data), or null: the exact gradient. */
export function withEntrantBatch(view: ViewState, index: number, batch: number | null): Pick<ViewState, 'entrants'> {
  return replaced(view, index, { ...view.entrants[index], batch });
}

/** An optimizer's hyperparameter: every entrant of it that does not set `key` itself runs with it. */
export function withHyper(view: ViewState, id: OptimizerId, key: string, value: number): Pick<ViewState, 'hyper'> {
  return { hyper: { ...view.hyper, [id]: { ...view.hyper[id], [key]: value } } };
}

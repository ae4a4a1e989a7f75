/**
 * Which view fields each part of the surfaces scene (scene.ts) reads. The three lists are disjoint, and
 * layout and the playback position k are in none: a change to one part's fields leaves the other parts'
 * inputs identical, so a memoised part (the app's $derived) is not recomputed. `pickInputs` returns the
 * previous pick itself when every field in it is identical (===) to the view's, so a memo keyed on the
 * pick's identity sees no change. A view read afresh from a link (Back, Forward) has new arrays and
 * objects throughout; `keepEqual` puts back the previous view's value wherever the new one is equal in
 * content, so going Back over a start drag re-runs the race and nothing else.
 */
import type { RaceView } from '../view/race.ts';
import type { ViewState } from '../view/state.ts';

/** The source part: which surface, and the expression compiled. */
export const SOURCE_KEYS = ['surface', 'expr'] as const;
/** The field part (grid, levels, minima): the plot's extent. */
export const FIELD_KEYS = ['domain'] as const;
/** The race part: everything raceForView reads besides the expression (the source compiles that once). */
export const RACE_KEYS = ['optimizers', 'hyper', 'start', 'steps', 'fStar', 'target', 'noise', 'seed', 'schedule'] as const;

export type SourceInputs = Pick<ViewState, (typeof SOURCE_KEYS)[number]>;
export type FieldInputs = Pick<ViewState, (typeof FIELD_KEYS)[number]>;
export type RaceInputs = Omit<RaceView, 'expr'>;

export function pickInputs<K extends keyof ViewState>(view: ViewState, keys: readonly K[], previous?: Pick<ViewState, K>): Pick<ViewState, K> {
  if (previous && keys.every((key) => previous[key] === view[key])) return previous;
  const out = {} as Pick<ViewState, K>;
  for (const key of keys) out[key] = view[key];
  return out;
}

/** Equal as plain data (numbers, strings, booleans, null, arrays and objects of them). */
function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** `next`, with each field that equals `previous`'s in content replaced by `previous`'s own value. */
export function keepEqual(previous: ViewState, next: ViewState): ViewState {
  const out = { ...next } as Record<keyof ViewState, unknown>;
  for (const key of Object.keys(next) as (keyof ViewState)[]) if (sameData(previous[key], next[key])) out[key] = previous[key];
  return out as unknown as ViewState;
}

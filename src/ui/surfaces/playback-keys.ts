/**
 * The surfaces tab's playback keys: Space plays or pauses, → and ← step one iteration. A key belongs to the
 * focused control when that control edits text or choices (inputs, text areas, selects, editable content);
 * the Iteration slider keeps its arrows but lets Space play; Space on a button or a <summary> presses it,
 * except on the playback buttons themselves (Play, Step, Reset, marked `data-playback`): there Space plays or
 * pauses, so clicking Step and then pressing Space plays instead of stepping again (Enter still presses
 * them); keys with Alt, Ctrl or ⌘ are the browser's. Reads the event's target by its tag, type and that
 * mark only, so it is tested without a DOM.
 */
export type PlaybackKey = 'toggle' | 'forward' | 'back';

export interface KeyTarget {
  readonly tagName?: string;
  readonly type?: string;
  readonly isContentEditable?: boolean;
  readonly dataset?: { readonly playback?: string };
}

export interface KeyPress {
  readonly key: string;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly target: KeyTarget | EventTarget | null;
}

const KEYS: Readonly<Record<string, PlaybackKey>> = { ' ': 'toggle', ArrowRight: 'forward', ArrowLeft: 'back' };

function ownedByTarget(t: KeyTarget | null, key: string): boolean {
  if (!t) return false;
  const tag = t.tagName ?? '';
  if (tag === 'INPUT' && t.type === 'range') return key !== ' ';
  if (key === ' ' && tag === 'BUTTON') return t.dataset?.playback === undefined;
  if (key === ' ' && tag === 'SUMMARY') return true;
  return t.isContentEditable === true || tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/** What a key press does to playback, or null when it is not a playback key here. */
export function playbackKey(e: KeyPress): PlaybackKey | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  const action = KEYS[e.key];
  if (!action) return null;
  return ownedByTarget(e.target as KeyTarget | null, e.key) ? null : action;
}

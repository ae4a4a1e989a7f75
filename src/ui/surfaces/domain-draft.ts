/**
 * The x/y range fields as a draft: four texts (x from, x to, y from, y to) read into a domain by the domain
 * field's own parser in the field table (the one links and `--domain` use). When it refuses, each field
 * gets its message: a number outside the domain field's range (±1e6) or not a number, worded by the form's
 * number reader, or, for an axis whose ends are out of order, "x from must be less than x to (10)." at the
 * field edited last (the axis's "to" field when the edit was elsewhere).
 */
import { FIELD } from '../../view/fields.ts';
import type { ViewDomain, ViewState } from '../../view/state.ts';
import { VOCABULARY } from '../../view/vocabulary.ts';
import { parseNumberField } from './number-input.ts';

export const RANGE_LABELS = ['x from', 'x to', 'y from', 'y to'] as const;
export type RangeIndex = 0 | 1 | 2 | 3;
export type Draft = readonly [string, string, string, string];

export interface DraftVerdict {
  /** The domain the draft describes, or null while any field has a message. */
  readonly domain: ViewDomain | null;
  readonly messages: readonly (string | null)[];
}

export const draftOf = (d: ViewDomain): Draft => [String(d.x[0]), String(d.x[1]), String(d.y[0]), String(d.y[1])];

export function readDraft(draft: Draft, edited: RangeIndex, view: ViewState): DraftVerdict {
  const parsed = FIELD.domain.parse(draft.join(','), { vocab: VOCABULARY, def: null, expr: view.expr }, view);
  if (parsed.ok) return { domain: parsed.value, messages: [null, null, null, null] };
  // Refused: say why, at the field.
  const read = draft.map((t) => parseNumberField(t, FIELD.domain.range));
  const messages = read.map((r) => (r.ok ? null : r.message));
  for (const from of [0, 2] as const) {
    const [a, b] = [read[from], read[from + 1]];
    if (!a.ok || !b.ok || a.value < b.value) continue;
    const atFrom = edited === from;
    const [self, other] = atFrom ? [from, from + 1] : [from + 1, from];
    messages[self] = `${RANGE_LABELS[self]} must be ${atFrom ? 'less' : 'greater'} than ${RANGE_LABELS[other]} (${atFrom ? b.value : a.value}).`;
  }
  return { domain: null, messages };
}

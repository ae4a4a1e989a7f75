/**
 * The reader of the surfaces view: raw texts by field name (from a link's keys or from CLI flags) → a
 * ViewState and the errors, as data. The link codec (link.ts) and the CLI (src/cli/view-options.ts) both
 * call it, so a link and the same options on the command line give the same view; each words the errors.
 *
 * The source comes first (a registry surface, else a typed expression, else the first surface), since
 * every default depends on it. A bad source leaves nothing to read against: the result is the first
 * surface's default view with that one error and `reset` set. Otherwise the other fields are read by the
 * table's one reader (read-fields.ts).
 */
import { FIELD, VIEW_TABLE, defaultView, type ViewContext } from './fields.ts';
import { readFields, type RawFields } from './read-fields.ts';
import type { FieldError } from './result.ts';
import type { ViewState } from './state.ts';
import type { ViewVocabulary } from './vocabulary.ts';

export interface ReadView {
  readonly view: ViewState;
  readonly errors: readonly FieldError[];
  /** The source (surface or expression) was refused, so the view is the default one. */
  readonly reset: boolean;
}

export function readView(raw: RawFields, vocab: ViewVocabulary): ReadView {
  const first = vocab.surfaces[0];
  const { surface: sid, expr: exprText, ...texts } = raw.texts;
  const firstCtx: ViewContext = { vocab, def: first, expr: first.expr };
  const firstView = defaultView(first, vocab);
  const refused = (field: { name: string; label: string }, text: string, r: { error: FieldError['reason'] }): ReadView => ({
    view: firstView,
    errors: [{ field: field.name, label: field.label, text, reason: r.error }],
    reset: true,
  });

  let ctx = firstCtx;
  const errors: FieldError[] = [];
  if (sid !== undefined) {
    const r = FIELD.surface.parse(sid, firstCtx, firstView);
    if (!r.ok) return refused(FIELD.surface, sid, r);
    const def = vocab.surfaces.find((s) => s.id === r.value) ?? first;
    ctx = { vocab, def, expr: def.expr };
    if (exprText !== undefined) errors.push({ field: 'expr', label: FIELD.expr.label, text: exprText, reason: { kind: 'conflict', other: 'surface' } });
  } else if (exprText !== undefined) {
    const r = FIELD.expr.parse(exprText, firstCtx, firstView);
    if (!r.ok) return refused(FIELD.expr, exprText, r);
    ctx = { vocab, def: null, expr: r.value };
  }
  const read = readFields(VIEW_TABLE, { texts, entries: raw.entries }, ctx);
  return { view: read.state, errors: [...errors, ...read.errors], reset: false };
}

/**
 * The one reader of the view: raw texts by field name (from a link's keys or from CLI flags) → a ViewState
 * and the errors, as data. The link codec (link.ts) and the CLI (src/cli/view-options.ts) both call it,
 * so a link and the same options on the command line give the same view; each words the errors itself.
 *
 * The source comes first (a registry surface, else a typed expression, else the first surface), since
 * every default depends on it. A bad source leaves nothing to read against: the result is the first
 * surface's default view with that one error and `reset` set. Otherwise every field given is read in table
 * order; a field that fails keeps its default and adds one error (a list that is read in part adds one per
 * dropped word), and the hyperparameter entries are read in the order given (the last one wins).
 */
import type { AnyScalarField, FieldContext } from './field.ts';
import { FIELD, FIELDS, defaultView, viewDefaults } from './fields.ts';
import type { FieldError, FieldName, Reason } from './result.ts';
import type { ViewState } from './state.ts';
import type { ViewVocabulary } from './vocabulary.ts';
import type { Hyper } from '../optim/types.ts';

export interface RawView {
  /** Text of each scalar field given, by field name. */
  readonly texts: Partial<Record<FieldName, string>>;
  /** Hyperparameter entries as given: [entry, text], e.g. ["adam.lr", "0.05"]. */
  readonly entries: readonly (readonly [string, string])[];
}

export interface ReadView {
  readonly view: ViewState;
  readonly errors: readonly FieldError[];
  /** The source (surface or expression) was refused, so the view is the default one. */
  readonly reset: boolean;
}

const error = (field: AnyScalarField, text: string, reason: Reason): FieldError => ({ field: field.name, label: field.label, text, reason });

export function readView(raw: RawView, vocab: ViewVocabulary): ReadView {
  const first = vocab.surfaces[0];
  const ctx0: FieldContext = { vocab, def: first, view: defaultView(first, vocab) };
  const reset = (e: FieldError): ReadView => ({ view: ctx0.view, errors: [e], reset: true });
  const errors: FieldError[] = [];

  let view = ctx0.view;
  const sid = raw.texts.surface;
  const exprText = raw.texts.expr;
  if (sid !== undefined) {
    const r = FIELD.surface.parse(sid, ctx0);
    if (!r.ok) return reset(error(FIELD.surface, sid, r.error));
    view = defaultView(vocab.surfaces.find((s) => s.id === r.value)!, vocab);
    if (exprText !== undefined) errors.push(error(FIELD.expr, exprText, { kind: 'conflict', other: 'surface' }));
  } else if (exprText !== undefined) {
    const r = FIELD.expr.parse(exprText, ctx0);
    if (!r.ok) return reset(error(FIELD.expr, exprText, r.error));
    view = viewDefaults(null, r.value, vocab);
  }
  const def = view.surface === null ? null : (vocab.surfaces.find((s) => s.id === view.surface) ?? null);

  for (const field of FIELDS) {
    if (field.name === 'surface' || field.name === 'expr') continue;
    const ctx: FieldContext = { vocab, def, view };
    if (field.kind === 'family') {
      const hyper: Record<string, Hyper> = {};
      for (const id of Object.keys(view.hyper)) hyper[id] = { ...view.hyper[id] };
      for (const [entry, text] of raw.entries) {
        const r = field.parse(entry, text, ctx);
        if (r.ok) hyper[r.value.optimizer][r.value.key] = r.value.value;
        else errors.push({ field: 'hyper', entry, label: field.entryLabel(entry, vocab), text, reason: r.error });
      }
      view = { ...view, hyper };
      continue;
    }
    const text = raw.texts[field.name];
    if (text === undefined) continue;
    const r = field.parse(text, ctx);
    if (!r.ok) {
      errors.push(error(field, text, r.error));
      continue;
    }
    for (const reason of r.dropped ?? []) errors.push(error(field, text, reason));
    view = { ...view, [field.name]: r.value };
  }
  return { view, errors, reset: false };
}

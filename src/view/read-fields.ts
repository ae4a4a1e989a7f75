/**
 * The one reader of a field table: raw texts by field name (from a link's keys or from CLI flags) → the
 * state and the errors, as data. Fields are read in table order; a field not given takes its default,
 * computed from the context and the fields before it (the MNIST activations default to one per hidden
 * layer); a field that fails keeps its default and adds one error, and a list read in part adds one error
 * per dropped word. Family entries (hyperparameters) are applied in the order given, the last one winning.
 */
import type { Hyper } from '../optim/types.ts';
import type { AnyScalarField, FieldTable } from './field.ts';
import type { FieldError, Reason } from './result.ts';

export interface RawFields {
  /** Text of each scalar field given, by field name. */
  readonly texts: Readonly<Record<string, string>>;
  /** Family entries as given: [entry, text], e.g. ["adam.lr", "0.05"]. */
  readonly entries: readonly (readonly [string, string])[];
}

const NOTHING: RawFields = { texts: {}, entries: [] };

export interface ReadFields<S> {
  readonly state: S;
  readonly errors: readonly FieldError[];
}

const fieldError = <S, C>(field: AnyScalarField<S, C>, text: string, reason: Reason): FieldError => ({
  field: String(field.name),
  label: field.label,
  text,
  reason,
});

export function readFields<S, C>(table: FieldTable<S, C>, raw: RawFields, ctx: C): ReadFields<S> {
  const state: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  const so = state as S;
  for (const field of table.fields) {
    const name = String(field.name);
    if (field.kind === 'family') {
      const hyper: Record<string, Hyper> = {};
      for (const [id, h] of Object.entries(field.default(ctx))) hyper[id] = { ...h };
      for (const [entry, text] of raw.entries) {
        const r = field.parse(entry, text, ctx);
        if (r.ok) hyper[r.value.optimizer][r.value.key] = r.value.value;
        else errors.push({ field: name, entry, label: field.entryLabel(entry, ctx), text, reason: r.error });
      }
      state[name] = hyper;
      continue;
    }
    const text = Object.hasOwn(raw.texts, name) ? raw.texts[name] : undefined;
    const r = text === undefined ? null : field.parse(text, ctx, so);
    if (r === null || !r.ok) {
      if (r && text !== undefined) errors.push(fieldError(field, text, r.error));
      state[name] = field.default(ctx, so);
      continue;
    }
    for (const reason of r.dropped ?? []) errors.push(fieldError(field, text!, reason));
    state[name] = r.value;
  }
  return { state: so, errors };
}

/** The state with every field at its default. */
export function defaultsOf<S, C>(table: FieldTable<S, C>, ctx: C): S {
  return readFields(table, NOTHING, ctx).state;
}

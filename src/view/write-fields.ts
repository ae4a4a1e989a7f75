/**
 * The one writer of a field table: a state → the [link key, text] pairs a link holds, in table order,
 * each field as its write policy says (compared with the defaults for the context), hyperparameter entries
 * only where they differ from the defaults (Object.is, so −0 survives). Keys carry the table's namespace.
 */
import type { Hyper } from '../optim/types.ts';
import type { FieldTable } from './field.ts';
import { defaultsOf } from './read-fields.ts';

export function writeFields<S, C>(table: FieldTable<S, C>, state: S, ctx: C): [string, string][] {
  const defaults = defaultsOf(table, ctx);
  const out: [string, string][] = [];
  for (const field of table.fields) {
    if (field.kind === 'family') {
      const now = state[field.name] as Readonly<Record<string, Hyper>>;
      const base = defaults[field.name] as Readonly<Record<string, Hyper>>;
      for (const [id, h] of Object.entries(base)) {
        for (const [key, v0] of Object.entries(h)) {
          const v = now[id]?.[key];
          if (v !== undefined && !Object.is(v, v0)) out.push([`${table.namespace}${id}.${key}`, String(v)]);
        }
      }
      continue;
    }
    const text = field.format(state[field.name]);
    const w = field.write;
    const written = w === 'always' || (w === 'unless-default' ? text !== field.format(defaults[field.name]) : w(state, ctx));
    if (written) out.push([`${table.namespace}${field.key}`, text]);
  }
  return out;
}

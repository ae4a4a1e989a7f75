/**
 * A field table's part of a link: the page hash is a query string shared by several tables (the surfaces
 * view's keys, the MNIST options' `m.` keys, the app shell's `tab`). linkRaw picks a table's keys out of
 * it as raw texts by field name plus family entries, for the table's reader; linkText writes a table's
 * [key, text] pairs (write-fields.ts) back as a query string.
 */
import type { FieldTable } from './field.ts';
import type { RawFields } from './read-fields.ts';

/** Each table's prefix in the shared hash (FieldTable.namespace): the surfaces view's keys have none. */
export const NAMESPACE = { view: '', mnist: 'm.' } as const;

/** The table's keys in `params` (the first of a repeated key wins); `skip` leaves out keys owned by others. */
export function linkRaw<S, C>(table: FieldTable<S, C>, params: URLSearchParams, skip: (key: string) => boolean = () => false): RawFields {
  const names = new Map<string, string>();
  for (const f of table.fields) if (f.kind === 'scalar') names.set(f.key, String(f.name));
  const texts: Record<string, string> = {};
  const entries: [string, string][] = [];
  for (const [fullKey, text] of params) {
    if (!fullKey.startsWith(table.namespace) || skip(fullKey)) continue;
    const key = fullKey.slice(table.namespace.length);
    const name = names.get(key);
    if (name === undefined) entries.push([key, text]);
    else if (!Object.hasOwn(texts, name)) texts[name] = text;
  }
  return { texts, entries };
}

/** [key, text] pairs as a query string; spaces as %20, which reads better next to the '+' of expressions. */
export function linkText(pairs: readonly (readonly [string, string])[]): string {
  const p = new URLSearchParams();
  for (const [key, text] of pairs) p.set(key, text);
  return p.toString().replace(/\+/g, '%20');
}

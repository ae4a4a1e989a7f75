/**
 * The view's link: the page hash written as a query string, generated from the field table.
 *
 *   #s=rosenbrock&start=-1.2,1&target=0.0001&steps=500&noise=0&seed=1&opt=sgd,adam&adam.lr=0.05&layout=grid&k=120
 *   #f=x%5E2%20%2B%203*y%5E2&dom=-5,5,-5,5&start=…&target=none&…   (a typed expression instead of a registry surface)
 *
 * encodeView writes each field in table order under its key, as its policy says (fields.ts): start,
 * target, steps, noise and seed always; the rest only where they differ from the surface's defaults.
 * Numbers are written with String(v), which round-trips every double exactly, so a copied link reproduces
 * the race bit for bit (tensorflow/playground's idea: the registries are the URL's vocabulary, and the
 * seed is part of the state).
 *
 * decodeView reads the keys with the one reader (read-view.ts): an invalid field keeps its default with a
 * notice (link-notice.ts); an invalid surface or expression, or a link naming neither, resets the whole
 * view to the default. `tab` (which app tab is open) and the MNIST keys (`m.…`) belong to others and are
 * skipped.
 */
import { FIELDS, defaultView, viewDefaults } from './fields.ts';
import { NO_SOURCE, linkNotice } from './link-notice.ts';
import { readView, type RawView } from './read-view.ts';
import type { FieldName } from './result.ts';
import type { ViewState } from './state.ts';
import type { ViewVocabulary } from './vocabulary.ts';

export interface Decoded {
  readonly view: ViewState;
  readonly notices: readonly string[];
}

const FIELD_BY_KEY = new Map<string, FieldName>(FIELDS.flatMap((f) => (f.kind === 'scalar' ? [[f.key, f.name] as const] : [])));
const foreign = (key: string): boolean => key === 'tab' || key.startsWith('m.');

export function encodeView(view: ViewState, vocab: ViewVocabulary): string {
  const def = view.surface === null ? null : (vocab.surfaces.find((s) => s.id === view.surface) ?? null);
  const defaults = viewDefaults(def, view.expr, vocab);
  const p = new URLSearchParams();
  for (const field of FIELDS) {
    if (field.kind === 'family') {
      for (const [entry, text] of field.entries(view, defaults, vocab)) p.set(entry, text);
      continue;
    }
    const text = field.format(view[field.name]);
    const written =
      field.write === 'always' || (field.write === 'unless-default' ? text !== field.format(defaults[field.name]) : field.write(view, def));
    if (written) p.set(field.key, text);
  }
  // URLSearchParams writes spaces as '+'; %20 reads better next to the '+' of expressions.
  return p.toString().replace(/\+/g, '%20');
}

export function decodeView(hash: string, vocab: ViewVocabulary): Decoded {
  const fallback = defaultView(vocab.surfaces[0], vocab);
  const texts: Partial<Record<FieldName, string>> = {};
  const entries: [string, string][] = [];
  for (const [key, text] of new URLSearchParams(hash.replace(/^#/, ''))) {
    if (foreign(key)) continue;
    const name = FIELD_BY_KEY.get(key);
    if (name === undefined) entries.push([key, text]);
    else if (!(name in texts)) texts[name] = text;
  }
  const raw: RawView = { texts, entries };
  if (texts.surface === undefined && texts.expr === undefined) {
    const empty = entries.length === 0 && Object.keys(texts).length === 0;
    return { view: fallback, notices: empty ? [] : [NO_SOURCE] };
  }
  const { view, errors, reset } = readView(raw, vocab);
  return { view, notices: errors.map((e) => linkNotice(e, reset)) };
}

/**
 * The surfaces view's link: the page hash written as a query string, generated from the field table.
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
 * decodeView reads the keys with the view's reader (read-view.ts): an invalid field keeps its default with
 * a notice (link-notice.ts); an invalid surface or expression, or a link naming neither, resets the whole
 * view to the default. `tab` (which app tab is open) and the MNIST options' `m.` keys belong to others and
 * are skipped.
 */
import { VIEW_TABLE, defaultView } from './fields.ts';
import { NAMESPACE, linkRaw, linkText } from './link-fields.ts';
import { NO_SOURCE, linkNotice } from './link-notice.ts';
import { readView } from './read-view.ts';
import type { ViewState } from './state.ts';
import type { ViewVocabulary } from './vocabulary.ts';
import { writeFields } from './write-fields.ts';

export interface Decoded {
  readonly view: ViewState;
  readonly notices: readonly string[];
}

/** Keys of the app shell and of the MNIST options. */
const foreign = (key: string): boolean => key === 'tab' || key.startsWith(NAMESPACE.mnist);

export function encodeView(view: ViewState, vocab: ViewVocabulary): string {
  const def = view.surface === null ? null : (vocab.surfaces.find((s) => s.id === view.surface) ?? null);
  return linkText(writeFields(VIEW_TABLE, view, { vocab, def, expr: view.expr }));
}

export function decodeView(hash: string, vocab: ViewVocabulary): Decoded {
  const raw = linkRaw(VIEW_TABLE, new URLSearchParams(hash.replace(/^#/, '')), foreign);
  if (raw.texts.surface === undefined && raw.texts.expr === undefined) {
    const empty = raw.entries.length === 0 && Object.keys(raw.texts).length === 0;
    return { view: defaultView(vocab.surfaces[0], vocab), notices: empty ? [] : [NO_SOURCE] };
  }
  const { view, errors, reset } = readView(raw, vocab);
  return { view, notices: errors.map((e) => linkNotice(e, reset)) };
}

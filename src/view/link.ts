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
 * Every link starts with its format's version, `v=2`. Version 2 made targets gaps f − f* (with `fstar=`
 * holding f*); a link without `v` was made before, when `target=` was a value of f itself, so its target
 * is read as that value and converted to the gap with the same meaning (target − f*, gapTarget): an old
 * saddle link's `target=-0.9` opens as the gap 0.1 above f* = −1.
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
import { gapTarget } from '../run/target.ts';
import type { ViewVocabulary } from './vocabulary.ts';
import { writeFields } from './write-fields.ts';

export interface Decoded {
  readonly view: ViewState;
  readonly notices: readonly string[];
}

/** The link format's version key and the version this code writes (see the header). */
export const VERSION_KEY = 'v';
export const LINK_VERSION = '2';

/** Keys of the app shell, of the MNIST options, and the version (read apart). */
const foreign = (key: string): boolean => key === 'tab' || key === VERSION_KEY || key.startsWith(NAMESPACE.mnist);

export function encodeView(view: ViewState, vocab: ViewVocabulary): string {
  const def = view.surface === null ? null : (vocab.surfaces.find((s) => s.id === view.surface) ?? null);
  return linkText([[VERSION_KEY, LINK_VERSION], ...writeFields(VIEW_TABLE, view, { vocab, def, expr: view.expr })]);
}

export function decodeView(hash: string, vocab: ViewVocabulary): Decoded {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const raw = linkRaw(VIEW_TABLE, params, foreign);
  if (raw.texts.surface === undefined && raw.texts.expr === undefined) {
    const empty = raw.entries.length === 0 && Object.keys(raw.texts).length === 0;
    return { view: defaultView(vocab.surfaces[0], vocab), notices: empty ? [] : [NO_SOURCE] };
  }
  const { view, errors, reset } = readView(raw, vocab);
  const notices = errors.map((e) => linkNotice(e, reset));
  const version = params.get(VERSION_KEY);
  if (version === null) {
    // Before version 2 a target was a value of f: the same threshold, as a gap over this view's f*.
    const absolute = !reset && raw.texts.target !== undefined && !errors.some((e) => e.field === 'target');
    return { view: absolute && view.target !== null ? { ...view, target: gapTarget(view.target, view.fStar) } : view, notices };
  }
  if (version !== LINK_VERSION) notices.push(`This link's format version ${JSON.stringify(version.slice(0, 12))} is not one this page knows (${LINK_VERSION}); it was read as version ${LINK_VERSION}.`);
  return { view, notices };
}

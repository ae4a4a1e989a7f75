/**
 * The MNIST options' part of a link: keys namespaced `m.` (`#s=bowl&…&m.opt=sgd,adam&m.epochs=5&tab=mnist`),
 * written only where they differ from the defaults, read by the table's one reader with the link's
 * notices. The surfaces view's codec skips these keys, and this one reads only them.
 */
import { linkRaw, linkText } from './link-fields.ts';
import { linkNotice } from './link-notice.ts';
import { MNIST_TABLE } from './mnist-fields.ts';
import type { MnistOptions } from './mnist-options.ts';
import { readFields } from './read-fields.ts';
import type { ViewVocabulary } from './vocabulary.ts';
import { writeFields } from './write-fields.ts';

export interface DecodedMnist {
  readonly options: MnistOptions;
  readonly notices: readonly string[];
}

/** The `m.` keys (without '#'), empty for the defaults. */
export function encodeMnist(options: MnistOptions, vocab: ViewVocabulary): string {
  return linkText(writeFields(MNIST_TABLE, options, { vocab }));
}

export function decodeMnist(hash: string, vocab: ViewVocabulary): DecodedMnist {
  const { state, errors } = readFields(MNIST_TABLE, linkRaw(MNIST_TABLE, new URLSearchParams(hash.replace(/^#/, ''))), { vocab });
  return { options: state, notices: errors.map((e) => linkNotice(e, false)) };
}

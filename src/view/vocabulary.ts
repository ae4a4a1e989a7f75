/**
 * What the view's parsers need to know besides the text: the registries (surface ids, optimizer ids and
 * their hyperparameter specs) and the expression checker. Passed in, so the codec can be tested against a
 * small vocabulary written out by hand; VOCABULARY binds it to this repository's registries and to the
 * expression compiler (the same checks users' typing gets). The surfaces refuse the optimizers that need
 * the MNIST network's matrices (Muon) with the rule's own reason (`refusedOptimizers`, worded by
 * `unknownOptimizer`, which every optimizer lookup of a parser goes through); MNIST_VOCABULARY, the MNIST
 * options' (`cli mnist`, the `m.` link keys), has every optimizer.
 */
import type { HyperSpec, OptimizerId } from '../optim/types.ts';
import type { SurfaceDef } from '../../surfaces/types.ts';
import { SURFACES } from '../../surfaces/index.ts';
import { MNIST_OPTIMIZERS, OPTIMIZERS } from '../optim/index.ts';
import { compileExpression } from '../math/expression/index.ts';
import { fail, ok, type Reason, type Result } from './result.ts';

export interface ViewVocabulary {
  /** Registry surfaces in display order; the first is the default view. */
  readonly surfaces: readonly SurfaceDef[];
  readonly optimizers: readonly { readonly id: OptimizerId; readonly hyper: readonly HyperSpec[] }[];
  /** The expression as it will be plotted (trimmed), or the compiler's one-line message. */
  checkExpression(text: string): Result<string, string>;
  /** Optimizer ids the app knows but this view refuses, each with the reason a user is told (Muon on a surface). */
  readonly refusedOptimizers?: Readonly<Record<string, string>>;
}

export const VOCABULARY: ViewVocabulary = {
  surfaces: SURFACES,
  optimizers: OPTIMIZERS,
  checkExpression(text) {
    const result = compileExpression(text);
    return result.ok ? ok(result.value.source) : fail(result.error.message);
  },
  refusedOptimizers: Object.fromEntries(MNIST_OPTIMIZERS.flatMap((o) => (o.surfaceRefusal ? [[o.id, o.surfaceRefusal]] : []))),
};

/** The MNIST options' vocabulary: every optimizer, Muon included. */
export const MNIST_VOCABULARY: ViewVocabulary = { ...VOCABULARY, optimizers: MNIST_OPTIMIZERS, refusedOptimizers: {} };

/** Why `word` names none of the vocabulary's optimizers: the refusal of a rule this view cannot run ("muon updates weight matrices; …"), else "unknown". */
export function unknownOptimizer(word: string, vocab: ViewVocabulary): Reason {
  const refused = vocab.refusedOptimizers ?? {};
  if (Object.hasOwn(refused, word)) return { kind: 'rejected', message: refused[word] };
  return { kind: 'unknown', noun: 'optimizer', word, choices: vocab.optimizers.map((o) => o.id) };
}

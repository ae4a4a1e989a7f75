/**
 * What the view's parsers need to know besides the text: the registries (surface ids, optimizer ids and
 * their hyperparameter specs) and the expression checker. Passed in, so the codec can be tested against a
 * small vocabulary written out by hand; VOCABULARY binds it to this repository's registries and to the
 * expression compiler (the same checks users' typing gets).
 */
import type { HyperSpec, OptimizerId } from '../optim/types.ts';
import type { SurfaceDef } from '../../surfaces/types.ts';
import { SURFACES } from '../../surfaces/index.ts';
import { OPTIMIZERS } from '../optim/index.ts';
import { compileExpression } from '../math/expression/index.ts';
import { fail, ok, type Result } from './result.ts';

export interface ViewVocabulary {
  /** Registry surfaces in display order; the first is the default view. */
  readonly surfaces: readonly SurfaceDef[];
  readonly optimizers: readonly { readonly id: OptimizerId; readonly hyper: readonly HyperSpec[]; readonly group?: 'classic' | 'more' }[];
  /** The expression as it will be plotted (trimmed), or the compiler's one-line message. */
  checkExpression(text: string): Result<string, string>;
}

export const VOCABULARY: ViewVocabulary = {
  surfaces: SURFACES,
  optimizers: OPTIMIZERS,
  checkExpression(text) {
    const result = compileExpression(text);
    return result.ok ? ok(result.value.source) : fail(result.error.message);
  },
};

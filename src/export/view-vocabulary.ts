/**
 * The URL codec's vocabulary bound to this repository's registries: surface ids, optimizer ids with their
 * hyperparameter specs, and the expression compiler as the validator (the same checks users' typing gets).
 */
import { SURFACES } from '../../surfaces/index.ts';
import { OPTIMIZERS } from '../optim/index.ts';
import { compileExpression } from '../math/expression/index.ts';
import type { ViewVocabulary } from './url-state.ts';

export const VOCABULARY: ViewVocabulary = {
  surfaces: SURFACES,
  optimizers: OPTIMIZERS,
  validateExpression(text) {
    const result = compileExpression(text);
    return result.ok ? null : result.error.message;
  },
};

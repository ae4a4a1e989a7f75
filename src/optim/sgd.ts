/**
 * SGD (gradient descent):  θ ← θ − η·g
 * Source: Cauchy 1847; any course (d2l.ai §12.3). Identical in PyTorch, Keras and optax.
 */
import { zerosLike, type Vec } from '../math/vector.ts';
import type { GradientOracle } from '../math/objective.ts';
import type { Hyper, Optimizer, OptimizerState } from './types.ts';
import { descend } from './moments.ts';
import { learningRate } from './specs.ts';

export const sgd: Optimizer<OptimizerState> = {
  id: 'sgd',
  name: 'SGD',
  formula: '\\theta \\leftarrow \\theta - \\eta\\, g',
  convention: 'Plain gradient step; the same in every library.',
  note:
    'Step straight downhill by η times the slope. Too large a rate and it overshoots across a narrow valley; too small and it crawls along the valley floor.',
  group: 'classic',
  hyper: [learningRate(0.01)],
  init: (params) => ({ t: 0, g: zerosLike(params) }),
  step(params: Vec, state: OptimizerState, hyper: Hyper, oracle: GradientOracle): number {
    state.t += 1;
    const loss = oracle(params, state.g);
    descend(params, state.g, hyper.lr);
    return loss;
  },
};

/**
 * AdaGrad:  r ← r + g²;  θ ← θ − η·g / (√r + ε)
 * Source: Duchi, Hazan & Singer 2011; d2l.ai §12.7. ε sits outside the root here (as in PyTorch); d2l's
 * from-scratch code puts it inside √(r + ε), and Keras starts r at 0.1 rather than 0.
 */
import { zerosLike, type Vec } from '../math/vector.ts';
import type { GradientOracle } from '../math/objective.ts';
import type { Hyper, Optimizer, OptimizerState } from './types.ts';
import { accumulateSquares, descend } from './moments.ts';
import { epsilon, learningRate } from './specs.ts';

export interface AdagradState extends OptimizerState {
  r: Vec;
}

export const adagrad: Optimizer<AdagradState> = {
  id: 'adagrad',
  name: 'AdaGrad',
  formula: 'r \\leftarrow r + g^2 \\\\ \\theta \\leftarrow \\theta - \\eta\\, \\frac{g}{\\sqrt{r} + \\epsilon}',
  convention: 'ε outside the square root (PyTorch); d2l\'s from-scratch code puts it inside, Keras starts r at 0.1.',
  note:
    'Each coordinate gets its own rate, η divided by the root of the sum of all its squared gradients so far: steep directions slow down, gentle ones keep moving, and every rate only shrinks.',
  group: 'classic',
  hyper: [learningRate(0.1), epsilon(1e-8)],
  init: (params) => ({ t: 0, g: zerosLike(params), r: zerosLike(params) }),
  step(params: Vec, state: AdagradState, hyper: Hyper, oracle: GradientOracle): number {
    state.t += 1;
    const { g, r } = state;
    const loss = oracle(params, g);
    accumulateSquares(r, g, 1, 1);
    for (let i = 0; i < g.length; i++) g[i] /= Math.sqrt(r[i]) + hyper.eps;
    descend(params, g, hyper.lr);
    return loss;
  },
};

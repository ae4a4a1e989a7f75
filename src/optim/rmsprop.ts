/**
 * RMSprop:  s ← ρ·s + (1−ρ)·g²;  θ ← θ − η·g / (√s + ε)
 * Source: Tieleman & Hinton 2012, Coursera lecture 6.5; d2l.ai §12.8. ε outside the root as in
 * PyTorch; TensorFlow/Keras historically put it inside, d2l's code too. No momentum, not centred.
 */
import { zerosLike, type Vec } from '../math/vector.ts';
import type { GradientOracle } from '../math/objective.ts';
import type { Hyper, Optimizer, OptimizerState } from './types.ts';
import { accumulateSquares, descend } from './moments.ts';
import { decayRate, epsilon, learningRate } from './specs.ts';

export interface RmspropState extends OptimizerState {
  s: Vec;
}

export const rmsprop: Optimizer<RmspropState> = {
  id: 'rmsprop',
  name: 'RMSprop',
  formula: 's \\leftarrow \\rho s + (1-\\rho) g^2 \\\\ \\theta \\leftarrow \\theta - \\eta\\, \\frac{g}{\\sqrt{s} + \\epsilon}',
  convention: 'ε outside the square root (PyTorch); TensorFlow and d2l put it inside. Plain, uncentred, no momentum.',
  note:
    "Divides each coordinate's gradient by the root of a recent average of its squares, so steep and gentle directions take steps of similar size; the average forgets, unlike AdaGrad's sum.",
  group: 'classic',
  hyper: [learningRate(0.01), decayRate('rho', 'decay', '\\rho', 0.9), epsilon(1e-8)],
  init: (params) => ({ t: 0, g: zerosLike(params), s: zerosLike(params) }),
  step(params: Vec, state: RmspropState, hyper: Hyper, oracle: GradientOracle): number {
    state.t += 1;
    const { g, s } = state;
    const loss = oracle(params, g);
    accumulateSquares(s, g, hyper.rho, 1 - hyper.rho);
    for (let i = 0; i < g.length; i++) g[i] /= Math.sqrt(s[i]) + hyper.eps;
    descend(params, g, hyper.lr);
    return loss;
  },
};

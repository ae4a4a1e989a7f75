/**
 * Nesterov accelerated gradient, look-ahead form:  v ← β·v + ∇f(θ − η·β·v);  θ ← θ − η·v
 * Source: Nesterov 1983, in the form of Sutskever, Martens, Dahl & Hinton 2013 (eq. 3–4, with their
 * velocity scaled by −1/η). PyTorch (nesterov=True) and Keras instead track θ' = θ − η·β·v, the
 * look-ahead point itself, so they evaluate the gradient at their own θ and report different
 * iterates; the sequence of look-ahead points is the same. Here θ is the point before looking ahead,
 * and the loss returned is the one at the look-ahead point (where the gradient is taken).
 */
import { zerosLike, type Vec } from '../math/vector.ts';
import type { GradientOracle } from '../math/objective.ts';
import type { Hyper, Optimizer, OptimizerState } from './types.ts';
import { accumulate, descend } from './moments.ts';
import { decayRate, learningRate } from './specs.ts';

export interface NagState extends OptimizerState {
  v: Vec;
  /** Scratch: the look-ahead point θ − η·β·v. */
  ahead: Vec;
}

export const nag: Optimizer<NagState> = {
  id: 'nag',
  name: 'Nesterov',
  formula: 'v \\leftarrow \\beta v + \\nabla f(\\theta - \\eta\\beta v) \\\\ \\theta \\leftarrow \\theta - \\eta\\, v',
  convention:
    'Look-ahead form (Sutskever et al. 2013). PyTorch and Keras store the look-ahead point as θ instead, so their iterates differ by η·β·v.',
  note:
    'Momentum that looks before it leaps: the gradient is taken where the momentum is about to carry it, so it brakes earlier when the slope turns upward and overshoots less.',
  group: 'classic',
  hyper: [learningRate(0.01), decayRate('beta', 'momentum', '\\beta', 0.9)],
  init: (params) => ({ t: 0, g: zerosLike(params), v: zerosLike(params), ahead: zerosLike(params) }),
  step(params: Vec, state: NagState, hyper: Hyper, oracle: GradientOracle): number {
    state.t += 1;
    const { ahead, v } = state;
    ahead.set(params);
    descend(ahead, v, hyper.lr * hyper.beta);
    const loss = oracle(ahead, state.g);
    accumulate(v, state.g, hyper.beta, 1);
    descend(params, v, hyper.lr);
    return loss;
  },
};

/**
 * Momentum (heavy ball) with dampening d:  v ← β·v + (1−d)·g;  θ ← θ − η·v
 * Source: Polyak 1964; d2l.ai §12.6 (d = 0, the textbook's code); Andrew Ng's course uses d = β, the
 * exponentially weighted average v ← β·v + (1−β)·g, which needs an η larger by 1/(1−β) for the same
 * steady-state step. PyTorch's SGD(momentum, dampening) is this form except that its first step sets
 * v ← g undamped; here v starts at zero like every other state.
 */
import { zerosLike, type Vec } from '../math/vector.ts';
import type { GradientOracle } from '../math/objective.ts';
import type { Hyper, Optimizer, OptimizerState } from './types.ts';
import { accumulate, descend } from './moments.ts';
import { decayRate, learningRate } from './specs.ts';

export interface MomentumState extends OptimizerState {
  v: Vec;
}

export const momentum: Optimizer<MomentumState> = {
  id: 'momentum',
  name: 'Momentum',
  formula: 'v \\leftarrow \\beta v + (1-d)\\, g \\\\ \\theta \\leftarrow \\theta - \\eta\\, v',
  convention:
    'Heavy ball with dampening d: d = 0 is the classic form (d2l, PyTorch default); d = β is the exponentially weighted average of Ng\'s course.',
  note:
    'A heavy ball: each step adds the new gradient to a decaying sum of the old ones, so consistent directions build up speed and zig-zags across a valley cancel out.',
  group: 'classic',
  hyper: [
    learningRate(0.01),
    decayRate('beta', 'momentum', '\\beta', 0.9),
    { key: 'dampening', label: 'dampening', tex: 'd', default: 0, min: 0, max: 0.9999, log: false },
  ],
  init: (params) => ({ t: 0, g: zerosLike(params), v: zerosLike(params) }),
  step(params: Vec, state: MomentumState, hyper: Hyper, oracle: GradientOracle): number {
    state.t += 1;
    const loss = oracle(params, state.g);
    accumulate(state.v, state.g, hyper.beta, 1 - hyper.dampening);
    descend(params, state.v, hyper.lr);
    return loss;
  },
};

/**
 * Lion (evoLved sign momentum):  c = β₁·m + (1−β₁)·g;  θ ← θ·(1 − η·λ) − η·sign(c);  m ← β₂·m + (1−β₂)·g
 * Source: Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms", Program 1; the form of
 * google/automl's `lion/lion_pytorch.py`: decoupled decay first, then the sign step, then the momentum
 * update with the second rate β₂. sign(0) = 0 (torch.sign), so a coordinate whose c is exactly zero stays.
 * Every coordinate moves by exactly η (plus the decay) at every update, whatever the gradient's size, so
 * near a minimum Lion settles only to within about η of it.
 */
import { zerosLike, type Vec } from '../math/vector.ts';
import type { GradientOracle } from '../math/objective.ts';
import type { Hyper, Optimizer, OptimizerState } from './types.ts';
import { descend, shrink } from './moments.ts';
import { decayRate, learningRate, weightDecay } from './specs.ts';

export interface LionState extends OptimizerState {
  m: Vec;
}

export const lion: Optimizer<LionState> = {
  id: 'lion',
  name: 'Lion',
  formula:
    'c = \\beta_1 m + (1-\\beta_1) g \\\\ \\theta \\leftarrow \\theta\\,(1-\\eta\\lambda) - \\eta\\, \\operatorname{sign}(c),\\; m \\leftarrow \\beta_2 m + (1-\\beta_2) g',
  convention:
    'google/automl lion_pytorch.py: decay multiplied by η and applied first, sign(0) = 0, the momentum updated after the step with its own rate β₂ (the step interpolates with β₁).',
  note:
    'Only the sign of a momentum-smoothed gradient is used, so every coordinate moves by exactly the learning rate each update: on a surface it walks a staircase of ±η steps, and its slowly forgetting momentum can carry it well past the minimum before the sign turns.',
  group: 'more',
  hyper: [
    learningRate(0.0001),
    decayRate('beta1', 'interpolation', '\\beta_1', 0.9),
    decayRate('beta2', 'momentum decay', '\\beta_2', 0.99),
    weightDecay(0),
  ],
  init: (params) => ({ t: 0, g: zerosLike(params), m: zerosLike(params) }),
  step(params: Vec, state: LionState, hyper: Hyper, oracle: GradientOracle): number {
    state.t += 1;
    const { g, m } = state;
    const { beta1, beta2 } = hyper;
    const loss = oracle(params, g);
    for (let i = 0; i < g.length; i++) {
      const c = beta1 * m[i] + (1 - beta1) * g[i];
      m[i] = beta2 * m[i] + (1 - beta2) * g[i];
      // Math.sign(0) is 0 (and of −0, −0): the coordinate does not move.
      g[i] = Math.sign(c);
    }
    shrink(params, 1 - hyper.lr * hyper.wd);
    descend(params, g, hyper.lr);
    return loss;
  },
};

/**
 * AdaBelief:  m ← β₁·m + (1−β₁)·g;  s ← β₂·s + (1−β₂)·(g − m)² + ε;  θ ← θ − η/(1−β₁ᵗ) · m / (√s/√(1−β₂ᵗ) + ε)
 * Source: Zhuang et al. 2020, "AdaBelief Optimizer: Adapting Stepsizes by the Belief in Observed
 * Gradients", Algorithm 2; the form of the authors' adabelief-pytorch (`AdaBelief`, without rectification
 * or weight decay): (g − m) uses the new m, and ε is added into the stored s at every update (so it
 * accumulates, to ε/(1−β₂) at most) as well as to the corrected root. optax's scale_by_belief stores its
 * eps_root in s the same way but takes the residual against the previous m. With ε = 1e-16 by default, s
 * is essentially the variance of g around its running mean: the "belief" in the gradient.
 */
import { zerosLike, type Vec } from '../math/vector.ts';
import type { GradientOracle } from '../math/objective.ts';
import type { Hyper, Optimizer, OptimizerState } from './types.ts';
import { accumulate, biasCorrection, descend } from './moments.ts';
import { decayRate, epsilon, learningRate } from './specs.ts';

export interface AdabeliefState extends OptimizerState {
  m: Vec;
  /** The running variance of g around m, ε included. */
  s: Vec;
  beta1Power: number;
  beta2Power: number;
}

export const adabelief: Optimizer<AdabeliefState> = {
  id: 'adabelief',
  name: 'AdaBelief',
  formula:
    'm \\leftarrow \\beta_1 m + (1-\\beta_1) g,\\; s \\leftarrow \\beta_2 s + (1-\\beta_2)(g-m)^2 + \\epsilon \\\\ \\theta \\leftarrow \\theta - \\frac{\\eta}{1-\\beta_1^t}\\, \\frac{m}{\\sqrt{s}/\\sqrt{1-\\beta_2^t} + \\epsilon}',
  convention:
    "The authors' adabelief-pytorch without rectification or weight decay: g − m with the new m, ε added into the stored s at every update and outside the root; optax takes g − m with the previous m.",
  note:
    'Adam that divides by how much the gradient disagrees with its own running mean rather than by its size: where gradients are large but consistent (a steady slope) it takes big steps; where they jump around, small ones.',
  group: 'more',
  hyper: [
    learningRate(0.001),
    decayRate('beta1', 'first-moment decay', '\\beta_1', 0.9),
    decayRate('beta2', 'second-moment decay', '\\beta_2', 0.999),
    epsilon(1e-16),
  ],
  init: (params) => ({ t: 0, g: zerosLike(params), m: zerosLike(params), s: zerosLike(params), beta1Power: 1, beta2Power: 1 }),
  step(params: Vec, state: AdabeliefState, hyper: Hyper, oracle: GradientOracle): number {
    state.t += 1;
    const { g, m, s } = state;
    const { beta1, beta2, eps } = hyper;
    const loss = oracle(params, g);
    accumulate(m, g, beta1, 1 - beta1);
    for (let i = 0; i < g.length; i++) {
      const residual = g[i] - m[i];
      s[i] = beta2 * s[i] + (1 - beta2) * residual * residual + eps;
    }
    state.beta1Power *= beta1;
    state.beta2Power *= beta2;
    const c1 = biasCorrection(state.beta1Power);
    const rootC2 = Math.sqrt(biasCorrection(state.beta2Power));
    for (let i = 0; i < g.length; i++) g[i] = m[i] / (Math.sqrt(s[i]) / rootC2 + eps);
    descend(params, g, hyper.lr / c1);
    return loss;
  },
};

/**
 * AdamW (decoupled weight decay):  θ ← θ·(1 − η·λ);  m ← β₁·m + (1−β₁)·g;  v ← β₂·v + (1−β₂)·g²;
 *                                  θ ← θ − η·(m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + ε)
 * Source: Loshchilov & Hutter 2019, "Decoupled Weight Decay Regularization", Algorithm 2; the form of
 * PyTorch's `torch.optim.AdamW` (single-tensor kernel): the decay multiplies θ by (1 − η·λ) before the Adam
 * step, and g is the gradient at θ before that decay. The paper scales λ by a schedule multiplier ηₜ but
 * not by the learning rate; PyTorch (and this form) multiply λ by η, so λ = 0.01 with η = 0.001 shrinks θ
 * by 1e-5 per update. With λ = 0 it is Adam. ε is added to the bias-corrected root, as in Adam.
 */
import { zerosLike, type Vec } from '../math/vector.ts';
import type { GradientOracle } from '../math/objective.ts';
import type { Hyper, Optimizer, OptimizerState } from './types.ts';
import { advanceMoments, biasCorrection, descend, shrink } from './moments.ts';
import { decayRate, epsilon, learningRate, weightDecay } from './specs.ts';

export interface AdamwState extends OptimizerState {
  m: Vec;
  v: Vec;
  /** β₁ᵗ and β₂ᵗ as running products (see moments.ts for why not `**`). */
  beta1Power: number;
  beta2Power: number;
}

export const adamw: Optimizer<AdamwState> = {
  id: 'adamw',
  name: 'AdamW',
  formula:
    '\\theta \\leftarrow \\theta\\,(1-\\eta\\lambda),\\; m \\leftarrow \\beta_1 m + (1-\\beta_1) g,\\; v \\leftarrow \\beta_2 v + (1-\\beta_2) g^2 \\\\ \\theta \\leftarrow \\theta - \\eta\\, \\frac{m/(1-\\beta_1^t)}{\\sqrt{v/(1-\\beta_2^t)} + \\epsilon}',
  convention:
    "PyTorch's AdamW: the decay is multiplied by η (θ·(1 − ηλ)) and applied before the step, with g taken before it; the paper decays by λ times a schedule factor only.",
  note:
    'Adam with weight decay done right: instead of adding λθ to the gradient (which Adam would then rescale), it shrinks the weights directly, so the pull toward zero is the same for every coordinate.',
  group: 'more',
  hyper: [
    learningRate(0.001),
    decayRate('beta1', 'first-moment decay', '\\beta_1', 0.9),
    decayRate('beta2', 'second-moment decay', '\\beta_2', 0.999),
    epsilon(1e-8),
    weightDecay(0.01),
  ],
  init: (params) => ({ t: 0, g: zerosLike(params), m: zerosLike(params), v: zerosLike(params), beta1Power: 1, beta2Power: 1 }),
  step(params: Vec, state: AdamwState, hyper: Hyper, oracle: GradientOracle): number {
    state.t += 1;
    const { g, m, v } = state;
    const { lr, beta1, beta2, eps } = hyper;
    const loss = oracle(params, g);
    shrink(params, 1 - lr * hyper.wd);
    advanceMoments(state, g, beta1, beta2);
    const c1 = biasCorrection(state.beta1Power);
    const c2 = biasCorrection(state.beta2Power);
    for (let i = 0; i < g.length; i++) g[i] = m[i] / c1 / (Math.sqrt(v[i] / c2) + eps);
    descend(params, g, lr);
    return loss;
  },
};

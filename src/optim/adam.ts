/**
 * Adam:  m ← β₁·m + (1−β₁)·g;  v ← β₂·v + (1−β₂)·g²;  m̂ = m/(1−β₁ᵗ);  v̂ = v/(1−β₂ᵗ);
 *        θ ← θ − η·m̂ / (√v̂ + ε)
 * Source: Kingma & Ba 2015, Algorithm 1; d2l.ai §12.10. ε is added to √v̂ after bias correction, as in
 * the paper, PyTorch and optax (Keras/TF add ε̂ to the uncorrected root, a slightly different ε).
 */
import { zerosLike, type Vec } from '../math/vector.ts';
import type { GradientOracle } from '../math/objective.ts';
import type { Hyper, Optimizer, OptimizerState } from './types.ts';
import { advanceMoments, biasCorrection, descend } from './moments.ts';
import { decayRate, epsilon, learningRate } from './specs.ts';

export interface AdamState extends OptimizerState {
  m: Vec;
  v: Vec;
  /** β₁ᵗ and β₂ᵗ as running products (see moments.ts for why not `**`). */
  beta1Power: number;
  beta2Power: number;
}

export const adam: Optimizer<AdamState> = {
  id: 'adam',
  name: 'Adam',
  formula:
    'm \\leftarrow \\beta_1 m + (1-\\beta_1) g,\\; v \\leftarrow \\beta_2 v + (1-\\beta_2) g^2 \\\\ \\theta \\leftarrow \\theta - \\eta\\, \\frac{m/(1-\\beta_1^t)}{\\sqrt{v/(1-\\beta_2^t)} + \\epsilon}',
  convention: 'ε added to the bias-corrected root, as in the paper, PyTorch and optax; Keras adds it before correction.',
  note:
    "Momentum and RMSprop together, with both averages corrected for starting at zero: the first steps are about η long in every coordinate, whatever the gradient's scale.",
  group: 'classic',
  hyper: [
    learningRate(0.01),
    decayRate('beta1', 'first-moment decay', '\\beta_1', 0.9),
    decayRate('beta2', 'second-moment decay', '\\beta_2', 0.999),
    epsilon(1e-8),
  ],
  init: (params) => ({ t: 0, g: zerosLike(params), m: zerosLike(params), v: zerosLike(params), beta1Power: 1, beta2Power: 1 }),
  step(params: Vec, state: AdamState, hyper: Hyper, oracle: GradientOracle): number {
    state.t += 1;
    const { g, m, v } = state;
    const { beta1, beta2, eps } = hyper;
    const loss = oracle(params, g);
    advanceMoments(state, g, beta1, beta2);
    const c1 = biasCorrection(state.beta1Power);
    const c2 = biasCorrection(state.beta2Power);
    for (let i = 0; i < g.length; i++) g[i] = m[i] / c1 / (Math.sqrt(v[i] / c2) + eps);
    descend(params, g, hyper.lr);
    return loss;
  },
};

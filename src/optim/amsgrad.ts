/**
 * AMSGrad:  m ← β₁·m + (1−β₁)·g;  v ← β₂·v + (1−β₂)·g²;  v_max ← max(v_max, v);
 *           θ ← θ − η/(1−β₁ᵗ) · m / (√v_max/√(1−β₂ᵗ) + ε)
 * Source: Reddi, Kale & Kumar 2018, "On the Convergence of Adam and Beyond", Algorithm 2; the form of
 * PyTorch's `torch.optim.Adam(amsgrad=True)`, which keeps the maximum of the raw v (not of v̂) and
 * bias-corrects both moments. The paper's algorithm has no bias correction, and optax's amsgrad takes the
 * maximum of the bias-corrected v̂. Defaults are this registry's Adam's, so the two race like for like:
 * while v never shrinks the two agree (to rounding); once a gradient shrinks, AMSGrad keeps the larger
 * denominator and steps more cautiously.
 */
import { zerosLike, type Vec } from '../math/vector.ts';
import type { GradientOracle } from '../math/objective.ts';
import type { Hyper, Optimizer, OptimizerState } from './types.ts';
import { advanceMoments, biasCorrection, descend } from './moments.ts';
import { decayRate, epsilon, learningRate } from './specs.ts';

export interface AmsgradState extends OptimizerState {
  m: Vec;
  v: Vec;
  /** The largest v seen so far, per coordinate. */
  vMax: Vec;
  beta1Power: number;
  beta2Power: number;
}

export const amsgrad: Optimizer<AmsgradState> = {
  id: 'amsgrad',
  name: 'AMSGrad',
  formula:
    'm \\leftarrow \\beta_1 m + (1-\\beta_1) g,\\; v \\leftarrow \\beta_2 v + (1-\\beta_2) g^2,\\; \\hat v \\leftarrow \\max(\\hat v, v) \\\\ \\theta \\leftarrow \\theta - \\frac{\\eta}{1-\\beta_1^t}\\, \\frac{m}{\\sqrt{\\hat v}/\\sqrt{1-\\beta_2^t} + \\epsilon}',
  convention:
    "PyTorch's Adam(amsgrad=True): the maximum of the raw v, with both bias corrections; the paper has no bias correction, and optax takes the maximum of the corrected v̂.",
  note:
    "Adam that never forgets a large gradient: it divides by the largest average of squared gradients seen so far, so a coordinate's steps do not grow back when its gradients get small, as Adam's can. This fixes the examples where Adam provably fails to converge, at the price of slower steps after a spike.",
  group: 'more',
  hyper: [
    learningRate(0.01),
    decayRate('beta1', 'first-moment decay', '\\beta_1', 0.9),
    decayRate('beta2', 'second-moment decay', '\\beta_2', 0.999),
    epsilon(1e-8),
  ],
  init: (params) => ({
    t: 0,
    g: zerosLike(params),
    m: zerosLike(params),
    v: zerosLike(params),
    vMax: zerosLike(params),
    beta1Power: 1,
    beta2Power: 1,
  }),
  step(params: Vec, state: AmsgradState, hyper: Hyper, oracle: GradientOracle): number {
    state.t += 1;
    const { g, m, v, vMax } = state;
    const { beta1, beta2, eps } = hyper;
    const loss = oracle(params, g);
    advanceMoments(state, g, beta1, beta2);
    const c1 = biasCorrection(state.beta1Power);
    const rootC2 = Math.sqrt(biasCorrection(state.beta2Power));
    for (let i = 0; i < g.length; i++) {
      if (v[i] > vMax[i]) vMax[i] = v[i];
      g[i] = m[i] / (Math.sqrt(vMax[i]) / rootC2 + eps);
    }
    descend(params, g, hyper.lr / c1);
    return loss;
  },
};

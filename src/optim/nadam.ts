/**
 * NAdam (Adam with Nesterov momentum and momentum decay ψ):
 *   μₜ = β₁·(1 − ½·0.96^(tψ)),  μₜ₊₁ = β₁·(1 − ½·0.96^((t+1)ψ)),  Pₜ = μ₁·…·μₜ
 *   m ← β₁·m + (1−β₁)·g;  v ← β₂·v + (1−β₂)·g²;  d = √(v/(1−β₂ᵗ)) + ε
 *   θ ← θ − η·(1−μₜ)/(1−Pₜ)·g/d − η·μₜ₊₁/(1−Pₜ·μₜ₊₁)·m/d
 * Source: Dozat 2016, "Incorporating Nesterov Momentum into Adam", Algorithm 2 with the momentum schedule
 * of Sutskever et al.; the form of PyTorch's `torch.optim.NAdam` (single-tensor kernel, no decoupled decay).
 * Keras's Nadam uses the same μ schedule; optax's nadam uses a constant β₁ (no ψ). 0.96^(tψ) is kept as a
 * running product of 0.96^ψ, as Adam keeps β₂ᵗ, so every JS engine rounds it the same way.
 */
import { zerosLike, type Vec } from '../math/vector.ts';
import type { GradientOracle } from '../math/objective.ts';
import type { Hyper, Optimizer, OptimizerState } from './types.ts';
import { accumulate, accumulateSquares, biasCorrection, descend } from './moments.ts';
import { decayRate, epsilon, learningRate } from './specs.ts';

export interface NadamState extends OptimizerState {
  m: Vec;
  v: Vec;
  beta2Power: number;
  /** 0.96^(tψ), the running product of 0.96^ψ. */
  muDecayPower: number;
  /** Pₜ = μ₁·…·μₜ. */
  muProduct: number;
}

/** The base of the momentum schedule, from Dozat 2016 (and PyTorch). */
const MU_BASE = 0.96;

export const nadam: Optimizer<NadamState> = {
  id: 'nadam',
  name: 'NAdam',
  formula:
    '\\mu_t = \\beta_1\\big(1 - \\tfrac12\\, 0.96^{t\\psi}\\big),\\; m \\leftarrow \\beta_1 m + (1-\\beta_1) g,\\; v \\leftarrow \\beta_2 v + (1-\\beta_2) g^2,\\; d = \\sqrt{\\tfrac{v}{1-\\beta_2^t}} + \\epsilon \\\\ \\theta \\leftarrow \\theta - \\eta\\,\\frac{1-\\mu_t}{1-\\prod_{i\\le t}\\mu_i}\\,\\frac{g}{d} - \\eta\\,\\frac{\\mu_{t+1}}{1-\\prod_{i\\le t+1}\\mu_i}\\,\\frac{m}{d}',
  convention:
    "PyTorch's NAdam: the momentum coefficient μₜ warms up with ψ (Dozat's schedule) and the bias correction uses the product of the μ's; optax's nadam keeps μ = β₁ constant.",
  note:
    'Adam that looks ahead: the step mixes the current gradient with the momentum it is about to have, as Nesterov momentum does for plain momentum, so it turns a little sooner.',
  group: 'more',
  hyper: [
    learningRate(0.002),
    decayRate('beta1', 'first-moment decay', '\\beta_1', 0.9),
    decayRate('beta2', 'second-moment decay', '\\beta_2', 0.999),
    epsilon(1e-8),
    { key: 'psi', label: 'momentum decay', tex: '\\psi', default: 0.004, min: 0, max: 1, log: false },
  ],
  init: (params) => ({
    t: 0,
    g: zerosLike(params),
    m: zerosLike(params),
    v: zerosLike(params),
    beta2Power: 1,
    muDecayPower: 1,
    muProduct: 1,
  }),
  step(params: Vec, state: NadamState, hyper: Hyper, oracle: GradientOracle): number {
    state.t += 1;
    const { g, m, v } = state;
    const { lr, beta1, beta2, eps } = hyper;
    const loss = oracle(params, g);
    const base = MU_BASE ** hyper.psi;
    state.muDecayPower *= base;
    const mu = beta1 * (1 - 0.5 * state.muDecayPower);
    const muNext = beta1 * (1 - 0.5 * (state.muDecayPower * base));
    state.muProduct *= mu;
    accumulate(m, g, beta1, 1 - beta1);
    accumulateSquares(v, g, beta2, 1 - beta2);
    state.beta2Power *= beta2;
    const c2 = biasCorrection(state.beta2Power);
    const gradWeight = (1 - mu) / (1 - state.muProduct);
    const momentumWeight = muNext / (1 - state.muProduct * muNext);
    for (let i = 0; i < g.length; i++) {
      const d = Math.sqrt(v[i] / c2) + eps;
      g[i] = (gradWeight * g[i]) / d + (momentumWeight * m[i]) / d;
    }
    descend(params, g, lr);
    return loss;
  },
};

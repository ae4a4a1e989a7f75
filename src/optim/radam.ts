/**
 * RAdam (rectified Adam):  m, v as Adam;  m̂ = m/(1−β₁ᵗ);  ρ∞ = 2/(1−β₂) − 1;  ρₜ = ρ∞ − 2t·β₂ᵗ/(1−β₂ᵗ)
 *   if ρₜ > 5:  r = √((ρₜ−4)(ρₜ−2)ρ∞ / ((ρ∞−4)(ρ∞−2)ρₜ)),  θ ← θ − η·m̂·r·√(1−β₂ᵗ)/(√v + ε)
 *   otherwise:  θ ← θ − η·m̂   (momentum SGD while the variance estimate is too young to trust)
 * Source: Liu et al. 2020, "On the Variance of the Adaptive Learning Rate and Beyond", Algorithm 2; the
 * form of PyTorch's `torch.optim.RAdam` (threshold 5, ε added to √v before the bias correction √(1−β₂ᵗ)
 * multiplies it in). The authors' code (LiyuanLucasLiu/RAdam) switches at ρₜ ≥ 5 and can skip the
 * un-rectified steps instead (degenerated_to_sgd=False); optax's radam has a threshold of 5 too.
 * With β₂ = 0.999, ρₜ > 5 from t = 6 on.
 */
import { zerosLike, type Vec } from '../math/vector.ts';
import type { GradientOracle } from '../math/objective.ts';
import type { Hyper, Optimizer, OptimizerState } from './types.ts';
import { advanceMoments, biasCorrection, descend } from './moments.ts';
import { decayRate, epsilon, learningRate } from './specs.ts';

export interface RadamState extends OptimizerState {
  m: Vec;
  v: Vec;
  beta1Power: number;
  beta2Power: number;
}

/** ρₜ above which the adaptive step is used (PyTorch, optax). */
export const RADAM_THRESHOLD = 5;

export const radam: Optimizer<RadamState> = {
  id: 'radam',
  name: 'RAdam',
  formula:
    'm \\leftarrow \\beta_1 m + (1-\\beta_1) g,\\; v \\leftarrow \\beta_2 v + (1-\\beta_2) g^2,\\; \\rho_t = \\rho_\\infty - \\tfrac{2t\\beta_2^t}{1-\\beta_2^t} \\\\ \\theta \\leftarrow \\theta - \\eta\\, \\frac{m}{1-\\beta_1^t} \\cdot \\begin{cases} r_t \\frac{\\sqrt{1-\\beta_2^t}}{\\sqrt{v} + \\epsilon} & \\rho_t > 5 \\\\ 1 & \\text{otherwise} \\end{cases}',
  convention:
    "PyTorch's RAdam: plain momentum steps while ρₜ ≤ 5, then the rectified Adam step with ε added to √v before correction; the authors' code switches at ρₜ ≥ 5 and can skip the early steps.",
  note:
    "Adam with a built-in warm-up: for the first few updates, when the squared-gradient average rests on too few samples, it takes plain momentum steps; then it blends in Adam's scaling by a factor r that grows toward 1.",
  group: 'more',
  hyper: [
    learningRate(0.001),
    decayRate('beta1', 'first-moment decay', '\\beta_1', 0.9),
    decayRate('beta2', 'second-moment decay', '\\beta_2', 0.999),
    epsilon(1e-8),
  ],
  init: (params) => ({ t: 0, g: zerosLike(params), m: zerosLike(params), v: zerosLike(params), beta1Power: 1, beta2Power: 1 }),
  step(params: Vec, state: RadamState, hyper: Hyper, oracle: GradientOracle): number {
    state.t += 1;
    const { g, m, v } = state;
    const { beta1, beta2, eps } = hyper;
    const loss = oracle(params, g);
    advanceMoments(state, g, beta1, beta2);
    const c1 = biasCorrection(state.beta1Power);
    const c2 = biasCorrection(state.beta2Power);
    const rhoInf = 2 / (1 - beta2) - 1;
    const rho = rhoInf - (2 * state.t * state.beta2Power) / c2;
    if (rho > RADAM_THRESHOLD) {
      const r = Math.sqrt(((rho - 4) * (rho - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rho));
      const scale = r * Math.sqrt(c2);
      for (let i = 0; i < g.length; i++) g[i] = ((m[i] / c1) * scale) / (Math.sqrt(v[i]) + eps);
    } else {
      for (let i = 0; i < g.length; i++) g[i] = m[i] / c1;
    }
    descend(params, g, hyper.lr);
    return loss;
  },
};

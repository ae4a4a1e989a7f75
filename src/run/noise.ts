/**
 * Noisy gradient oracle: ĝ = ∇f(p) + σ·ξ with ξ ~ N(0, I), one fresh draw per coordinate per call, from
 * the given seeded Rng. The loss is returned unchanged (noise models a stochastic gradient, not a noisy
 * measurement). With σ = 0 the draws are still consumed, so only σ changes between two runs.
 */
import type { GradientOracle } from '../math/objective.ts';
import type { Rng } from './random.ts';

export interface NoiseSpec {
  readonly sigma: number;
  readonly seed: number;
}

export function noisyOracle(oracle: GradientOracle, sigma: number, rng: Rng): GradientOracle {
  return (p, grad) => {
    const loss = oracle(p, grad);
    for (let i = 0; i < grad.length; i++) grad[i] += sigma * rng.normal();
    return loss;
  };
}

/**
 * AdaDelta (no learning rate):
 *   s ← ρ·s + (1−ρ)·g²;  Δ ← g·√(u + ε)/√(s + ε);  θ ← θ − Δ;  u ← ρ·u + (1−ρ)·Δ²
 * Source: Zeiler 2012, Algorithm 1; d2l.ai §12.9 ("works even with a learning rate of 0"). PyTorch and
 * Keras multiply Δ by an extra lr (default 1.0); this form has none, so any lr passed is ignored.
 * ε sits inside both roots as in the paper; it also sets the size of the very first steps (√ε-ish).
 */
import { zerosLike, type Vec } from '../math/vector.ts';
import type { GradientOracle } from '../math/objective.ts';
import type { Hyper, Optimizer, OptimizerState } from './types.ts';
import { accumulateSquares, descend } from './moments.ts';
import { decayRate, epsilon } from './specs.ts';

export interface AdadeltaState extends OptimizerState {
  s: Vec;
  u: Vec;
}

export const adadelta: Optimizer<AdadeltaState> = {
  id: 'adadelta',
  name: 'AdaDelta',
  formula:
    's \\leftarrow \\rho s + (1-\\rho) g^2 \\\\ \\Delta \\leftarrow g \\frac{\\sqrt{u+\\epsilon}}{\\sqrt{s+\\epsilon}},\\; \\theta \\leftarrow \\theta - \\Delta,\\; u \\leftarrow \\rho u + (1-\\rho)\\Delta^2',
  convention: 'No learning rate, as in Zeiler 2012 and d2l; PyTorch and Keras scale Δ by an extra lr (default 1).',
  note:
    "AdaGrad with a memory that fades, and no learning rate: each step is sized by the recent steps' size over the recent gradients' size, so it starts tiny and grows into its units.",
  group: 'classic',
  hyper: [decayRate('rho', 'decay', '\\rho', 0.9), epsilon(1e-6)],
  init: (params) => ({ t: 0, g: zerosLike(params), s: zerosLike(params), u: zerosLike(params) }),
  step(params: Vec, state: AdadeltaState, hyper: Hyper, oracle: GradientOracle): number {
    state.t += 1;
    const { g, s, u } = state;
    const { rho, eps } = hyper;
    const loss = oracle(params, g);
    accumulateSquares(s, g, rho, 1 - rho);
    for (let i = 0; i < g.length; i++) g[i] *= Math.sqrt(u[i] + eps) / Math.sqrt(s[i] + eps);
    descend(params, g, 1);
    accumulateSquares(u, g, rho, 1 - rho);
    return loss;
  },
};

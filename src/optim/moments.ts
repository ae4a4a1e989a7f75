/**
 * The shared arithmetic of the rules, in the spirit of optax's `update_moment`,
 * `update_moment_per_elem_norm`, `bias_correction` and `scale_by_learning_rate`:
 *
 *   accumulate:        a ← decay·a + weight·g        (momentum buffers, first moments)
 *   accumulateSquares: a ← decay·a + weight·g²       (AdaGrad's sum, RMSprop/AdaDelta/Adam second moments)
 *   biasCorrection:    1 − decay^t                   (Adam divides its moments by this)
 *
 * decay^t is kept as a running product (decayPower ← decayPower·decay once per step) rather than computed
 * with `**`: Math.pow's last bit differs between JS engines (0.999**16 in Node 20 vs Chromium 156), while
 * a product rounds identically everywhere, so the CLI, the page and a shared link give bit-identical runs.
 *   descend:           θ ← θ − lr·u                  (the one home of the descent sign; descendRange on a block)
 *   shrink:            θ ← θ·(1 − lr·λ)               (decoupled weight decay: AdamW, Lion)
 *
 * Every helper is an in-place loop over typed arrays of equal length: no allocation, and the same code
 * serves a Float64Array(2) and a Float32Array(50 000).
 */
import type { Vec } from '../math/vector.ts';

export function accumulate(acc: Vec, g: Vec, decay: number, weight: number): void {
  for (let i = 0; i < acc.length; i++) acc[i] = decay * acc[i] + weight * g[i];
}

export function accumulateSquares(acc: Vec, g: Vec, decay: number, weight: number): void {
  for (let i = 0; i < acc.length; i++) acc[i] = decay * acc[i] + weight * g[i] * g[i];
}

/** 1 − decay^t, given decayPower = decay^t accumulated by multiplication. */
export function biasCorrection(decayPower: number): number {
  return 1 - decayPower;
}

/** θ ← θ − lr·u. Every optimizer moves its parameters through here and nowhere else. */
export function descend(params: Vec, update: Vec, lr: number): void {
  for (let i = 0; i < params.length; i++) params[i] -= lr * update[i];
}

/** θ ← θ·factor, with factor = 1 − lr·λ: decoupled weight decay (AdamW, Lion), a product as PyTorch's `mul_`. */
export function shrink(params: Vec, factor: number): void {
  if (factor === 1) return;
  for (let i = 0; i < params.length; i++) params[i] *= factor;
}

/** θ[i] ← θ[i] − lr·u[i] for from ≤ i < to: descend on one block of the vector (Muon's matrices and AdamW entries, each with its own rate). */
export function descendRange(params: Vec, update: Vec, lr: number, from: number, to: number): void {
  for (let i = from; i < to; i++) params[i] -= lr * update[i];
}

/** The Adam family's moments: what `advanceMoments` updates. */
export interface MomentState {
  m: Vec;
  v: Vec;
  beta1Power: number;
  beta2Power: number;
}

/**
 * Adam's moment update, shared by Adam, AdamW, AMSGrad and RAdam: m ← β₁·m + (1−β₁)·g,
 * v ← β₂·v + (1−β₂)·g², and β₁ᵗ, β₂ᵗ advanced by one product each. The bias corrections are then
 * biasCorrection(state.beta1Power) and biasCorrection(state.beta2Power).
 */
export function advanceMoments(state: MomentState, g: Vec, beta1: number, beta2: number): void {
  accumulate(state.m, g, beta1, 1 - beta1);
  accumulateSquares(state.v, g, beta2, 1 - beta2);
  state.beta1Power *= beta1;
  state.beta2Power *= beta2;
}

/**
 * Softmax with cross-entropy over m rows of k logits z and integer labels y:
 *   p = softmax(z),  loss = −(1/m) Σ_r log p[r, y_r] = (1/m) Σ_r (logsumexp(z_r) − z[r, y_r])
 *   ∂loss/∂z = (p − onehot(y)) / m
 * The loss is computed from the logits in doubles (log-sum-exp with the row maximum subtracted), so a
 * probability that underflows in Float32 still gives a finite loss.
 */
import type { FloatArray } from './float-array.ts';

/** e^(z − max) of the current row, in doubles, kept so each exponential is computed once (grown, never shrunk). */
let exps = new Float64Array(16);

/** Writes P (softmax rows) and, if delta is given, (P − Y)/m; returns the summed (not averaged) loss. */
export function softmaxCrossEntropy(Z: FloatArray, P: FloatArray, labels: Uint8Array, m: number, k: number, delta: FloatArray | null): number {
  if (exps.length < k) exps = new Float64Array(k);
  const e = exps;
  let total = 0;
  for (let r = 0; r < m; r++) {
    const o = r * k;
    let max = -Infinity;
    for (let j = 0; j < k; j++) if (Z[o + j] > max) max = Z[o + j];
    let sum = 0;
    for (let j = 0; j < k; j++) {
      e[j] = Math.exp(Z[o + j] - max);
      sum += e[j];
    }
    const y = labels[r];
    total += Math.log(sum) + max - Z[o + y];
    for (let j = 0; j < k; j++) {
      const p = e[j] / sum;
      P[o + j] = p;
      if (delta) delta[o + j] = (p - (j === y ? 1 : 0)) / m;
    }
  }
  return total;
}

/**
 * Batch normalisation over a mini-batch of m rows, per unit j (Ioffe & Szegedy 2015, Algorithm 1):
 *   μ = (1/m)Σ z,  σ² = (1/m)Σ (z − μ)²,  ẑ = (z − μ)/√(σ² + ε),  s = γ ẑ + β
 * Running statistics for inference: r ← 0.9·r + 0.1·(batch statistic), with the biased σ² above.
 * Backward (the same paper, simplified):
 *   ∂γ = Σ ds·ẑ,  ∂β = Σ ds,  dz = γ/(m√(σ²+ε)) · (m·ds − Σ ds − ẑ·Σ ds·ẑ)
 * Arrays are row-major m × n; per-unit vectors have length n.
 */
import type { FloatArray } from './float-array.ts';

export const BN_EPSILON = 1e-5;
export const BN_MOMENTUM = 0.9;

export interface BatchNormStats {
  readonly mean: FloatArray;
  readonly invStd: FloatArray;
}

export function batchNormTrain(
  Z: FloatArray, Zhat: FloatArray, S: FloatArray, stats: BatchNormStats,
  gamma: FloatArray, beta: FloatArray, runMean: FloatArray, runVar: FloatArray,
  m: number, n: number, updateRunning: boolean,
): void {
  for (let j = 0; j < n; j++) {
    let sum = 0;
    for (let r = 0; r < m; r++) sum += Z[r * n + j];
    const mu = sum / m;
    let sq = 0;
    for (let r = 0; r < m; r++) {
      const d = Z[r * n + j] - mu;
      sq += d * d;
    }
    const variance = sq / m;
    const inv = 1 / Math.sqrt(variance + BN_EPSILON);
    stats.mean[j] = mu;
    stats.invStd[j] = inv;
    const g = gamma[j];
    const bt = beta[j];
    for (let r = 0; r < m; r++) {
      const zh = (Z[r * n + j] - mu) * inv;
      Zhat[r * n + j] = zh;
      S[r * n + j] = g * zh + bt;
    }
    if (updateRunning) {
      runMean[j] = BN_MOMENTUM * runMean[j] + (1 - BN_MOMENTUM) * mu;
      runVar[j] = BN_MOMENTUM * runVar[j] + (1 - BN_MOMENTUM) * variance;
    }
  }
}

export function batchNormInfer(
  Z: FloatArray, S: FloatArray, gamma: FloatArray, beta: FloatArray,
  runMean: FloatArray, runVar: FloatArray, m: number, n: number,
): void {
  for (let j = 0; j < n; j++) {
    const scale = gamma[j] / Math.sqrt(runVar[j] + BN_EPSILON);
    const mu = runMean[j];
    const bt = beta[j];
    for (let r = 0; r < m; r++) S[r * n + j] = (Z[r * n + j] - mu) * scale + bt;
  }
}

/** Writes dZ, ∂γ and ∂β from dS (the gradient with respect to the batch-norm output). */
export function batchNormBackward(
  dS: FloatArray, Zhat: FloatArray, stats: BatchNormStats, gamma: FloatArray,
  dGamma: FloatArray, dBeta: FloatArray, dZ: FloatArray, m: number, n: number,
): void {
  for (let j = 0; j < n; j++) {
    let sumD = 0;
    let sumDZhat = 0;
    for (let r = 0; r < m; r++) {
      const d = dS[r * n + j];
      sumD += d;
      sumDZhat += d * Zhat[r * n + j];
    }
    dGamma[j] = sumDZhat;
    dBeta[j] = sumD;
    const k = (gamma[j] * stats.invStd[j]) / m;
    for (let r = 0; r < m; r++) {
      dZ[r * n + j] = k * (m * dS[r * n + j] - sumD - Zhat[r * n + j] * sumDZhat);
    }
  }
}

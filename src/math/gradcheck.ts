/**
 * Gradient checker: compares an Objective's analytic gradient with central differences,
 *   g̃_i = (f(p + h_i e_i) − f(p − h_i e_i)) / (2 h_i),   h_i = step · max(1, |p_i|),
 * and reports relativeError = ‖g − g̃‖₂ / (‖g‖₂ + ‖g̃‖₂), defined as 0 when both norms are 0, plus the
 * absoluteError ‖g − g̃‖₂. Where the true gradient is exactly 0 (a minimum, x³ at 0) the analytic value is
 * 0 while g̃ carries O(h²) noise, so the relative error is 1 there; gradientAgrees accepts either test.
 * Central differences have O(h²) truncation error and O(ε·|f|/h) rounding error; h ≈ 1e-5 relative
 * balances them for double precision (Nocedal & Wright, Numerical Optimization, §8.1). The step is scaled
 * per coordinate so large coordinates are not perturbed below their own rounding. Works in any dimension.
 * A Float32Array point is probed as a Float32Array (the MLP's packed parameters); the divisor is the step
 * actually stored after rounding, so Float32 rounding does not bias the quotient (use a larger step there,
 * e.g. 1e-2, since Float32 has ~7 digits).
 */
import type { Objective } from './objective.ts';
import type { Vec } from './vector.ts';

export interface GradCheckReport {
  /** f(p) as returned by the gradient oracle. */
  value: number;
  analytic: Float64Array;
  numeric: Float64Array;
  relativeError: number;
  absoluteError: number;
}

export const DEFAULT_STEP = 1e-5;

export function gradcheck(objective: Objective, point: ArrayLike<number>, step: number = DEFAULT_STEP): GradCheckReport {
  const n = objective.dim;
  if (point.length !== n) throw new Error(`gradcheck: point has ${point.length} coordinates, objective has ${n}`);
  const p: Vec = point instanceof Float32Array ? Float32Array.from(point) : Float64Array.from(point);
  const oracleGrad: Vec = point instanceof Float32Array ? new Float32Array(n) : new Float64Array(n);
  const value = objective.gradient(p, oracleGrad);
  const analytic = Float64Array.from(oracleGrad);
  const numeric = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const pi = p[i];
    const h = step * Math.max(1, Math.abs(pi));
    p[i] = pi + h;
    const above = p[i];
    const up = objective.value(p);
    p[i] = pi - h;
    const below = p[i];
    const down = objective.value(p);
    p[i] = pi;
    numeric[i] = (up - down) / (above - below);
  }
  return {
    value,
    analytic,
    numeric,
    relativeError: relativeError(analytic, numeric),
    absoluteError: distance(analytic, numeric),
  };
}

/** The check the tests use: relative error ≤ tol, or absolute error ≤ tol where the gradient vanishes. */
export function gradientAgrees(report: GradCheckReport, tol = 1e-6): boolean {
  return report.relativeError <= tol || report.absoluteError <= tol;
}

function distance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] - b[i]) ** 2;
  return Math.sqrt(sum);
}

/** ‖a − b‖₂ / (‖a‖₂ + ‖b‖₂), 0 when both are zero vectors; NaN if either holds a non-finite entry. */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    diff += (a[i] - b[i]) ** 2;
    na += a[i] ** 2;
    nb += b[i] ** 2;
  }
  const denom = Math.sqrt(na) + Math.sqrt(nb);
  if (denom === 0) return 0;
  return Math.sqrt(diff) / denom;
}

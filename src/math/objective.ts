/**
 * Objective: the seam both tabs share (design.md).
 *
 * A gradient oracle, given parameters p, returns the loss f(p) and writes ∇f(p) into the caller-owned
 * `grad` (same length as p). It must not keep references to p or grad and must not allocate per call on
 * hot paths. A surface is a 2-vector objective; the MLP on a mini-batch is a ~50k-vector objective.
 */
import type { Vec } from './vector.ts';

export type GradientOracle = (p: Vec, grad: Vec) => number;

export interface Objective {
  readonly dim: number;
  /** f(p) only; cheaper than the oracle where the gradient is not needed (recording a run's losses). */
  value(p: Vec): number;
  /** f(p), with ∇f(p) written into grad. */
  gradient: GradientOracle;
  /**
   * 2-D objectives compiled from an expression: the exact Hessian as a function of (x, y) writing
   * [f_xx, f_xy, f_yy] into out and returning f, compiled on first request; null where there is none.
   */
  hessian?(): ((x: number, y: number, out: Float64Array | Float32Array) => number) | null;
}

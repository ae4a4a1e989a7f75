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
  /**
   * 2-D objectives compiled from an expression: f and ∇f over many packed points per call (the batched
   * engine's oracle, src/run/batch.ts), compiled on first request. Point i gives bit for bit what value and
   * gradient give at [P[2i], P[2i+1]], and the f the gradient form writes is value's f.
   */
  batch?(): BatchFunctions;
}

/**
 * f and ∇f at points from ≤ i < to of a packed vector P = [x₀, y₀, x₁, y₁, …]: F[i] = f, and for the
 * gradient G[2i] = ∂f/∂x, G[2i + 1] = ∂f/∂y.
 */
export interface BatchFunctions {
  value(P: Float64Array, F: Float64Array, from: number, to: number): void;
  gradient(P: Float64Array, G: Float64Array, F: Float64Array, from: number, to: number): void;
}

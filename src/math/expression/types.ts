/**
 * Public types of the expression → objective pipeline (issue 2, "Expression → objective").
 * An ExpressionError points at the offending token: `index` is the 0-based character offset into the text
 * the user typed (untrimmed), while messages count positions from 1 ("at position 5"), as people do.
 */
import type { BatchFunctions } from '../objective.ts';

export interface ExpressionError {
  message: string;
  token: string;
  index: number;
}

export interface CompiledExpression {
  /** The user's text, trimmed. */
  source: string;
  f: (x: number, y: number) => number;
  /** Writes [∂f/∂x, ∂f/∂y] into out[0], out[1]; returns f(x, y). */
  grad: (x: number, y: number, out: Float64Array | Float32Array) => number;
  /** mathjs toTex of f and of the simplified partials. */
  tex: { f: string; dfdx: string; dfdy: string };
  /** Simplified partials as mathjs text. */
  derivatives: { dfdx: string; dfdy: string };
  mode: 'codegen' | 'closure';
  /**
   * The Hessian as a function writing [∂²f/∂x², ∂²f/∂x∂y, ∂²f/∂y²] into out[0..2] and returning f, compiled
   * on first call (in the same mode) and memoised; null where mathjs's second partials leave the accepted
   * language. For the f* estimate's Newton steps, the learning-rate stability limits, the curvature lens.
   */
  hessian(): ((x: number, y: number, out: Float64Array | Float32Array) => number) | null;
  /**
   * f and ∇f over many packed points per call (src/math/objective.ts BatchFunctions), compiled on first
   * call in the same mode and memoised: the same numbers as f and grad point by point.
   */
  batch(): BatchFunctions;
}

export type CompileResult = { ok: true; value: CompiledExpression } | { ok: false; error: ExpressionError };

export type CompileMode = 'auto' | 'codegen' | 'closure';

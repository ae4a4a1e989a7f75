/**
 * Expression → objective with exact gradients (issue 2): text → validated mathjs tree → symbolic partials
 * → f and ∇f compiled once into plain functions, by generated code ('codegen') or, where the page forbids
 * `new Function`, by closures ('closure'). See validate.ts for the accepted language.
 * The Hessian (second partials of the simplified first partials, by the same differentiate → program →
 * compiler path) is built on first request only: typing compiles on every keystroke, and most views never
 * ask for curvature. f_xy is taken as ∂/∂y of ∂f/∂x (equal to ∂/∂x of ∂f/∂y wherever f is C²).
 */
import type { MathNode } from 'mathjs';
import type { BatchFunctions, Objective } from '../objective.ts';
import type { Vec } from '../vector.ts';
import { batchOfScalar, compileClosure, compileHessianClosure } from './closure.ts';
import { type CompiledFunctions, type HessianFunction, compileBatchCodegen, compileCodegen, compileHessianCodegen } from './codegen.ts';
import { type PartialResult, partial } from './differentiate.ts';
import { type Expr, toIr } from './ir.ts';
import { parseExpression } from './parse.ts';
import { texOf } from './tex.ts';
import type { CompileMode, CompileResult, CompiledExpression, ExpressionError } from './types.ts';
import { positionWords } from './validate.ts';

export type { CompileMode, CompileResult, CompiledExpression, ExpressionError } from './types.ts';
export type { HessianFunction } from './codegen.ts';
export { MAX_LENGTH } from './validate.ts';
export { FUNCTION_NAMES } from './functions.ts';

/** A node the lexical pass let through but the whitelist refused; located by its text where possible. */
function refusal(text: string, token: string, reason: string): ExpressionError {
  const at = text.indexOf(token);
  const index = at >= 0 ? at : 0;
  return { message: `"${token}" ${positionWords(index)} is not allowed: ${reason}`, token, index };
}

function toIrOrError(text: string, node: MathNode): { ok: true; expr: Expr } | { ok: false; error: ExpressionError } {
  const ir = toIr(node);
  return ir.ok ? ir : { ok: false, error: refusal(text, ir.token, ir.reason) };
}

function compileFunctions(mode: CompileMode, f: Expr, dx: Expr, dy: Expr): CompiledFunctions & { mode: 'codegen' | 'closure' } {
  if (mode === 'closure') return { ...compileClosure(f, dx, dy), mode: 'closure' };
  if (mode === 'codegen') return { ...compileCodegen(f, dx, dy), mode: 'codegen' };
  try {
    return { ...compileCodegen(f, dx, dy), mode: 'codegen' };
  } catch {
    // new Function refused (CSP without 'unsafe-eval'): same numbers, slower.
    return { ...compileClosure(f, dx, dy), mode: 'closure' };
  }
}

/**
 * The compiled Hessian of f, or null where a second partial cannot be taken or compiled within the
 * accepted language (mathjs differentiates to a function the whitelist refuses).
 */
function compileHessian(mode: 'codegen' | 'closure', f: Expr, dx: MathNode, dy: MathNode): HessianFunction | null {
  try {
    const dxx = partial(dx, 'x');
    const dxy = partial(dx, 'y');
    const dyy = partial(dy, 'y');
    if (!dxx.ok || !dxy.ok || !dyy.ok) return null;
    if (mode === 'codegen') {
      try {
        return compileHessianCodegen(f, dxx.expr, dxy.expr, dyy.expr);
      } catch {
        // new Function refused after all: closures below.
      }
    }
    return compileHessianClosure(f, dxx.expr, dxy.expr, dyy.expr);
  } catch {
    return null;
  }
}

/** The batched forms in the scalar functions' mode: generated loops, or a loop over the closures. */
function compileBatch(compiled: CompiledFunctions & { mode: 'codegen' | 'closure' }, f: Expr, dx: Expr, dy: Expr): BatchFunctions {
  if (compiled.mode === 'codegen') {
    try {
      return compileBatchCodegen(f, dx, dy);
    } catch {
      // new Function refused after all: the closures' loop below.
    }
  }
  return batchOfScalar(compiled);
}

export function compileExpression(text: string, options: { mode?: CompileMode } = {}): CompileResult {
  const parsed = parseExpression(text);
  if (!parsed.ok) return parsed;
  const fIr = toIrOrError(text, parsed.node);
  if (!fIr.ok) return fIr;

  let dx: PartialResult;
  let dy: PartialResult;
  try {
    dx = partial(parsed.node, 'x');
    dy = partial(parsed.node, 'y');
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { message: `Could not differentiate this expression: ${reason}`, token: '', index: 0 } };
  }
  if (!dx.ok) return { ok: false, error: refusal(text, dx.token, dx.reason) };
  if (!dy.ok) return { ok: false, error: refusal(text, dy.token, dy.reason) };

  const compiled = compileFunctions(options.mode ?? 'auto', fIr.expr, dx.expr, dy.expr);
  let hessian: HessianFunction | null | undefined;
  let batch: BatchFunctions | undefined;
  const dxNode = dx.node;
  const dyNode = dy.node;
  const dxExpr = dx.expr;
  const dyExpr = dy.expr;
  return {
    ok: true,
    value: {
      source: text.trim(),
      f: compiled.f,
      grad: compiled.grad,
      tex: texOf(parsed.node, dx.node, dy.node),
      derivatives: { dfdx: dx.node.toString(), dfdy: dy.node.toString() },
      mode: compiled.mode,
      hessian: () => (hessian === undefined ? (hessian = compileHessian(compiled.mode, fIr.expr, dxNode, dyNode)) : hessian),
      batch: () => (batch ??= compileBatch(compiled, fIr.expr, dxExpr, dyExpr)),
    },
  };
}

/**
 * A 2-D Objective over p = [x, y]: value is f, the gradient oracle writes the exact ∇f, and `hessian`
 * (where the expression has one) writes [f_xx, f_xy, f_yy].
 */
export function expressionObjective(c: Pick<CompiledExpression, 'f' | 'grad'> & Partial<Pick<CompiledExpression, 'hessian' | 'batch'>>): Objective {
  const { f, grad } = c;
  const objective: Objective = {
    dim: 2,
    value: (p: Vec) => f(p[0], p[1]),
    gradient: (p: Vec, g: Vec) => grad(p[0], p[1], g),
  };
  const many = c.batch;
  const batched: Objective = many ? { ...objective, batch: () => many() } : objective;
  const second = c.hessian;
  if (!second) return batched;
  return { ...batched, hessian: () => second() };
}

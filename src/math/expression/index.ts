/**
 * Expression → objective with exact gradients (issue 2): text → validated mathjs tree → symbolic partials
 * → f and ∇f compiled once into plain functions, by generated code ('codegen') or, where the page forbids
 * `new Function`, by closures ('closure'). See validate.ts for the accepted language.
 */
import type { MathNode } from 'mathjs';
import type { Objective } from '../objective.ts';
import type { Vec } from '../vector.ts';
import { compileClosure } from './closure.ts';
import { type CompiledFunctions, compileCodegen } from './codegen.ts';
import { type PartialResult, partial } from './differentiate.ts';
import { type Expr, toIr } from './ir.ts';
import { parseExpression } from './parse.ts';
import { texOf } from './tex.ts';
import type { CompileMode, CompileResult, ExpressionError } from './types.ts';
import { positionWords } from './validate.ts';

export type { CompileMode, CompileResult, CompiledExpression, ExpressionError } from './types.ts';
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
  return {
    ok: true,
    value: {
      source: text.trim(),
      f: compiled.f,
      grad: compiled.grad,
      tex: texOf(parsed.node, dx.node, dy.node),
      derivatives: { dfdx: dx.node.toString(), dfdy: dy.node.toString() },
      mode: compiled.mode,
    },
  };
}

/** A 2-D Objective over p = [x, y]: value is f, the gradient oracle writes the exact ∇f. */
export function expressionObjective(c: { f: CompiledFunctions['f']; grad: CompiledFunctions['grad'] }): Objective {
  const { f, grad } = c;
  return {
    dim: 2,
    value: (p: Vec) => f(p[0], p[1]),
    gradient: (p: Vec, g: Vec) => grad(p[0], p[1], g),
  };
}

/**
 * Program → JavaScript source → function, for speed. The source is assembled only from program steps:
 * formatted numbers, the parameter names x and y, temporaries t0, t1, ..., fixed operator spellings and
 * the templates in functions.ts; never from the user's text. Every operation is fully parenthesised, so
 * the source never depends on JS precedence rules.
 */
import { FUNCTIONS } from './functions.ts';
import { formatNumber } from './format-number.ts';
import type { BatchFunctions } from '../objective.ts';
import type { Expr } from './ir.ts';
import { type Program, type Step, toProgram } from './program.ts';

function stepSource(s: Step): string {
  switch (s.kind) {
    case 'num':
      return formatNumber(s.value);
    case 'var':
      return s.name;
    case 'temp':
      return `t${s.index}`;
    case 'neg':
      return `(-${stepSource(s.arg)})`;
    case 'bin':
      return s.op === '^'
        ? `Math.pow(${stepSource(s.a)},${stepSource(s.b)})`
        : `(${stepSource(s.a)}${s.op}${stepSource(s.b)})`;
    case 'call':
      return FUNCTIONS[s.name].js(s.args.map(stepSource));
  }
}

function tempsSource(p: Program): string {
  return p.temps.map((t, i) => `const t${i}=${stepSource(t)};`).join('');
}

export function valueSource(f: Expr): string {
  const p = toProgram([f]);
  return `"use strict";return function f(x,y){${tempsSource(p)}return ${stepSource(p.results[0])};};`;
}

export function gradientSource(f: Expr, dfdx: Expr, dfdy: Expr): string {
  const p = toProgram([f, dfdx, dfdy]);
  const [value, dx, dy] = p.results.map(stepSource);
  return `"use strict";return function grad(x,y,out){${tempsSource(p)}out[0]=${dx};out[1]=${dy};return ${value};};`;
}

/**
 * The batched forms (runBatch, src/run/batch.ts): one call evaluates points from ≤ i < to of a packed
 * vector P = [x₀, y₀, x₁, y₁, …], writing f into F[i] and, for the gradient, ∂f/∂x, ∂f/∂y into G[2i],
 * G[2i + 1]. The loop body is the scalar function's body, printed from the same program by the same
 * stepSource, so each point gets the same operations in the same order as a call of f or grad, bit for
 * bit (tests/math/expression-batch.test.ts checks every registry surface); what goes is the call per point.
 * The value the gradient form writes into F is f evaluated by the program [f, ∂f/∂x, ∂f/∂y]: the same
 * expression tree as f alone (interning only shares equal subtrees), so the same number.
 */
export function batchValueSource(f: Expr): string {
  const p = toProgram([f]);
  return `"use strict";return function fBatch(P,F,from,to){for(let i=from;i<to;i++){const x=P[2*i],y=P[2*i+1];${tempsSource(p)}F[i]=${stepSource(p.results[0])};}};`;
}

export function batchGradientSource(f: Expr, dfdx: Expr, dfdy: Expr): string {
  const p = toProgram([f, dfdx, dfdy]);
  const [value, dx, dy] = p.results.map(stepSource);
  return `"use strict";return function gradBatch(P,G,F,from,to){for(let i=from;i<to;i++){const x=P[2*i],y=P[2*i+1];${tempsSource(p)}G[2*i]=${dx};G[2*i+1]=${dy};F[i]=${value};}};`;
}

/** f and its three second partials as one program: out[0] = f_xx, out[1] = f_xy, out[2] = f_yy; returns f. */
export function hessianSource(f: Expr, dxx: Expr, dxy: Expr, dyy: Expr): string {
  const p = toProgram([f, dxx, dxy, dyy]);
  const [value, xx, xy, yy] = p.results.map(stepSource);
  return `"use strict";return function hessian(x,y,out){${tempsSource(p)}out[0]=${xx};out[1]=${xy};out[2]=${yy};return ${value};};`;
}

/** Writes the Hessian's entries [∂²f/∂x², ∂²f/∂x∂y, ∂²f/∂y²] into out[0..2]; returns f(x, y). */
export type HessianFunction = (x: number, y: number, out: Float64Array | Float32Array) => number;

export interface CompiledFunctions {
  f: (x: number, y: number) => number;
  grad: (x: number, y: number, out: Float64Array | Float32Array) => number;
}

/** Throws where the page forbids `new Function`, as compileCodegen does. */
export function compileBatchCodegen(f: Expr, dfdx: Expr, dfdy: Expr): BatchFunctions {
  return {
    value: new Function(batchValueSource(f))() as BatchFunctions['value'],
    gradient: new Function(batchGradientSource(f, dfdx, dfdy))() as BatchFunctions['gradient'],
  };
}

/** Throws where the page forbids `new Function`, as compileCodegen does. */
export function compileHessianCodegen(f: Expr, dxx: Expr, dxy: Expr, dyy: Expr): HessianFunction {
  return new Function(hessianSource(f, dxx, dxy, dyy))() as HessianFunction;
}

/** Throws where the page forbids `new Function` (Content-Security-Policy without 'unsafe-eval'). */
export function compileCodegen(f: Expr, dfdx: Expr, dfdy: Expr): CompiledFunctions {
  return {
    f: new Function(valueSource(f))() as CompiledFunctions['f'],
    grad: new Function(gradientSource(f, dfdx, dfdy))() as CompiledFunctions['grad'],
  };
}

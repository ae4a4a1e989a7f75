/**
 * Program → JavaScript source → function, for speed. The source is assembled only from program steps:
 * formatted numbers, the parameter names x and y, temporaries t0, t1, ..., fixed operator spellings and
 * the templates in functions.ts; never from the user's text. Every operation is fully parenthesised, so
 * the source never depends on JS precedence rules.
 */
import { FUNCTIONS } from './functions.ts';
import { formatNumber } from './format-number.ts';
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

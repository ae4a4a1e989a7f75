/**
 * IR → JavaScript source → function, for speed. The source is assembled only from IR nodes: formatted
 * numbers, the parameter names x and y, fixed operator spellings and the templates in functions.ts.
 * Common subexpressions across f, ∂f/∂x and ∂f/∂y are computed once into temporaries (t0, t1, ...):
 * mathjs's derivatives repeat parts of f (Rosenbrock's y − x² appears in f and ∂f/∂x).
 * Every operation is fully parenthesised, so the source never depends on JS precedence rules.
 */
import { FUNCTIONS } from './functions.ts';
import { formatNumber } from './format-number.ts';
import type { Expr } from './ir.ts';

/** JS for one node, given its children's JS. Shared with nothing else: closure.ts mirrors these operations. */
function nodeSource(e: Expr, child: (c: Expr) => string): string {
  switch (e.kind) {
    case 'num':
      return formatNumber(e.value);
    case 'var':
      return e.name;
    case 'neg':
      return `(-${child(e.arg)})`;
    case 'bin':
      return e.op === '^' ? `Math.pow(${child(e.a)},${child(e.b)})` : `(${child(e.a)}${e.op}${child(e.b)})`;
    case 'call':
      return FUNCTIONS[e.name].js(e.args.map(child));
  }
}

function isLeaf(e: Expr): boolean {
  return e.kind === 'num' || e.kind === 'var';
}

/** Straight-line code computing each root: `statements` define temporaries, `results` are the root expressions. */
export function generateSource(roots: readonly Expr[]): { statements: string[]; results: string[] } {
  const keys = new Map<Expr, string>();
  const key = (e: Expr): string => {
    let k = keys.get(e);
    if (k === undefined) {
      k = nodeSource(e, key);
      keys.set(e, k);
    }
    return k;
  };
  const uses = new Map<string, number>();
  const count = (e: Expr): void => {
    if (isLeaf(e)) return;
    const k = key(e);
    uses.set(k, (uses.get(k) ?? 0) + 1);
    if (e.kind === 'neg') count(e.arg);
    else if (e.kind === 'bin') {
      count(e.a);
      count(e.b);
    } else if (e.kind === 'call') e.args.forEach(count);
  };
  roots.forEach(count);

  const statements: string[] = [];
  const temps = new Map<string, string>();
  const emit = (e: Expr): string => {
    if (isLeaf(e)) return key(e);
    const k = key(e);
    const existing = temps.get(k);
    if (existing) return existing;
    const code = nodeSource(e, emit);
    if ((uses.get(k) ?? 0) < 2) return code;
    const name = `t${temps.size}`;
    temps.set(k, name);
    statements.push(`const ${name}=${code};`);
    return name;
  };
  const results = roots.map(emit);
  return { statements, results };
}

export function valueSource(f: Expr): string {
  const { statements, results } = generateSource([f]);
  return `"use strict";return function f(x,y){${statements.join('')}return ${results[0]};};`;
}

export function gradientSource(f: Expr, dfdx: Expr, dfdy: Expr): string {
  const { statements, results } = generateSource([f, dfdx, dfdy]);
  return `"use strict";return function grad(x,y,out){${statements.join('')}out[0]=${results[1]};out[1]=${results[2]};return ${results[0]};};`;
}

export interface CompiledFunctions {
  f: (x: number, y: number) => number;
  grad: (x: number, y: number, out: Float64Array | Float32Array) => number;
}

/** Throws where the page forbids `new Function` (Content-Security-Policy without 'unsafe-eval'). */
export function compileCodegen(f: Expr, dfdx: Expr, dfdy: Expr): CompiledFunctions {
  return {
    f: new Function(valueSource(f))() as CompiledFunctions['f'],
    grad: new Function(gradientSource(f, dfdx, dfdy))() as CompiledFunctions['grad'],
  };
}

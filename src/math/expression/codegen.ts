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

/**
 * Straight-line code computing each root: `statements` define temporaries, `results` are the root
 * expressions. Structurally equal subtrees are interned to one id (a node's key is its kind plus its
 * children's ids, so keys stay short and interning is linear); ids used twice or more get a temporary.
 */
export function generateSource(roots: readonly Expr[]): { statements: string[]; results: string[] } {
  const idOfKey = new Map<string, number>();
  const idOfNode = new Map<Expr, number>();
  const uses: number[] = [];
  const intern = (e: Expr): number => {
    const known = idOfNode.get(e);
    if (known !== undefined) return known;
    let key: string;
    switch (e.kind) {
      case 'num':
        key = `n${formatNumber(e.value)}`;
        break;
      case 'var':
        key = e.name;
        break;
      case 'neg':
        key = `-${intern(e.arg)}`;
        break;
      case 'bin':
        key = `${e.op}${intern(e.a)},${intern(e.b)}`;
        break;
      case 'call':
        key = `${e.name}(${e.args.map(intern).join(',')})`;
        break;
    }
    let id = idOfKey.get(key);
    if (id === undefined) {
      id = uses.length;
      idOfKey.set(key, id);
      uses.push(0);
    }
    idOfNode.set(e, id);
    return id;
  };
  // Count uses per occurrence in the trees; a repeated subtree's insides are counted once per repeat,
  // which at worst gives an inner part its own temporary too.
  const count = (e: Expr): void => {
    if (isLeaf(e)) return;
    uses[intern(e)]++;
    if (e.kind === 'neg') count(e.arg);
    else if (e.kind === 'bin') {
      count(e.a);
      count(e.b);
    } else if (e.kind === 'call') e.args.forEach(count);
  };
  roots.forEach(count);

  const statements: string[] = [];
  const temps = new Map<number, string>();
  const emit = (e: Expr): string => {
    if (isLeaf(e)) return nodeSource(e, emit);
    const id = intern(e);
    const existing = temps.get(id);
    if (existing) return existing;
    const code = nodeSource(e, emit);
    if (uses[id] < 2) return code;
    const name = `t${temps.size}`;
    temps.set(id, name);
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

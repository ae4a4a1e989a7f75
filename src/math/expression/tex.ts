/**
 * TeX for display (KaTeX in the UI): mathjs's toTex of the parsed f and of the partials, with our own
 * rendering of function calls. mathjs's FunctionNode.toTex renders each argument twice (once eagerly,
 * once through its template), which doubles the work per nesting level: 22 nested sin() took over a
 * minute. The handler below renders every argument once, so TeX costs time linear in the tree.
 * Operators, numbers and symbols still go through mathjs's own toTex.
 */
import type { FunctionNode, MathNode, SymbolNode } from 'mathjs';

type Options = { handler: (node: MathNode, options: Options) => string | undefined };

const NAMED: Readonly<Record<string, string>> = {
  sin: '\\sin',
  cos: '\\cos',
  tan: '\\tan',
  sec: '\\sec',
  csc: '\\csc',
  cot: '\\cot',
  asin: '\\arcsin',
  acos: '\\arccos',
  atan: '\\arctan',
  sinh: '\\sinh',
  cosh: '\\cosh',
  tanh: '\\tanh',
  sech: '\\operatorname{sech}',
  csch: '\\operatorname{csch}',
  coth: '\\coth',
  asinh: '\\operatorname{arsinh}',
  acosh: '\\operatorname{arcosh}',
  atanh: '\\operatorname{artanh}',
  exp: '\\exp',
  log10: '\\log_{10}',
};

function functionTex(node: MathNode, options: Options): string | undefined {
  if (node.type !== 'FunctionNode') return undefined;
  const { fn, args } = node as FunctionNode;
  if (fn.type !== 'SymbolNode') return undefined;
  const name = (fn as unknown as SymbolNode).name;
  const tex = args.map((a) => a.toTex(options));
  if (name === 'sqrt') return `\\sqrt{${tex[0]}}`;
  if (name === 'abs') return `\\left|${tex[0]}\\right|`;
  if (name === 'log') return tex.length === 2 ? `\\log_{${tex[1]}}\\left(${tex[0]}\\right)` : `\\ln\\left(${tex[0]}\\right)`;
  const named = NAMED[name];
  return named ? `${named}\\left(${tex[0]}\\right)` : undefined;
}

const OPTIONS: Options = { handler: functionTex };

export function toTex(node: MathNode): string {
  return node.toTex(OPTIONS as object);
}

export function texOf(f: MathNode, dfdx: MathNode, dfdy: MathNode): { f: string; dfdx: string; dfdy: string } {
  return { f: toTex(f), dfdx: toTex(dfdx), dfdy: toTex(dfdy) };
}

/**
 * The validated expression tree (IR) that both compilers consume, and the whitelist that builds it from a
 * mathjs syntax tree. This conversion is the security boundary: only numbers, x, y, the constants pi and e
 * (turned into numbers here), + - * / ^, unary minus/plus, parentheses and calls of the functions in
 * functions.ts pass; every other mathjs node (symbols, accessors, assignments, strings, matrices, units,
 * ranges, conditionals, ...) is refused. Nothing of the user's text survives except parsed number values
 * and the fixed names x and y.
 */
import type { ConstantNode, FunctionNode, MathNode, OperatorNode, ParenthesisNode, SymbolNode } from 'mathjs';
import { CONSTANTS, FUNCTIONS, isConstantName, isFunctionName, isVariableName } from './functions.ts';

export type BinaryOp = '+' | '-' | '*' | '/' | '^';

export type Expr =
  | { readonly kind: 'num'; readonly value: number }
  | { readonly kind: 'var'; readonly name: 'x' | 'y' }
  | { readonly kind: 'neg'; readonly arg: Expr }
  | { readonly kind: 'bin'; readonly op: BinaryOp; readonly a: Expr; readonly b: Expr }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expr[] };

export type IrResult = { ok: true; expr: Expr } | { ok: false; token: string; reason: string };

const BINARY: Readonly<Record<string, BinaryOp>> = {
  add: '+',
  subtract: '-',
  multiply: '*',
  divide: '/',
  pow: '^',
};

class Refused {
  constructor(
    readonly token: string,
    readonly reason: string,
  ) {}
}

function convert(node: MathNode): Expr {
  switch (node.type) {
    case 'ConstantNode': {
      const value = (node as ConstantNode).value;
      if (typeof value !== 'number') throw new Refused(node.toString(), 'only numbers are allowed as constants');
      return { kind: 'num', value };
    }
    case 'SymbolNode': {
      const name = (node as SymbolNode).name;
      if (isVariableName(name)) return { kind: 'var', name };
      if (isConstantName(name)) return { kind: 'num', value: CONSTANTS[name] };
      throw new Refused(name, 'unknown symbol');
    }
    case 'ParenthesisNode':
      return convert((node as ParenthesisNode).content);
    case 'OperatorNode': {
      const { fn, args } = node as OperatorNode;
      if (fn === 'unaryMinus' && args.length === 1) return { kind: 'neg', arg: convert(args[0]) };
      if (fn === 'unaryPlus' && args.length === 1) return convert(args[0]);
      const op = Object.prototype.hasOwnProperty.call(BINARY, fn) ? BINARY[fn] : undefined;
      const nary = op === '+' || op === '*';
      if (!op || args.length < 2 || (!nary && args.length !== 2)) {
        throw new Refused((node as OperatorNode).op, 'operator not allowed');
      }
      // mathjs may hand back n-ary sums and products; fold them left, as written.
      let acc = convert(args[0]);
      for (let k = 1; k < args.length; k++) acc = { kind: 'bin', op, a: acc, b: convert(args[k]) };
      return acc;
    }
    case 'FunctionNode': {
      const { fn, args } = node as FunctionNode;
      const name = fn.type === 'SymbolNode' ? (fn as unknown as SymbolNode).name : fn.toString();
      if (fn.type !== 'SymbolNode' || !isFunctionName(name)) throw new Refused(name, 'unknown function');
      if (!FUNCTIONS[name].arity.includes(args.length)) throw new Refused(name, 'wrong number of arguments');
      return { kind: 'call', name, args: args.map(convert) };
    }
    default:
      throw new Refused(node.toString(), `${node.type} is not allowed`);
  }
}

export function toIr(node: MathNode): IrResult {
  try {
    return { ok: true, expr: convert(node) };
  } catch (err) {
    if (err instanceof Refused) return { ok: false, token: err.token, reason: err.reason };
    throw err;
  }
}

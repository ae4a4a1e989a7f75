/**
 * IR → a tree of JavaScript closures, no eval: the fallback where a Content-Security-Policy forbids
 * `new Function`. Each node performs exactly the operation codegen.ts writes for it (same Math calls,
 * same order), so both modes return bit-identical numbers.
 */
import type { CompiledFunctions } from './codegen.ts';
import { FUNCTIONS } from './functions.ts';
import type { BinaryOp, Expr } from './ir.ts';

type Fn = (x: number, y: number) => number;

export function closureOf(e: Expr): Fn {
  switch (e.kind) {
    case 'num': {
      const v = e.value;
      return () => v;
    }
    case 'var':
      return e.name === 'x' ? (x) => x : (_x, y) => y;
    case 'neg': {
      const a = closureOf(e.arg);
      return (x, y) => -a(x, y);
    }
    case 'bin':
      return binaryClosure(e.op, closureOf(e.a), closureOf(e.b));
    case 'call': {
      const fn = FUNCTIONS[e.name];
      const args = e.args.map(closureOf);
      if (args.length === 2) {
        const [a, b] = args;
        const g = fn.eval2!;
        return (x, y) => g(a(x, y), b(x, y));
      }
      const [a] = args;
      const g = fn.eval1!;
      return (x, y) => g(a(x, y));
    }
  }
}

function binaryClosure(op: BinaryOp, a: Fn, b: Fn): Fn {
  switch (op) {
    case '+':
      return (x, y) => a(x, y) + b(x, y);
    case '-':
      return (x, y) => a(x, y) - b(x, y);
    case '*':
      return (x, y) => a(x, y) * b(x, y);
    case '/':
      return (x, y) => a(x, y) / b(x, y);
    case '^':
      return (x, y) => Math.pow(a(x, y), b(x, y));
  }
}

export function compileClosure(f: Expr, dfdx: Expr, dfdy: Expr): CompiledFunctions {
  const fx = closureOf(f);
  const gx = closureOf(dfdx);
  const gy = closureOf(dfdy);
  return {
    f: fx,
    grad: (x, y, out) => {
      out[0] = gx(x, y);
      out[1] = gy(x, y);
      return fx(x, y);
    },
  };
}

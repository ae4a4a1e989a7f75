/**
 * Program → a tree of JavaScript closures, no eval: the fallback where a Content-Security-Policy forbids
 * `new Function`. Temporaries live in a Float64Array owned by the compiled function (allocated once, so
 * calls do not allocate); each step performs exactly the operation codegen.ts writes for it, so both
 * modes return bit-identical numbers.
 */
import type { BatchFunctions } from '../objective.ts';
import type { CompiledFunctions, HessianFunction } from './codegen.ts';
import { FUNCTIONS } from './functions.ts';
import type { BinaryOp, Expr } from './ir.ts';
import { type Step, toProgram } from './program.ts';

type Fn = (x: number, y: number) => number;

function closureOf(s: Step, slots: Float64Array): Fn {
  switch (s.kind) {
    case 'num': {
      const v = s.value;
      return () => v;
    }
    case 'var':
      return s.name === 'x' ? (x) => x : (_x, y) => y;
    case 'temp': {
      const k = s.index;
      return () => slots[k];
    }
    case 'neg': {
      const a = closureOf(s.arg, slots);
      return (x, y) => -a(x, y);
    }
    case 'bin':
      return binaryClosure(s.op, closureOf(s.a, slots), closureOf(s.b, slots));
    case 'call': {
      const fn = FUNCTIONS[s.name];
      const args = s.args.map((a) => closureOf(a, slots));
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

/** Closures for the program's results, each first filling the temporaries they may read. */
function compileProgram(roots: readonly Expr[]): { fill: (x: number, y: number) => void; results: Fn[] } {
  const program = toProgram(roots);
  const slots = new Float64Array(program.temps.length);
  const temps = program.temps.map((t) => closureOf(t, slots));
  const fill = (x: number, y: number): void => {
    for (let k = 0; k < temps.length; k++) slots[k] = temps[k](x, y);
  };
  return { fill, results: program.results.map((r) => closureOf(r, slots)) };
}

export function compileClosure(f: Expr, dfdx: Expr, dfdy: Expr): CompiledFunctions {
  const value = compileProgram([f]);
  const [fv] = value.results;
  const all = compileProgram([f, dfdx, dfdy]);
  const [gv, gx, gy] = all.results;
  return {
    f: (x, y) => {
      value.fill(x, y);
      return fv(x, y);
    },
    grad: (x, y, out) => {
      all.fill(x, y);
      out[0] = gx(x, y);
      out[1] = gy(x, y);
      return gv(x, y);
    },
  };
}

export function compileHessianClosure(f: Expr, dxx: Expr, dxy: Expr, dyy: Expr): HessianFunction {
  const all = compileProgram([f, dxx, dxy, dyy]);
  const [v, xx, xy, yy] = all.results;
  return (x, y, out) => {
    all.fill(x, y);
    out[0] = xx(x, y);
    out[1] = xy(x, y);
    out[2] = yy(x, y);
    return v(x, y);
  };
}

/** The batched forms as a loop over the scalar closures: by construction the numbers of a call per point. */
export function batchOfScalar({ f, grad }: CompiledFunctions): BatchFunctions {
  const out = new Float64Array(2);
  return {
    value(P, F, from, to) {
      for (let i = from; i < to; i++) F[i] = f(P[2 * i], P[2 * i + 1]);
    },
    gradient(P, G, F, from, to) {
      for (let i = from; i < to; i++) {
        F[i] = grad(P[2 * i], P[2 * i + 1], out);
        G[2 * i] = out[0];
        G[2 * i + 1] = out[1];
      }
    },
  };
}

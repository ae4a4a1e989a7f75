/**
 * A linear-time tidy-up of the IR, applied to every derivative: fold operations on two numbers (with the
 * same JS arithmetic the compiled code would run, so values are unchanged bit for bit) and drop the
 * identities the chain rule leaves behind: a+0, 0+a, a−0, 0−a → −a, a·1, 1·a, a·0, 0·a → 0, a/1, a^1,
 * a^0 → 1, −(−a), −(number). mathjs's simplify does more but its cost grows exponentially with depth
 * (simplifyCore alone takes seconds on a 40-term sum), so it only runs on small derivatives
 * (differentiate.ts); this pass bounds the work for everything else.
 * Dropping a·0 follows symbolic convention (d/dx of x·y is y even where x is infinite).
 */
import type { BinaryOp, Expr } from './ir.ts';

const num = (value: number): Expr => ({ kind: 'num', value });

function isNum(e: Expr, value: number): boolean {
  return e.kind === 'num' && e.value === value;
}

function fold(op: BinaryOp, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '^':
      return Math.pow(a, b);
  }
}

function negate(a: Expr): Expr {
  if (a.kind === 'num') return num(-a.value);
  if (a.kind === 'neg') return a.arg;
  return { kind: 'neg', arg: a };
}

function binary(op: BinaryOp, a: Expr, b: Expr): Expr {
  if (a.kind === 'num' && b.kind === 'num') return num(fold(op, a.value, b.value));
  switch (op) {
    case '+':
      if (isNum(b, 0)) return a;
      if (isNum(a, 0)) return b;
      break;
    case '-':
      if (isNum(b, 0)) return a;
      if (isNum(a, 0)) return negate(b);
      break;
    case '*':
      if (isNum(a, 0) || isNum(b, 0)) return num(0);
      if (isNum(b, 1)) return a;
      if (isNum(a, 1)) return b;
      if (isNum(b, -1)) return negate(a);
      if (isNum(a, -1)) return negate(b);
      break;
    case '/':
      if (isNum(b, 1)) return a;
      break;
    case '^':
      if (isNum(b, 1)) return a;
      if (isNum(b, 0)) return num(1);
      break;
  }
  return { kind: 'bin', op, a, b };
}

export function simplifyIr(e: Expr): Expr {
  switch (e.kind) {
    case 'num':
    case 'var':
      return e;
    case 'neg':
      return negate(simplifyIr(e.arg));
    case 'bin':
      return binary(e.op, simplifyIr(e.a), simplifyIr(e.b));
    case 'call':
      return { kind: 'call', name: e.name, args: e.args.map(simplifyIr) };
  }
}

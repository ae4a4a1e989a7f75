/**
 * f, ∂f/∂x and ∂f/∂y as one straight-line program with common subexpressions computed once: the shared
 * input of both compilers (codegen.ts prints it, closure.ts builds closures from it), so both modes run
 * the same operations in the same order and return bit-identical numbers.
 * Structurally equal subtrees are interned to one id (a node's key is its kind plus its children's ids, so
 * keys stay short and interning is linear); an id used twice or more becomes a temporary, computed before
 * anything that reads it. mathjs's derivatives repeat parts of f (Rosenbrock's y − x² appears in f and
 * both partials), so this saves real work. Squares and cubes become multiplications (see power).
 */
import { formatNumber } from './format-number.ts';
import type { BinaryOp, Expr } from './ir.ts';

/** A program step: the IR's node kinds, whose children may be reads of earlier temporaries. */
export type Step =
  | { readonly kind: 'num'; readonly value: number }
  | { readonly kind: 'var'; readonly name: 'x' | 'y' }
  | { readonly kind: 'temp'; readonly index: number }
  | { readonly kind: 'neg'; readonly arg: Step }
  | { readonly kind: 'bin'; readonly op: BinaryOp; readonly a: Step; readonly b: Step }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Step[] };

export interface Program {
  /** temps[i] may read temps[j] for j < i only. */
  readonly temps: readonly Step[];
  readonly results: readonly Step[];
}

function isLeaf(e: Expr): boolean {
  return e.kind === 'num' || e.kind === 'var';
}

/** u² as u·u and u³ as u·u·u: several times faster than Math.pow (u·u is the correctly rounded square). */
function power(base: Step, n: 2 | 3): Step {
  const square: Step = { kind: 'bin', op: '*', a: base, b: base };
  return n === 2 ? square : { kind: 'bin', op: '*', a: square, b: base };
}

export function toProgram(roots: readonly Expr[]): Program {
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
  // Uses are counted per occurrence; a repeated subtree's insides are counted once per repeat, which at
  // worst gives an inner part its own temporary too.
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

  const temps: Step[] = [];
  const tempOfId = new Map<number, Step>();
  /** A step that is cheap to read twice: a leaf or temporary as is, anything else stored in a new temporary. */
  const stored = (s: Step): Step => {
    if (s.kind === 'num' || s.kind === 'var' || s.kind === 'temp') return s;
    temps.push(s);
    return { kind: 'temp', index: temps.length - 1 };
  };
  const emit = (e: Expr): Step => {
    if (e.kind === 'num' || e.kind === 'var') return e;
    const id = intern(e);
    const existing = tempOfId.get(id);
    if (existing) return existing;
    let step: Step;
    if (e.kind === 'neg') step = { kind: 'neg', arg: emit(e.arg) };
    else if (e.kind === 'bin' && e.op === '^' && e.b.kind === 'num' && (e.b.value === 2 || e.b.value === 3)) {
      step = power(stored(emit(e.a)), e.b.value);
    } else if (e.kind === 'bin') step = { kind: 'bin', op: e.op, a: emit(e.a), b: emit(e.b) };
    else step = { kind: 'call', name: e.name, args: e.args.map(emit) };
    if (uses[id] < 2) return step;
    const read: Step = { kind: 'temp', index: temps.length };
    temps.push(step);
    tempOfId.set(id, read);
    return read;
  };
  const results = roots.map(emit);
  return { temps, results };
}

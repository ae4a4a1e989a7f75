/**
 * The real functions the pipeline understands, each with its arity, its JavaScript source template for
 * code generation and the same computation as a plain function for closure compilation. Keeping both
 * in one row is what makes codegen and closure mode give bit-identical results.
 *
 * Every row may be typed. sec, csc, cot, sech, csch and coth are here in the first place because mathjs's
 * derivatives produce them (d tan = sec², d tanh = sech², ...).
 * log takes 1 argument (natural log) or 2 (log(v, base) = ln v / ln base, as in mathjs).
 * Left out on purpose: cbrt and nthRoot, because mathjs simplifies their derivatives into fractional
 * powers of possibly negative bases, which are NaN over the reals while cbrt itself is not.
 */
export interface RealFunction {
  readonly arity: readonly number[];
  /** JavaScript source for the call, given the already-generated argument sources. */
  readonly js: (args: readonly string[]) => string;
  readonly eval1?: (a: number) => number;
  readonly eval2?: (a: number, b: number) => number;
}

const unary = (name: string, fn: (a: number) => number): RealFunction => ({
  arity: [1],
  js: ([a]) => `Math.${name}(${a})`,
  eval1: fn,
});

const reciprocal = (name: string, fn: (a: number) => number): RealFunction => ({
  arity: [1],
  js: ([a]) => `(1/Math.${name}(${a}))`,
  eval1: (a) => 1 / fn(a),
});

export const FUNCTIONS: Readonly<Record<string, RealFunction>> = {
  sin: unary('sin', Math.sin),
  cos: unary('cos', Math.cos),
  tan: unary('tan', Math.tan),
  sec: reciprocal('cos', Math.cos),
  csc: reciprocal('sin', Math.sin),
  cot: reciprocal('tan', Math.tan),
  asin: unary('asin', Math.asin),
  acos: unary('acos', Math.acos),
  atan: unary('atan', Math.atan),
  sinh: unary('sinh', Math.sinh),
  cosh: unary('cosh', Math.cosh),
  tanh: unary('tanh', Math.tanh),
  sech: reciprocal('cosh', Math.cosh),
  csch: reciprocal('sinh', Math.sinh),
  coth: reciprocal('tanh', Math.tanh),
  asinh: unary('asinh', Math.asinh),
  acosh: unary('acosh', Math.acosh),
  atanh: unary('atanh', Math.atanh),
  exp: unary('exp', Math.exp),
  log: {
    arity: [1, 2],
    js: (args) => (args.length === 1 ? `Math.log(${args[0]})` : `(Math.log(${args[0]})/Math.log(${args[1]}))`),
    eval1: Math.log,
    eval2: (a, b) => Math.log(a) / Math.log(b),
  },
  log10: unary('log10', Math.log10),
  sqrt: unary('sqrt', Math.sqrt),
  abs: unary('abs', Math.abs),
};

/** Names a user may type, in the order the error messages list them. */
export const FUNCTION_NAMES: readonly string[] = Object.keys(FUNCTIONS);

export function isFunctionName(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(FUNCTIONS, name);
}

/** The constants a user may type, besides the variables x and y. */
export const CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E };

export function isVariableName(name: string): name is 'x' | 'y' {
  return name === 'x' || name === 'y';
}

export function isConstantName(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(CONSTANTS, name);
}

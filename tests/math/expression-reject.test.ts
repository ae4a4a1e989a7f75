import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileExpression, type ExpressionError } from '../../src/math/expression/index.ts';

function rejection(text: string): ExpressionError {
  const r = compileExpression(text);
  if (r.ok) throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
  return r.error;
}

const FUNCTIONS =
  'sin, cos, tan, sec, csc, cot, asin, acos, atan, sinh, cosh, tanh, sech, csch, coth, asinh, acosh, atanh, exp, log, log10, sqrt, abs';

// [input, message, token, index]: index is 0-based into the typed text, messages count from 1.
const HOSTILE: [string, string, string, number][] = [
  ['constructor', 'Unknown symbol "constructor" at position 1: only x, y, pi and e are allowed', 'constructor', 0],
  ['__proto__', 'Unknown symbol "__proto__" at position 1: only x, y, pi and e are allowed', '__proto__', 0],
  ['x + constructor', 'Unknown symbol "constructor" at position 5: only x, y, pi and e are allowed', 'constructor', 4],
  ['import("x")', `Unknown function "import" at position 1: allowed functions are ${FUNCTIONS}`, 'import', 0],
  ['x.y', '"." at position 2: property access is not allowed', '.', 1],
  ['f(x)=x', '"=" at position 5: assignment and definitions are not allowed; type only the right-hand side, e.g. x^2 + y^2', '=', 4],
  ['x=1', '"=" at position 2: assignment and definitions are not allowed; type only the right-hand side, e.g. x^2 + y^2', '=', 1],
  ['"a"', `'"' at position 1: strings are not allowed`, '"', 0],
  ["'a'", `"'" at position 1: strings and transposes are not allowed`, "'", 0],
  ['[1,2]', '"[" at position 1: matrices and indexing are not allowed', '[', 0],
  ['5 cm', 'Unknown symbol "cm" at position 3: only x, y, pi and e are allowed', 'cm', 2],
  ['x +* y', 'Syntax error at position 4 ("*"): value expected', '*', 3],
  ['z', 'Unknown symbol "z" at position 1: only x, y, pi and e are allowed', 'z', 0],
  ['x!', '"!" at position 2: factorial and negation are not allowed', '!', 1],
  ['1:3', '":" at position 2: ranges are not allowed', ':', 1],
  ['x > 1 ? x : y', '">" at position 3: comparisons are not allowed', '>', 2],
  ['x; y', '";" at position 2: only one expression is allowed', ';', 1],
  ['x\ny', '"\\n" at position 2: only one expression is allowed (no line breaks)', '\n', 1],
  ['x % y', '"%" at position 3: only + - * / ^ are allowed as operators', '%', 2],
  ['{a: 1}', '"{" at position 1: objects are not allowed', '{', 0],
  ['x # y', '"#" at position 3: comments are not allowed', '#', 2],
  ['x € y', 'Unexpected character "€" at position 3', '€', 2],
  ['x + 😀', 'Unexpected character "😀" at position 5', '😀', 4],
  ['x\u00a0+ y', 'Unexpected character U+00A0 at position 2', '\u00a0', 1],
  ['x mod y', 'Unknown symbol "mod" at position 3: only x, y, pi and e are allowed', 'mod', 2],
  ['Infinity', 'Unknown symbol "Infinity" at position 1: only x, y, pi and e are allowed', 'Infinity', 0],
  ['0x10', 'Unknown symbol "x10" at position 2: only x, y, pi and e are allowed', 'x10', 1],
  ['x(2)', '"x" at position 1 is not a function; write x*(…) to multiply', 'x', 0],
  ['sin x', 'Function "sin" at position 1 needs parentheses, e.g. sin(x)', 'sin', 0],
  ['sin(x, y)', 'Function "sin" at position 1 takes 1 argument, got 2', 'sin', 0],
  ['2 + log()', 'Function "log" at position 5 takes 1 or 2 arguments, got 0', 'log', 4],
  ['(1, 2)', '"," at position 3: commas only separate function arguments, as in log(x, 2)', ',', 2],
  ['x +', 'Syntax error at the end of the expression: unexpected end of expression', '', 3],
  ['sin(x', 'Syntax error at the end of the expression: parenthesis ) expected', '', 5],
  ['(x))', 'Syntax error at position 4 (")"): unexpected operator )', ')', 3],
  ['1.2.3', 'Syntax error at position 4 (".3"): unexpected part ".3"', '.3', 3],
  ['x ** 2', 'Syntax error at position 4 ("*"): value expected', '*', 3],
  ['', 'Enter an expression in x and y, for example x^2 + y^2', '', 0],
  ['   ', 'Enter an expression in x and y, for example x^2 + y^2', '', 0],
];

describe('compileExpression rejects what is outside the language', () => {
  it.each(HOSTILE)('%j', (text, message, token, index) => {
    expect(rejection(text)).toEqual({ message, token, index });
  });

  it('rejects more than 500 characters, pointing at the 501st', () => {
    const text = 'x+'.repeat(250) + 'y'; // 501 characters, otherwise valid
    expect(rejection(text)).toEqual({
      message: 'Expression is 501 characters long; the limit is 500',
      token: 'y',
      index: 500,
    });
    expect(compileExpression(text.slice(1)).ok).toBe(true); // "+x+…+y", 500 characters
  });
});

describe('nothing the user types is executed', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('never reaches the Function constructor for rejected input', () => {
    const made: string[] = [];
    vi.stubGlobal('Function', function spy(...args: string[]) {
      made.push(args.join());
      return () => () => 0;
    });
    for (const [text] of HOSTILE) compileExpression(text);
    compileExpression('(globalThis.pwned = 1) + x');
    expect(made).toEqual([]);
  });

  it('resolves x, y, pi and e to the parameters and constants, never to same-named globals', () => {
    const touched: string[] = [];
    for (const name of ['x', 'y', 'pi', 'e']) {
      vi.stubGlobal(name, undefined);
      Object.defineProperty(globalThis, name, {
        configurable: true,
        get() {
          touched.push(name);
          return 1000;
        },
      });
    }
    for (const mode of ['codegen', 'closure'] as const) {
      const r = compileExpression('e*x + pi*y + exp(e) - log(pi)', { mode });
      if (!r.ok) throw new Error(r.error.message);
      const out = new Float64Array(2);
      expect(r.value.grad(2, 3, out)).toBe(Math.E * 2 + Math.PI * 3 + Math.exp(Math.E) - Math.log(Math.PI));
      expect(Array.from(out)).toEqual([Math.E, Math.PI]);
    }
    for (const name of ['x', 'y', 'pi', 'e']) delete (globalThis as Record<string, unknown>)[name];
    expect(touched).toEqual([]);
  });
});

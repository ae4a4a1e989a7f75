/**
 * Lexical validation of a typed f(x, y), before mathjs sees it. It walks the raw text once, left to
 * right, and reports the first token outside the allowed language with its position, so every message
 * can name the token and where it is:
 *   numbers (decimal, optional fraction and exponent), x, y, pi, e, + - * / ^, parentheses, and calls of
 *   the functions in functions.ts with the right number of comma-separated arguments.
 * Whitespace is spaces and tabs only (a line break would make mathjs read several statements).
 * Implicit multiplication that mathjs understands (2x, 2 pi, x y, (x+1)(y-1)) is allowed; a name followed
 * by "(" is always a call in mathjs, so x(2) is rejected with a hint to write x*(2).
 * The AST whitelist in ir.ts is the security boundary; this pass exists for precise, friendly messages.
 */
import { CONSTANTS, FUNCTIONS, FUNCTION_NAMES, isConstantName, isFunctionName, isVariableName } from './functions.ts';
import type { ExpressionError } from './types.ts';

export const MAX_LENGTH = 500;

const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[\p{L}_$][\p{L}\p{N}_$]*/u;
const SPACE = /^[ \t]+/;
const OPERATORS = '+-*/^';

/** Characters with a specific reason for rejection; anything else unknown is "Unexpected character". */
const FORBIDDEN: Readonly<Record<string, string>> = {
  '=': 'assignment and definitions are not allowed; type only the right-hand side, e.g. x^2 + y^2',
  '.': 'property access is not allowed',
  '"': 'strings are not allowed',
  "'": 'strings and transposes are not allowed',
  '`': 'strings are not allowed',
  '[': 'matrices and indexing are not allowed',
  ']': 'matrices and indexing are not allowed',
  '{': 'objects are not allowed',
  '}': 'objects are not allowed',
  '!': 'factorial and negation are not allowed',
  ':': 'ranges are not allowed',
  '?': 'conditionals are not allowed',
  '<': 'comparisons are not allowed',
  '>': 'comparisons are not allowed',
  ';': 'only one expression is allowed',
  '\n': 'only one expression is allowed (no line breaks)',
  '\r': 'only one expression is allowed (no line breaks)',
  '%': 'only + - * / ^ are allowed as operators',
  '&': 'only + - * / ^ are allowed as operators',
  '|': 'only + - * / ^ are allowed as operators; write abs(x) for |x|',
  '~': 'only + - * / ^ are allowed as operators',
  '#': 'comments are not allowed',
  '@': 'only + - * / ^ are allowed as operators',
};

export function positionWords(index: number): string {
  return `at position ${index + 1}`;
}

function fail(message: string, token: string, index: number): ExpressionError {
  return { message, token, index };
}

/** The character quoted for a message: "x", '"' for a double quote, escapes for line breaks, U+XXXX for invisible ones. */
function quoted(ch: string): string {
  if (ch === '"') return `'"'`;
  if (ch === '\n') return '"\\n"';
  if (ch === '\r') return '"\\r"';
  if (/^[\p{Z}\p{C}]$/u.test(ch)) return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return `"${ch}"`;
}

interface OpenParen {
  /** Function name for a call, null for grouping parentheses. */
  readonly call: string | null;
  readonly nameIndex: number;
  commas: number;
  empty: boolean;
}

/** Returns the first lexical error, or null when the text uses only the allowed language. */
export function validateText(text: string): ExpressionError | null {
  if (text.length > MAX_LENGTH) {
    return fail(
      `Expression is ${text.length} characters long; the limit is ${MAX_LENGTH}`,
      text.charAt(MAX_LENGTH),
      MAX_LENGTH,
    );
  }
  if (text.trim() === '') {
    return fail('Enter an expression in x and y, for example x^2 + y^2', '', 0);
  }
  // An "=" anywhere means a definition or assignment; saying so beats complaining about "f" in f(x)=x.
  const eq = text.indexOf('=');
  if (eq >= 0) return fail(`"=" ${positionWords(eq)}: ${FORBIDDEN['=']}`, '=', eq);

  const stack: OpenParen[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const space = SPACE.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    if (stack.length > 0 && text[i] !== ')') stack[stack.length - 1].empty = false;
    const number = NUMBER.exec(rest);
    if (number) {
      i += number[0].length;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      const word = name[0];
      const after = i + word.length;
      const calls = /^[ \t]*\(/.test(text.slice(after));
      if (calls) {
        if (!isFunctionName(word)) {
          if (isVariableName(word) || isConstantName(word)) {
            return fail(
              `"${word}" ${positionWords(i)} is not a function; write ${word}*(…) to multiply`,
              word,
              i,
            );
          }
          return fail(
            `Unknown function "${word}" ${positionWords(i)}: allowed functions are ${FUNCTION_NAMES.join(', ')}`,
            word,
            i,
          );
        }
        const open = text.indexOf('(', after);
        stack.push({ call: word, nameIndex: i, commas: 0, empty: true });
        i = open + 1;
        continue;
      }
      if (isFunctionName(word)) {
        return fail(`Function "${word}" ${positionWords(i)} needs parentheses, e.g. ${word}(x)`, word, i);
      }
      if (!isVariableName(word) && !isConstantName(word)) {
        return fail(
          `Unknown symbol "${word}" ${positionWords(i)}: only x, y, ${Object.keys(CONSTANTS).join(' and ')} are allowed`,
          word,
          i,
        );
      }
      i = after;
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    if (OPERATORS.includes(ch)) {
      i++;
      continue;
    }
    if (ch === '(') {
      stack.push({ call: null, nameIndex: i, commas: 0, empty: true });
      i++;
      continue;
    }
    if (ch === ')') {
      const top = stack.pop();
      if (top?.call) {
        const args = top.empty ? 0 : top.commas + 1;
        const arity = FUNCTIONS[top.call].arity;
        if (!arity.includes(args)) {
          const wanted = arity.join(' or ');
          return fail(
            `Function "${top.call}" ${positionWords(top.nameIndex)} takes ${wanted} argument${wanted === '1' ? '' : 's'}, got ${args}`,
            top.call,
            top.nameIndex,
          );
        }
      }
      // An unmatched ")" is left to mathjs, whose syntax error names it.
      i++;
      continue;
    }
    if (ch === ',') {
      const top = stack[stack.length - 1];
      if (!top?.call) {
        return fail(`"," ${positionWords(i)}: commas only separate function arguments, as in log(x, 2)`, ',', i);
      }
      top.commas++;
      i++;
      continue;
    }
    const reason = FORBIDDEN[ch];
    if (reason) return fail(`${quoted(ch)} ${positionWords(i)}: ${reason}`, ch, i);
    return fail(`Unexpected character ${quoted(ch)} ${positionWords(i)}`, ch, i);
  }
  return null;
}

/**
 * Text → mathjs syntax tree. The text is first checked by validateText (allowed language only), then
 * parsed by mathjs; a mathjs SyntaxError ("Value expected (char 4)") becomes an ExpressionError whose
 * index is mathjs's 1-based char minus one, naming the token found there.
 */
import type { MathNode } from 'mathjs';
import { math } from './math.ts';
import type { ExpressionError } from './types.ts';
import { positionWords, validateText } from './validate.ts';

export type ParseResult = { ok: true; node: MathNode } | { ok: false; error: ExpressionError };

const TOKEN_AT = /^(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+|[\p{L}_$][\p{L}\p{N}_$]*|[^ \t])/u;

/** The token starting at index (a number, a name or one character), or '' at the end of the text. */
function tokenAt(text: string, index: number): string {
  return TOKEN_AT.exec(text.slice(index))?.[0] ?? '';
}

function syntaxError(text: string, err: unknown): ExpressionError {
  const raw = err instanceof Error ? err.message : String(err);
  const reason = raw.replace(/\s*\(char \d+\)\s*$/, '');
  const char = (err as { char?: unknown }).char;
  let index = typeof char === 'number' ? char - 1 : text.length;
  index = Math.min(Math.max(index, 0), text.length);
  // mathjs points at the start of the token it stumbled on; skip blanks so the token is never empty mid-text.
  while (index < text.length && (text[index] === ' ' || text[index] === '\t')) index++;
  const token = tokenAt(text, index);
  const where = token === '' ? 'at the end of the expression' : `${positionWords(index)} ("${token}")`;
  const said = reason.charAt(0).toLowerCase() + reason.slice(1);
  return { message: `Syntax error ${where}: ${said}`, token, index };
}

export function parseExpression(text: string): ParseResult {
  const invalid = validateText(text);
  if (invalid) return { ok: false, error: invalid };
  try {
    return { ok: true, node: math.parse(text) };
  } catch (err) {
    return { ok: false, error: syntaxError(text, err) };
  }
}

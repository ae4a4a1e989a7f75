/**
 * A number as a JavaScript expression, produced from the parsed value (never from the typed digits):
 * String(v) round-trips every finite double exactly and only ever contains digits, ".", "e", "+", "-".
 * Non-finite values and -0 get an arithmetic spelling; every result is parenthesised when negative so it
 * can be pasted next to any operator.
 */
const LITERAL = /^\d+(?:\.\d+)?(?:e[+-]\d+)?$/;

export function formatNumber(v: number): string {
  if (Number.isNaN(v)) return '(0/0)';
  if (v === Infinity) return '(1/0)';
  if (v === -Infinity) return '(-1/0)';
  if (Object.is(v, -0)) return '(-0)';
  const digits = String(Math.abs(v));
  if (!LITERAL.test(digits)) throw new Error(`formatNumber: unexpected number spelling ${digits}`);
  return v < 0 ? `(-${digits})` : digits;
}

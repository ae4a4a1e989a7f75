/**
 * The label of a round tick value (axes, colour bars): plain decimals from 0.001 up to 99 999 with
 * floating-point noise removed (0.30000000000000004 → 0.3), a short exponent outside that (1e-5, 2e6),
 * and a true minus sign (U+2212) as typeset figures use.
 */
export function tickLabel(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  const s = a >= 1e-3 && a < 1e5 ? String(Number(v.toPrecision(12))) : Number(v.toPrecision(6)).toExponential().replace('e+', 'e');
  return s.replace(/^-/, '−');
}

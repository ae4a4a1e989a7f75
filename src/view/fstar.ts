/**
 * f*, the minimum value a view's target gap f − f* is measured from (issue 9, "a target that means
 * something on any surface"):
 *   - a registry surface: its known minimum value (SurfaceDef.minValue). A surface without one (unbounded
 *     below, or unknown) takes 0 as a reference, not a minimum: its targets are then plain values of f;
 *   - a typed f(x, y): estimated, the lowest value over its estimation domain (estimationDomain: the
 *     plotted domain, grown to contain the start with a 25 % margin) by src/math/minimum.ts, with the
 *     exact gradient and Hessian.
 * The view keeps f* as a field (fields.ts), so a link reproduces a race without estimating again; the app
 * estimates when a function is applied, when x/y ranges are committed and on "Re-estimate", never on a
 * zoom or pan. Estimates are memoised by expression and domain: writing a link computes the field's
 * default, and that must not sample a grid at every drag frame.
 */
import { compileExpression, type CompiledExpression } from '../math/expression/index.ts';
import { estimateMinimum } from '../math/minimum.ts';
import type { SurfaceDef } from '../../surfaces/types.ts';
import type { ViewDomain } from './state.ts';

/** The typed-function default domain, before growing to contain the start. */
export const EXPRESSION_DOMAIN: ViewDomain = { x: [-5, 5], y: [-5, 5] };
/** How far past the start a grown side reaches, as a share of the grown range. */
const MARGIN = 0.25;

/** The f* of a registry surface: its minimum value, else 0 as a reference. */
export function knownFStar(def: SurfaceDef): number {
  return def.minValue ?? 0;
}

/** [lo, hi] grown, where it does not contain s, to reach past s by MARGIN of the range from the far end. */
function grownRange([lo, hi]: readonly [number, number], s: number): [number, number] {
  if (s < lo) return [s - MARGIN * (hi - s), hi];
  if (s > hi) return [lo, s + MARGIN * (s - lo)];
  return [lo, hi];
}

/** The box f* is estimated over: the domain itself when it contains the start, else grown to contain it. */
export function estimationDomain(domain: ViewDomain, start: readonly [number, number]): ViewDomain {
  return { x: grownRange(domain.x, start[0]), y: grownRange(domain.y, start[1]) };
}

const LIMIT = 32;
const compiledByText = new Map<string, CompiledExpression | null>();
const estimates = new Map<string, number>();

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
  return value;
}

function compiledOf(expr: string): CompiledExpression | null {
  if (compiledByText.has(expr)) return compiledByText.get(expr)!;
  const r = compileExpression(expr);
  return remember(compiledByText, expr, r.ok ? r.value : null);
}

/**
 * The estimated f* of a typed function over a box (estimationDomain). 0 where there is nothing to
 * estimate from (the expression does not compile, or f has no finite value on the box).
 */
export function estimateFStar(expr: string, box: ViewDomain): number {
  const key = `${expr}\n${box.x.join(',')},${box.y.join(',')}`;
  const known = estimates.get(key);
  if (known !== undefined) return known;
  const c = compiledOf(expr);
  const found = c ? estimateMinimum({ f: c.f, grad: c.grad, hessian: c.hessian() }, box) : null;
  // + 0 turns −0 into 0: a link writes −0 as "0", and must read back what the view holds.
  return remember(estimates, key, found ? found.value + 0 : 0);
}

/** Where a view's f* came from, as its label says. */
export type FStarOrigin = 'known' | 'reference' | 'estimated' | 'set';

/** A registry surface's f* origin: its known minimum, the reference 0, or a value someone set. */
export function surfaceFStarOrigin(def: SurfaceDef, value: number): FStarOrigin {
  if (!Object.is(value, knownFStar(def))) return 'set';
  return def.minValue === null ? 'reference' : 'known';
}

/** Four significant digits, kept (−1.000: an estimate's precision shows), with a true minus sign. */
function digits(v: number): string {
  const a = Math.abs(v);
  const s = v === 0 ? '0' : a >= 1e-3 && a < 1e5 ? v.toPrecision(4) : v.toExponential(3).replace('e+', 'e');
  return s.replace(/^-/, '−');
}

/** "f* ≈ −1.000 (estimated)", "f* = 0 (known)", "f* = 0 (reference: no known minimum)", "f* = −0.5 (set)". */
export function fStarText(value: number, origin: FStarOrigin): string {
  switch (origin) {
    case 'estimated':
      return `f* ≈ ${digits(value)} (estimated)`;
    case 'known': {
      const shown = digits(value).replace(/(\.\d*?)0+(?=$|e)/, '$1').replace(/\.(?=$|e)/, '');
      return `f* ${Number(shown.replace('−', '-')) === value ? '=' : '≈'} ${shown} (known)`;
    }
    case 'reference':
      return 'f* = 0 (reference: no known minimum)';
    case 'set':
      return `f* = ${String(value).replace(/^-/, '−')} (set)`;
  }
}

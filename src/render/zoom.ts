/**
 * Zoom and pan as plain domain arithmetic, the maths under the app's zoom gestures and buttons (the
 * gestures themselves live in src/ui/surfaces/zoom-gesture.ts).
 *
 * - zoomAbout(d, f, p): the domain after zooming by f (> 1 in, < 1 out) about the data point p, which
 *   stays where it is on screen.
 * - transformedDomain(base, box, t): the domain a plot of `base` in `box` shows after the pixel transform
 *   t (d3-zoom's p ↦ k·p + (x, y), in the box's px): a zoom and a pan at once.
 * - transformBetween(from, to, box): the pixel map taking the plot of `from` to the plot of `to` (kx, ky,
 *   x, y: p ↦ (kx·px + x, ky·py + y)), so drawn layers can be moved to preview `to` before redrawing.
 * - clampDomain(d): the limits. Both spans scaled by one factor about the centre (the shape is kept) so
 *   neither exceeds the field table's coordinate range nor falls below MIN_SPAN, then shifted inside
 *   that range. Returns `d` itself when nothing changes.
 * - roundDomain(d): each end rounded to a thousandth of its span's decade (the start drag's rule,
 *   roundToSpan), so a committed domain keeps links short.
 * - homeDomain(view): the surface's default domain (the field table's), where "Reset view" goes.
 */
import type { Domain } from '../math/grid.ts';
import { FIELD } from '../view/fields.ts';
import type { ViewState } from '../view/state.ts';
import type { ViewVocabulary } from '../view/vocabulary.ts';
import { projection, type PlotBox } from './projection.ts';

/** The coordinate limits of a domain: the domain field's range in the field table (±1e6). */
export const COORD_LIMIT = FIELD.domain.range;
/** The smallest span a zoom goes to: far above double rounding at the largest coordinates. */
export const MIN_SPAN = 1e-6;
/** One press of + / −: zoom by 2 (ends stay round: ±10 → ±5 → ±2.5); a wheel notch zooms by √2. */
export const ZOOM_STEP = 2;

export interface Transform {
  readonly k: number;
  readonly x: number;
  readonly y: number;
}

/** Per axis: a pixel map p ↦ k·p + offset. */
export interface AxisMaps {
  readonly kx: number;
  readonly ky: number;
  readonly x: number;
  readonly y: number;
}

const spanOf = (r: readonly [number, number]): number => r[1] - r[0];

function scaledAbout(r: readonly [number, number], f: number, at: number): [number, number] {
  return [at + (r[0] - at) / f, at + (r[1] - at) / f];
}

export function zoomAbout(d: Domain, f: number, at: readonly [number, number]): Domain {
  return { x: scaledAbout(d.x, f, at[0]), y: scaledAbout(d.y, f, at[1]) };
}

export function transformedDomain(base: Domain, box: PlotBox, t: Transform): Domain {
  const p = projection(base, box);
  const ix = (px: number) => p.invertX((px - t.x) / t.k);
  const iy = (py: number) => p.invertY((py - t.y) / t.k);
  return { x: [ix(box.left), ix(box.left + box.width)], y: [iy(box.top + box.height), iy(box.top)] };
}

export function transformBetween(from: Domain, to: Domain, box: PlotBox): AxisMaps {
  const a = projection(from, box);
  const kx = spanOf(from.x) / spanOf(to.x);
  const ky = spanOf(from.y) / spanOf(to.y);
  // `to`'s lower-left corner lands on the box's lower-left corner.
  return { kx, ky, x: box.left - kx * a.x(to.x[0]), y: box.top + box.height - ky * a.y(to.y[0]) };
}

function placed(r: readonly [number, number], f: number): [number, number] {
  const half = (spanOf(r) * f) / 2;
  const centre = (r[0] + r[1]) / 2;
  const lo = Math.min(Math.max(centre - half, COORD_LIMIT.min), COORD_LIMIT.max - 2 * half);
  return [lo, lo + 2 * half];
}

export function clampDomain(d: Domain): Domain {
  const sx = spanOf(d.x);
  const sy = spanOf(d.y);
  const maxSpan = COORD_LIMIT.max - COORD_LIMIT.min;
  const wide = Math.max(sx, sy);
  const narrow = Math.min(sx, sy);
  // Too wide wins over too narrow: a domain that cannot satisfy both keeps its shape inside the limits.
  const f = wide > maxSpan ? maxSpan / wide : narrow < MIN_SPAN ? Math.min(MIN_SPAN / narrow, maxSpan / wide) : 1;
  const inside = (r: readonly [number, number]) => r[0] >= COORD_LIMIT.min && r[1] <= COORD_LIMIT.max;
  if (f === 1 && inside(d.x) && inside(d.y)) return d;
  return { x: placed(d.x, f), y: placed(d.y, f) };
}

/** v rounded to a thousandth of span's decade (0.01 for spans of 10 to 100), without float noise. */
export function roundToSpan(v: number, span: number): number {
  const step = 10 ** (Math.floor(Math.log10(span)) - 3);
  return Number((Math.round(v / step) * step).toPrecision(12));
}

export function roundDomain(d: Domain): Domain {
  const sx = spanOf(d.x);
  const sy = spanOf(d.y);
  return { x: [roundToSpan(d.x[0], sx), roundToSpan(d.x[1], sx)], y: [roundToSpan(d.y[0], sy), roundToSpan(d.y[1], sy)] };
}

export function homeDomain(view: ViewState, vocab: ViewVocabulary): Domain {
  const def = view.surface === null ? null : (vocab.surfaces.find((s) => s.id === view.surface) ?? null);
  return FIELD.domain.default({ vocab, def, expr: view.expr }, view);
}

export const sameDomain = (a: Domain, b: Domain): boolean => a.x[0] === b.x[0] && a.x[1] === b.x[1] && a.y[0] === b.y[0] && a.y[1] === b.y[1];

/**
 * d3-zoom's wheelDelta for Ctrl/⌘ + wheel: the zoom exponent (base 2) of one wheel event, linear in the
 * delta so that events the browser coalesces (their deltas summed) zoom exactly as far as the events
 * would one by one. A mouse-wheel notch (100 px in Chromium, 3 lines in Firefox) zooms by √2; a trackpad
 * pinch, which arrives as Ctrl + wheel events of a few pixels, zooms by a per cent or two per event.
 */
export function wheelZoomExponent(deltaY: number, deltaMode: number): number {
  const perUnit = deltaMode === 1 ? 1 / 6 : deltaMode === 2 ? 1 : 1 / 200;
  return -deltaY * perUnit;
}

/**
 * SVG path data from plain geometry, for the Svelte layers and the SVG string alike. Coordinates are
 * rounded to 0.1 px; after the first vertex a polyline or ring is written as relative moves computed in
 * whole tenths, so rounding never accumulates and files stay small ("M10,5l3,0 0.1,5-6.9,-9Z": a space
 * separates pairs only where the next number does not start with a minus sign).
 */
import type { Outline } from './markers.ts';

const tenths = (v: number): number => Math.round(v * 10);
const r1 = (v: number): number => tenths(v) / 10;

/** "Mx,y l dx,dy …" through the given vertices (indices into xs/ys; all of them when absent). */
export function polylineD(xs: ArrayLike<number>, ys: ArrayLike<number>, indices?: readonly number[]): string {
  const at = indices ?? Array.from({ length: Math.min(xs.length, ys.length) }, (_, i) => i);
  if (at.length === 0) return '';
  let d = `M${r1(xs[at[0]])},${r1(ys[at[0]])}`;
  for (let j = 1; j < at.length; j++) {
    const dx = (tenths(xs[at[j]]) - tenths(xs[at[j - 1]])) / 10;
    const dy = (tenths(ys[at[j]]) - tenths(ys[at[j - 1]])) / 10;
    d += `${j === 1 ? 'l' : dx < 0 ? '' : ' '}${dx},${dy}`;
  }
  return d;
}

/** A closed ring of [x, y] vertices. */
export function ringD(points: readonly (readonly [number, number])[]): string {
  return `${polylineD(points.map((p) => p[0]), points.map((p) => p[1]))}Z`;
}

/** A marker outline (markers.ts) centred on (cx, cy). */
export function outlineD(outline: Outline, cx: number, cy: number): string {
  let d = '';
  for (const part of outline) {
    if (part.kind === 'circle') {
      const r = r1(part.r);
      d += `M${r1(cx - r)},${r1(cy)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
    } else {
      const pts = part.points.map(([u, v]) => [cx + u, cy + v] as const);
      d += part.kind === 'polygon' ? ringD(pts) : polylineD(pts.map((p) => p[0]), pts.map((p) => p[1]));
    }
  }
  return d;
}

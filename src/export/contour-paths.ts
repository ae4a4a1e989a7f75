/**
 * Filled contour bands as light SVG path data in figure pixels. d3-contour (marching squares) traces each
 * threshold over the sampled grid (src/math/grid.ts layout); grid point (gx, gy) maps to the plot with
 * sample (i, j) at (i + 0.5, j + 0.5), as d3-contour places it, and y pointing up. Vertices are rounded to
 * 0.1 px (written as relative moves to keep files small) and a vertex is dropped while every vertex since the last kept one lies within `tolerance` px of the
 * chord from that kept vertex onward (one greedy pass), which removes the long straight runs marching
 * squares emits while moving no vertex by more than the tolerance. NaN samples count as +∞ (inside every
 * band), as in the app.
 */
import { contours } from 'd3-contour';
import type { Grid } from '../math/grid.ts';

export interface PlotBox {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export interface BandPath {
  readonly level: number;
  readonly d: string;
}

const r1 = (v: number): number => Math.round(v * 10) / 10;

function distanceToChord(b: readonly number[], a: readonly number[], c: readonly number[]): number {
  const dx = c[0] - a[0];
  const dy = c[1] - a[1];
  const len = Math.hypot(dx, dy);
  return len === 0 ? Math.hypot(b[0] - a[0], b[1] - a[1]) : Math.abs(dx * (b[1] - a[1]) - dy * (b[0] - a[0])) / len;
}

function ringPath(ring: number[][], toX: (g: number) => number, toY: (g: number) => number, tolerance: number): string {
  const pts: [number, number][] = [];
  for (const [gx, gy] of ring) {
    const p: [number, number] = [r1(toX(gx)), r1(toY(gy))];
    const last = pts[pts.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) pts.push(p);
  }
  if (pts.length > 1 && pts[0][0] === pts[pts.length - 1][0] && pts[0][1] === pts[pts.length - 1][1]) pts.pop();
  if (pts.length < 3) return '';
  // Keep pts[i] unless every point from the last kept one through pts[i] lies within tolerance of the
  // chord from the last kept point to pts[i + 1].
  const kept: [number, number][] = [pts[0]];
  let from = 0;
  for (let i = 1; i < pts.length; i++) {
    const a = pts[from];
    const c = pts[(i + 1) % pts.length];
    let ok = true;
    for (let m = from + 1; ok && m <= i; m++) ok = distanceToChord(pts[m], a, c) <= tolerance;
    if (!ok) {
      kept.push(pts[i]);
      from = i;
    }
  }
  if (kept.length < 3) return '';
  // Relative moves after the first vertex, computed in whole tenths so rounding never accumulates.
  let d = `M${kept[0][0]},${kept[0][1]}l`;
  for (let i = 1; i < kept.length; i++) {
    const dx = Math.round(kept[i][0] * 10) - Math.round(kept[i - 1][0] * 10);
    const dy = Math.round(kept[i][1] * 10) - Math.round(kept[i - 1][1] * 10);
    d += `${i === 1 || dx < 0 ? '' : ' '}${dx / 10},${dy / 10}`;
  }
  return `${d}Z`;
}

export function contourBandPaths(grid: Grid, levels: readonly number[], box: PlotBox, tolerance = 0.25): BandPath[] {
  const values = Array.from(grid.values, (v) => (Number.isNaN(v) ? Infinity : v));
  const gen = contours().size([grid.nx, grid.ny]).thresholds(levels as number[]);
  const sx = box.width / (grid.nx - 1);
  const sy = box.height / (grid.ny - 1);
  const toX = (g: number): number => box.left + (g - 0.5) * sx;
  const toY = (g: number): number => box.top + box.height - (g - 0.5) * sy;
  return gen(values).map((mp) => {
    let d = '';
    for (const poly of mp.coordinates) for (const ring of poly) d += ringPath(ring, toX, toY, tolerance);
    return { level: mp.value, d };
  });
}

/**
 * Filled contour bands of a sampled grid (d3-contour, marching squares), one per level: band i covers
 * f ≥ levels[i] and is painted with colour rank i + 1 (colour-scale.ts); the plot's background is rank 0.
 *
 * Non-finite samples, one rule for every renderer: NaN and +∞ count as above every level (inside every
 * band: the highest colour), −∞ as below every level (outside every band: the background, the lowest
 * colour). ±∞ keep their order, and a sample without a value (NaN: 0/0, a log of a negative) reads as a
 * wall, never as a valley, so an undefined region cannot pass for a minimum. (sampleGrid stores every
 * non-finite sample as NaN, so on a sampled surface all three draw as walls.)
 *
 * contourBands computes the bands once per grid and levels, in grid coordinates (sample (i, j) at
 * (i + 0.5, j + 0.5), as d3-contour places it). bandPaths projects them into a plot box, sample (0, 0)
 * at its bottom-left corner and (nx − 1, ny − 1) at its top-right, as SVG path data: vertices rounded to
 * 0.1 px, and a vertex dropped while every vertex since the last kept one lies within `tolerance` px of
 * the chord from it onward (one greedy pass), which removes the long straight runs marching squares
 * emits while moving no vertex by more than the tolerance. The rings reach half a cell past the box, so
 * renderers clip bands to the box.
 */
import { contours } from 'd3-contour';
import type { Grid } from '../math/grid.ts';
import type { PlotBox } from './projection.ts';
import { ringD } from './svg-path.ts';

export interface ContourBand {
  readonly level: number;
  /** GeoJSON MultiPolygon coordinates in grid units: polygons → rings → [gx, gy] vertices. */
  readonly polygons: readonly (readonly (readonly number[])[])[][];
}

export interface BandPath {
  readonly level: number;
  /** SVG path data in the box's pixels ('' when the band is empty after simplification). */
  readonly d: string;
}

/** The value contouring sees for a sample: NaN becomes +∞, ±∞ and finite values stay. */
function contourValue(v: number): number {
  return Number.isNaN(v) ? Infinity : v;
}

export function contourBands(grid: Grid, levels: readonly number[]): ContourBand[] {
  const gen = contours().size([grid.nx, grid.ny]).thresholds(levels as number[]);
  return gen(Array.from(grid.values, contourValue)).map((mp) => ({ level: mp.value, polygons: mp.coordinates }));
}

const r1 = (v: number): number => Math.round(v * 10) / 10;

function distanceToChord(b: readonly number[], a: readonly number[], c: readonly number[]): number {
  const dx = c[0] - a[0];
  const dy = c[1] - a[1];
  const len = Math.hypot(dx, dy);
  return len === 0 ? Math.hypot(b[0] - a[0], b[1] - a[1]) : Math.abs(dx * (b[1] - a[1]) - dy * (b[0] - a[0])) / len;
}

function simplifyRing(ring: readonly (readonly number[])[], toX: (g: number) => number, toY: (g: number) => number, tolerance: number): [number, number][] {
  const pts: [number, number][] = [];
  for (const [gx, gy] of ring) {
    const p: [number, number] = [r1(toX(gx)), r1(toY(gy))];
    const last = pts[pts.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) pts.push(p);
  }
  if (pts.length > 1 && pts[0][0] === pts[pts.length - 1][0] && pts[0][1] === pts[pts.length - 1][1]) pts.pop();
  if (pts.length < 3) return [];
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
  return kept.length < 3 ? [] : kept;
}

export function bandPaths(bands: readonly ContourBand[], grid: Grid, box: PlotBox, tolerance = 0.25): BandPath[] {
  const sx = box.width / (grid.nx - 1);
  const sy = box.height / (grid.ny - 1);
  const toX = (g: number): number => box.left + (g - 0.5) * sx;
  const toY = (g: number): number => box.top + box.height - (g - 0.5) * sy;
  return bands.map((band) => {
    let d = '';
    for (const poly of band.polygons) {
      for (const ring of poly) {
        const kept = simplifyRing(ring, toX, toY, tolerance);
        if (kept.length > 0) d += ringD(kept);
      }
    }
    return { level: band.level, d };
  });
}

/**
 * Contour levels for a sampled surface, computed once per grid (never per frame).
 *
 * Linear: n levels evenly spaced strictly inside (min, max). Log: n levels at min + span·10^(−D + D·i/n),
 * i = 0…n−1, with D = 4 decades, so valleys whose floor is tiny next to the walls (Rosenbrock, Beale) still
 * show their shape; shifting by min makes this work for surfaces with negative values too.
 * `autoLevels` picks log when the samples are skewed: the median sits in the lowest 15 % of the range.
 */
import { contours } from 'd3-contour';
import type { Grid } from '../math/grid.ts';

export type LevelMode = 'log' | 'linear';
export const LOG_DECADES = 4;

export function contourLevels(min: number, max: number, mode: LevelMode, n = 18): number[] {
  const span = max - min;
  if (!(span > 0) || !Number.isFinite(span)) return [];
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    out.push(mode === 'log' ? min + span * 10 ** (-LOG_DECADES + (LOG_DECADES * i) / n) : min + (span * (i + 1)) / (n + 1));
  }
  return out;
}

export function autoLevels(grid: Grid): LevelMode {
  const finite = Array.from(grid.values).filter(Number.isFinite).sort((a, b) => a - b);
  if (finite.length === 0) return 'linear';
  const median = finite[finite.length >> 1];
  return (median - grid.min) / (grid.max - grid.min) < 0.15 ? 'log' : 'linear';
}

export interface ContourBand {
  readonly level: number;
  /** SVG path in grid coordinates: sample (i, j) sits at (i + 0.5, j + 0.5), as d3-contour places it. */
  readonly d: string;
}

/** One filled band per level (d3-contour marching squares); NaN samples count as outside every band. */
export function contourBands(grid: Grid, levels: readonly number[]): ContourBand[] {
  const values = Array.from(grid.values, (v) => (Number.isFinite(v) ? v : Infinity));
  const gen = contours().size([grid.nx, grid.ny]).thresholds(levels as number[]);
  return gen(values).map((mp) => ({ level: mp.value, d: multiPolygonPath(mp.coordinates) }));
}

function multiPolygonPath(polys: number[][][][]): string {
  let d = '';
  for (const poly of polys) {
    for (const ring of poly) {
      for (let i = 0; i < ring.length; i++) d += `${i === 0 ? 'M' : 'L'}${+ring[i][0].toFixed(2)},${+ring[i][1].toFixed(2)}`;
      d += 'Z';
    }
  }
  return d;
}

/**
 * Contour levels for a sampled surface, computed once per grid (never per frame).
 *
 * Linear: n levels evenly spaced strictly inside (min, max). Log: n levels at min + span·10^(−D + D·i/n),
 * i = 0…n−1, with D = 4 decades, so valleys whose floor is tiny next to the walls (Rosenbrock, Beale) still
 * show their shape; shifting by min makes this work for surfaces with negative values too.
 * `autoLevels` picks log when the samples are skewed: the median sits in the lowest 15 % of the range.
 * The bands between the levels are traced by contour-bands.ts.
 */
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

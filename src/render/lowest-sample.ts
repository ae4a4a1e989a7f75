/**
 * The grid point of the lowest finite sample (the last one in row-major order on a tie), or null when no
 * sample is finite: what the plots mark as "lowest sample" on a typed surface, whose minimiser is unknown.
 */
import type { Grid } from '../math/grid.ts';

export function lowestSample(grid: Grid): readonly [number, number] | null {
  let best = -1;
  for (let i = 0; i < grid.values.length; i++) if (grid.values[i] === grid.min) best = i;
  if (best < 0) return null;
  const [x0, x1] = grid.domain.x;
  const [y0, y1] = grid.domain.y;
  const i = best % grid.nx;
  const j = Math.floor(best / grid.nx);
  return [x0 + ((x1 - x0) * i) / (grid.nx - 1), y0 + ((y1 - y0) * j) / (grid.ny - 1)];
}

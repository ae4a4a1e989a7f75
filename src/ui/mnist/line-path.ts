/**
 * A series' line as d3-shape's line().defined((p) => p.finite) draws the points placeSeries places
 * (chart-points.ts), written in one pass from the data arrays, with no object per point:
 *   each run of consecutive finite points is "M p₀ L p₁ L p₂ …", a run of one point is "M p₀ Z";
 *   a non-finite value ends the run (it is skipped); p = (sx(xs[i]), sy(placed y)).
 * The same string as d3 (tests/ui-mnist/line-path.test.ts), in d3's number format (path-text.ts).
 */
import { placeSeries, type Placement } from './chart-points.ts';
import { PathText } from './path-text.ts';

/** One writer for every path: each is written and read out synchronously. */
const path = new PathText();

export function linePath(xs: ArrayLike<number>, ys: ArrayLike<number>, p: Placement, sx: (x: number) => number, sy: (y: number) => number): string {
  path.clear();
  /** Points in the current run of finite ones. */
  let run = 0;
  placeSeries(xs, ys, p, (i, y, _edge, finite) => {
    if (!finite) {
      if (run === 1) path.closePath();
      run = 0;
    } else if (run++ === 0) path.moveTo(sx(xs[i]), sy(y));
    else path.lineTo(sx(xs[i]), sy(y));
  });
  if (run === 1) path.closePath();
  return path.text();
}

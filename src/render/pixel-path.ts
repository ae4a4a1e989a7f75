/**
 * A recorded path in pixels, and the one decimation rule every renderer draws it with.
 *
 * pixelPath: each iterate through the plot's scales, rounded to 0.1 px; a coordinate beyond ±1e5 px (a
 * diverging run) is clamped there and NaN goes to +1e5 px, so the path still draws and clips. Rounding
 * here, once, means the canvas and the SVG string see the very same numbers.
 *
 * decimate: walking from an anchor vertex, a vertex is kept when it lies at least 0.75 px from the last
 * kept vertex along x or along y (sub-pixel jitter near a minimum adds nothing visible but would cost
 * thousands of segments); the range's last vertex is kept as well (unless keepLast is false), so a
 * drawing ends exactly at the current iterate. The rule is greedy from the anchor, so drawing 0…k in
 * increments that each start from the last kept vertex (keepLast false) keeps exactly the vertices one
 * pass over 0…k keeps.
 */
const PATH_LIMIT_PX = 1e5;
const DECIMATION_PX = 0.75;

export interface PixelPath {
  /** Pixel coordinates of every iterate, in tenths of a pixel. */
  readonly px: Float64Array;
  readonly py: Float64Array;
}

function toTenths(v: number): number {
  if (Number.isNaN(v)) return PATH_LIMIT_PX;
  const c = v > PATH_LIMIT_PX ? PATH_LIMIT_PX : v < -PATH_LIMIT_PX ? -PATH_LIMIT_PX : v;
  return Math.round(c * 10) / 10;
}

export function pixelPath(xs: ArrayLike<number>, ys: ArrayLike<number>, sx: (x: number) => number, sy: (y: number) => number): PixelPath {
  const n = Math.min(xs.length, ys.length);
  const px = new Float64Array(n);
  const py = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    px[i] = toTenths(sx(xs[i]));
    py[i] = toTenths(sy(ys[i]));
  }
  return { px, py };
}

/** Indices of the vertices drawn from `from` (always first) to `to`, by the rule above. */
export function decimate(path: PixelPath, from: number, to: number, keepLast = true): number[] {
  const { px, py } = path;
  const kept = [from];
  let lx = px[from];
  let ly = py[from];
  for (let i = from + 1; i <= to; i++) {
    const moved = Math.abs(px[i] - lx) >= DECIMATION_PX || Math.abs(py[i] - ly) >= DECIMATION_PX;
    if (!moved && !(keepLast && i === to)) continue;
    kept.push(i);
    lx = px[i];
    ly = py[i];
  }
  return kept;
}

/**
 * A recorded path in pixel space, built once per race and plot size: the pixel coordinates of every
 * iterate (for markers and the canvas), and an SVG path through the iterates that skips moves smaller
 * than `tol` pixels from the last kept vertex (sub-pixel jitter near a minimum adds nothing visible but
 * would cost the renderer thousands of segments).
 */
export interface ProjectedPath {
  /** Decimated SVG path "Mx,yLx,y…" through the iterates. */
  readonly d: string;
  readonly px: Float32Array;
  readonly py: Float32Array;
}

/** Pixel coordinates far outside the plot are clamped so a diverging run still draws (and clips). */
const LIMIT = 1e5;
const clamp = (v: number): number => (v > LIMIT ? LIMIT : v < -LIMIT ? -LIMIT : Number.isNaN(v) ? LIMIT : v);

export function projectPath(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  sx: (x: number) => number,
  sy: (y: number) => number,
  tol = 0.75,
): ProjectedPath {
  const n = Math.min(xs.length, ys.length);
  const px = new Float32Array(n);
  const py = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    px[i] = clamp(sx(xs[i]));
    py[i] = clamp(sy(ys[i]));
  }
  let d = '';
  let lx = 0;
  let ly = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0 && i < n - 1 && Math.abs(px[i] - lx) < tol && Math.abs(py[i] - ly) < tol) continue;
    lx = px[i];
    ly = py[i];
    d += `${i === 0 ? 'M' : 'L'}${lx.toFixed(1)},${ly.toFixed(1)}`;
  }
  return { d, px, py };
}

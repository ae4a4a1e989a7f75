/**
 * Trajectory paths that scrub in O(log n): the path is built once per race and plot size, keeping only
 * vertices that move at least `tol` pixels from the last kept one (sub-pixel jitter near a minimum adds
 * nothing visible), and remembering where each kept vertex ends in the path string. The path up to
 * iteration k is then a slice of that string plus one segment to the exact point k.
 */
export interface PathPrefix {
  /** The whole decimated path, "Mx,yLx,y…". */
  readonly d: string;
  /** Iteration index of each kept vertex, ascending (the first is 0). */
  readonly at: Int32Array;
  /** ends[j] = length of d through kept vertex j. */
  readonly ends: Int32Array;
  /** Pixel coordinates of every iterate, for the exact end point and the markers. */
  readonly px: Float32Array;
  readonly py: Float32Array;
}

/** Pixel coordinates far outside the plot are clamped so a diverging run still draws (and clips). */
const LIMIT = 1e5;
const clamp = (v: number): number => (v > LIMIT ? LIMIT : v < -LIMIT ? -LIMIT : Number.isNaN(v) ? LIMIT : v);

export function buildPrefix(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  sx: (x: number) => number,
  sy: (y: number) => number,
  tol = 0.75,
): PathPrefix {
  const n = Math.min(xs.length, ys.length);
  const px = new Float32Array(n);
  const py = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    px[i] = clamp(sx(xs[i]));
    py[i] = clamp(sy(ys[i]));
  }
  const at: number[] = [];
  const ends: number[] = [];
  let d = '';
  let lx = 0;
  let ly = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0 && Math.abs(px[i] - lx) < tol && Math.abs(py[i] - ly) < tol) continue;
    lx = px[i];
    ly = py[i];
    d += `${i === 0 ? 'M' : 'L'}${lx.toFixed(1)},${ly.toFixed(1)}`;
    at.push(i);
    ends.push(d.length);
  }
  return { d, at: Int32Array.from(at), ends: Int32Array.from(ends), px, py };
}

/** The path through iterate k (clamped to the recorded range); '' for an empty trajectory. */
export function pathThrough(p: PathPrefix, k: number): string {
  const n = p.px.length;
  if (n === 0) return '';
  const kk = Math.max(0, Math.min(n - 1, k));
  // Largest j with at[j] <= kk (at[0] = 0, so j >= 0).
  let lo = 0;
  let hi = p.at.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (p.at[mid] <= kk) lo = mid;
    else hi = mid - 1;
  }
  const head = p.d.slice(0, p.ends[lo]);
  return p.at[lo] === kk ? head : `${head}L${p.px[kk].toFixed(1)},${p.py[kk].toFixed(1)}`;
}

/**
 * A trajectory as light SVG path data in figure pixels, through iteration `last`. Vertices are rounded to
 * 0.1 px (and held in whole tenths, so the relative moves never accumulate rounding); a vertex is kept
 * only when it moves at least `tolerance` px from the last kept one along x or y (sub-pixel jitter near a
 * minimum adds nothing visible), and the point at `last` is always drawn. Points far outside the plot
 * (a diverging run) are clamped to ±1e5 px so the path still draws and clips.
 */
export interface PixelPath {
  /** "Mx,y l dx,dy …" ('' when nothing was recorded). */
  readonly d: string;
  /** Iterations of the vertices in d, ascending, starting at 0 and ending at `last`. */
  readonly at: readonly number[];
  /** Pixel position of iteration i (0 ≤ i ≤ last), rounded to 0.1 px. */
  x(i: number): number;
  y(i: number): number;
}

const LIMIT = 1e6;
const tenths = (v: number): number => (Number.isNaN(v) ? LIMIT : Math.max(-LIMIT, Math.min(LIMIT, Math.round(v * 10))));

export function pixelPath(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  last: number,
  sx: (x: number) => number,
  sy: (y: number) => number,
  tolerance = 0.75,
): PixelPath {
  const n = Math.min(xs.length, ys.length, last + 1);
  const tx = new Int32Array(n);
  const ty = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    tx[i] = tenths(sx(xs[i]));
    ty[i] = tenths(sy(ys[i]));
  }
  const at: number[] = [];
  let d = '';
  for (let i = 0; i < n; i++) {
    const j = at[at.length - 1];
    const moved = j === undefined || Math.abs(tx[i] - tx[j]) >= tolerance * 10 || Math.abs(ty[i] - ty[j]) >= tolerance * 10;
    if (!moved && i !== n - 1) continue;
    if (j === undefined) d = `M${tx[i] / 10},${ty[i] / 10}l`;
    else {
      const dx = (tx[i] - tx[j]) / 10;
      d += `${at.length === 1 || dx < 0 ? '' : ' '}${dx},${(ty[i] - ty[j]) / 10}`;
    }
    at.push(i);
  }
  if (at.length === 1) d = d.slice(0, -1);
  return { d, at, x: (i) => tx[i] / 10, y: (i) => ty[i] / 10 };
}

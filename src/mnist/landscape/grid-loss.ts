/**
 * The plane's loss between the grid's samples, for the Landscape panel's hover: bilinear interpolation of
 * the sampled grid (landscape.ts LandscapeResult: loss[j·nα + i] at (alpha[i], beta[j]), β the row) — an
 * estimate from the grid, not an evaluation. Exact at the samples; NaN outside the grid, or where a sample
 * it needs is not finite (a diverged region), rather than a number made up from its neighbours.
 */

/** The cell [xs[i], xs[i+1]] holding v (ascending xs) and v's fraction t across it; null outside. */
function cell(xs: readonly number[], v: number): { i: number; t: number } | null {
  const n = xs.length;
  if (!(n >= 2 && v >= xs[0] && v <= xs[n - 1])) return null;
  let i = 0;
  while (i < n - 2 && v > xs[i + 1]) i++;
  return { i, t: (v - xs[i]) / (xs[i + 1] - xs[i]) };
}

export function gridLossAt(axes: { readonly alpha: readonly number[]; readonly beta: readonly number[] }, loss: ArrayLike<number>, alpha: number, beta: number): number {
  const a = cell(axes.alpha, alpha);
  const b = cell(axes.beta, beta);
  if (!a || !b) return NaN;
  const n = axes.alpha.length;
  let sum = 0;
  for (const [dj, wb] of [[0, 1 - b.t], [1, b.t]]) {
    for (const [di, wa] of [[0, 1 - a.t], [1, a.t]]) {
      const w = wa * wb;
      if (w === 0) continue; // a sample with no weight is not needed, finite or not
      const v = loss[(b.i + dj) * n + a.i + di];
      if (!Number.isFinite(v)) return NaN;
      sum += w * v;
    }
  }
  return sum;
}

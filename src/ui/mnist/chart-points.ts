/**
 * Where the MNIST charts (LineChart.svelte) draw each point when the y axis has a fixed range: a value
 * inside it where it is; a value outside it, or not finite, clamped to the edge it left by and marked
 * there, never dropped (issue 9: a diverging run's points used to vanish off the chart top). NaN and +∞
 * sit at the top edge, −∞ at the bottom, and so do values ≤ 0 on a log axis. A line joins the finite
 * values (clamped ones run along the edge) and breaks at the non-finite ones.
 */
export type Edge = 'top' | 'bottom';

export interface Placed {
  /** Index into the series. */
  readonly i: number;
  /** The value drawn: the data, or the edge's bound. */
  readonly y: number;
  /** The edge it was clamped to; null inside the range. */
  readonly edge: Edge | null;
  /** The data value is a finite number (lines join only these). */
  readonly finite: boolean;
}

export function placeY(v: number, lo: number, hi: number, log = false): { y: number; edge: Edge | null } {
  if (Number.isNaN(v) || v > hi) return { y: hi, edge: 'top' };
  if (v < lo || (log && v <= 0)) return { y: lo, edge: 'bottom' };
  return { y: v, edge: null };
}

/** Every point with a usable x (finite, and > 0 on a log x axis), placed in [lo, hi]. */
export function placeSeries(xs: ArrayLike<number>, ys: ArrayLike<number>, lo: number, hi: number, xLog = false, yLog = false): Placed[] {
  const out: Placed[] = [];
  const n = Math.min(xs.length, ys.length);
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    if (!Number.isFinite(x) || (xLog && x <= 0)) continue;
    const v = ys[i];
    out.push({ i, ...placeY(v, lo, hi, yLog), finite: Number.isFinite(v) });
  }
  return out;
}

/**
 * The points that get an edge mark: every clamped point of a dotted series (each is a reading, e.g. one
 * epoch's validation loss), else the first point of each run of consecutive points on the same edge
 * (a line that leaves the chart gets one mark where it leaves).
 */
export function edgeMarks(placed: readonly Placed[], everyPoint: boolean): Placed[] {
  return placed.filter((p, k) => p.edge !== null && (everyPoint || k === 0 || placed[k - 1].edge !== p.edge));
}

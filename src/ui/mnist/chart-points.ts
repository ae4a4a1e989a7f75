/**
 * Where the MNIST charts (LineChart.svelte) draw each point when the y axis has a fixed range: a value
 * inside it where it is; a value outside it, or not finite, clamped to the edge it left by and marked
 * there, never dropped (issue 9: a diverging run's points used to vanish off the chart top). NaN and +∞
 * sit at the top edge, −∞ at the bottom, and so do values ≤ 0 on a log axis. A line joins the finite
 * values (clamped ones run along the edge) and breaks at the non-finite ones. Points without a usable x
 * (not finite, or ≤ 0 on a log x axis) are skipped.
 *
 * placeSeries walks a series and hands each point to a callback, so a chart's path is written straight
 * from the data arrays with no object per point (line-path.ts); edge marks and the last point are few.
 */
export type Edge = 'top' | 'bottom';

/** The y range points are placed in, and the axes' scales (log or linear). */
export interface Placement {
  readonly lo: number;
  readonly hi: number;
  readonly xLog: boolean;
  readonly yLog: boolean;
}

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

/** Receives one placed point: see Placed. */
export type PlacedVisitor = (i: number, y: number, edge: Edge | null, finite: boolean) => void;

/** The edge v is clamped to in [lo, hi]; null inside it. */
export function edgeOf(v: number, lo: number, hi: number, log = false): Edge | null {
  if (Number.isNaN(v) || v > hi) return 'top';
  if (v < lo || (log && v <= 0)) return 'bottom';
  return null;
}

/** Visits, in order, every point with a usable x, placed in [lo, hi]. */
export function placeSeries(xs: ArrayLike<number>, ys: ArrayLike<number>, p: Placement, visit: PlacedVisitor): void {
  const n = Math.min(xs.length, ys.length);
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    if (!Number.isFinite(x) || (p.xLog && x <= 0)) continue;
    const v = ys[i];
    const edge = edgeOf(v, p.lo, p.hi, p.yLog);
    visit(i, edge === 'top' ? p.hi : edge === 'bottom' ? p.lo : v, edge, Number.isFinite(v));
  }
}

/** The last point placeSeries visits; null if none. */
export function lastPlaced(xs: ArrayLike<number>, ys: ArrayLike<number>, p: Placement): Placed | null {
  let at = -1;
  let atY = 0;
  let atEdge: Edge | null = null;
  let atFinite = false;
  placeSeries(xs, ys, p, (i, y, edge, finite) => {
    at = i;
    atY = y;
    atEdge = edge;
    atFinite = finite;
  });
  return at < 0 ? null : { i: at, y: atY, edge: atEdge, finite: atFinite };
}

/**
 * The points that get an edge mark: every clamped point of a dotted series (each is a reading, e.g. one
 * epoch's validation loss), else the first point of each run of consecutive points on the same edge
 * (a line that leaves the chart gets one mark where it leaves).
 */
export function edgeMarks(xs: ArrayLike<number>, ys: ArrayLike<number>, p: Placement, everyPoint: boolean): Placed[] {
  const marks: Placed[] = [];
  let previous: Edge | null = null;
  placeSeries(xs, ys, p, (i, y, edge, finite) => {
    if (edge !== null && (everyPoint || edge !== previous)) marks.push({ i, y, edge, finite });
    previous = edge;
  });
  return marks;
}

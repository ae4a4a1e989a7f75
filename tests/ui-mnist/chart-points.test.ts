/**
 * The MNIST charts' placement of points on a fixed y range (src/ui/mnist/chart-points.ts): a diverging
 * run's points are clamped to the edge and marked there, never dropped.
 */
import { describe, expect, it } from 'vitest';
import { edgeMarks, edgeOf, lastPlaced, placeSeries, type Placed, type Placement } from '../../src/ui/mnist/chart-points.ts';

const linear = (lo: number, hi: number): Placement => ({ lo, hi, xLog: false, yLog: false });

/** Every point placeSeries visits, as objects (the chart itself keeps none). */
function placed(xs: ArrayLike<number>, ys: ArrayLike<number>, p: Placement): Placed[] {
  const out: Placed[] = [];
  placeSeries(xs, ys, p, (i, y, edge, finite) => out.push({ i, y, edge, finite }));
  return out;
}

describe('edgeOf', () => {
  it('keeps values in range, clamps the rest to the edge they left by', () => {
    expect([1.2, 80.7, -1, 3.5, 0].map((v) => edgeOf(v, 0, 3.5))).toEqual([null, 'top', 'bottom', null, null]);
  });

  it('puts NaN and +∞ at the top, −∞ and (on a log axis) values ≤ 0 at the bottom', () => {
    expect([NaN, Infinity, -Infinity].map((v) => edgeOf(v, 0, 3))).toEqual(['top', 'top', 'bottom']);
    expect(edgeOf(0, 1e-3, 10, true)).toBe('bottom');
    expect(edgeOf(0, -1, 10, false)).toBeNull();
  });
});

describe('placeSeries, lastPlaced and edgeMarks', () => {
  // Validation loss per epoch of a run that blows up: 2.1, then 80.7, then NaN; the axis goes to 3.5.
  const xs = [1, 2, 3, 4];
  const ys = [2.1, 80.7, 95, NaN];

  it('places every point, none dropped; the line joins only the finite ones', () => {
    expect(placed(xs, ys, linear(0, 3.5))).toEqual([
      { i: 0, y: 2.1, edge: null, finite: true },
      { i: 1, y: 3.5, edge: 'top', finite: true },
      { i: 2, y: 3.5, edge: 'top', finite: true },
      { i: 3, y: 3.5, edge: 'top', finite: false },
    ]);
    expect(placed([1, 2], [-Infinity, -1], linear(0, 3.5))).toEqual([
      { i: 0, y: 0, edge: 'bottom', finite: false },
      { i: 1, y: 0, edge: 'bottom', finite: true },
    ]);
    expect(lastPlaced(xs, ys, linear(0, 3.5))).toEqual({ i: 3, y: 3.5, edge: 'top', finite: false });
  });

  it('marks every clamped reading of a dotted series, and where a line leaves the range', () => {
    expect(edgeMarks(xs, ys, linear(0, 3.5), true).map((p) => p.i)).toEqual([1, 2, 3]);
    expect(edgeMarks(xs, ys, linear(0, 3.5), false).map((p) => p.i)).toEqual([1]);
    // A line that comes back and leaves again (or by the other edge) gets a mark each time.
    const wavy = edgeMarks([1, 2, 3, 4, 5, 6], [5, 1, 6, 7, -2, 1], linear(0, 3), false);
    expect(wavy.map((p) => [p.i, p.edge])).toEqual([[0, 'top'], [2, 'top'], [4, 'bottom']]);
  });

  it('skips only points without a usable x, and places y ≤ 0 at the bottom of a log axis', () => {
    const logs: Placement = { lo: 0.01, hi: 5, xLog: true, yLog: true };
    expect(placed([NaN, 1, 0, 2, Infinity], [1, 2, 3, 0, 4], logs).map((p) => [p.i, p.y, p.edge])).toEqual([[1, 2, null], [3, 0.01, 'bottom']]);
    expect(lastPlaced([1, 2, NaN], [1, 2, 3], linear(0, 5))?.i).toBe(1);
    expect(lastPlaced([NaN], [1], linear(0, 5))).toBeNull();
  });
});

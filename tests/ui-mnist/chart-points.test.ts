/**
 * The MNIST charts' placement of points on a fixed y range (src/ui/mnist/chart-points.ts): a diverging
 * run's points are clamped to the edge and marked there, never dropped.
 */
import { describe, expect, it } from 'vitest';
import { edgeMarks, placeSeries, placeY } from '../../src/ui/mnist/chart-points.ts';

describe('placeY', () => {
  it('keeps values in range, clamps the rest to the edge they left by', () => {
    expect(placeY(1.2, 0, 3.5)).toEqual({ y: 1.2, edge: null });
    expect(placeY(80.7, 0, 3.5)).toEqual({ y: 3.5, edge: 'top' });
    expect(placeY(-1, 0, 3.5)).toEqual({ y: 0, edge: 'bottom' });
    expect(placeY(3.5, 0, 3.5)).toEqual({ y: 3.5, edge: null });
  });

  it('puts NaN and +∞ at the top, −∞ and (on a log axis) values ≤ 0 at the bottom', () => {
    expect(placeY(NaN, 0, 3)).toEqual({ y: 3, edge: 'top' });
    expect(placeY(Infinity, 0, 3)).toEqual({ y: 3, edge: 'top' });
    expect(placeY(-Infinity, 0, 3)).toEqual({ y: 0, edge: 'bottom' });
    expect(placeY(0, 1e-3, 10, true)).toEqual({ y: 1e-3, edge: 'bottom' });
  });
});

describe('placeSeries and edgeMarks', () => {
  // Validation loss per epoch of a run that blows up: 2.1, then 80.7, then NaN; the axis goes to 3.5.
  const xs = [1, 2, 3, 4];
  const ys = [2.1, 80.7, 95, NaN];

  it('places every point, none dropped; the line joins only the finite ones', () => {
    const placed = placeSeries(xs, ys, 0, 3.5);
    expect(placed.map((p) => p.i)).toEqual([0, 1, 2, 3]);
    expect(placed.map((p) => p.edge)).toEqual([null, 'top', 'top', 'top']);
    expect(placed.map((p) => p.y)).toEqual([2.1, 3.5, 3.5, 3.5]);
    expect(placed.map((p) => p.finite)).toEqual([true, true, true, false]);
  });

  it('marks every clamped reading of a dotted series, and where a line leaves the range', () => {
    const placed = placeSeries(xs, ys, 0, 3.5);
    expect(edgeMarks(placed, true).map((p) => p.i)).toEqual([1, 2, 3]);
    expect(edgeMarks(placed, false).map((p) => p.i)).toEqual([1]);
    // A line that comes back and leaves again (or by the other edge) gets a mark each time.
    const wavy = placeSeries([1, 2, 3, 4, 5, 6], [5, 1, 6, 7, -2, 1], 0, 3);
    expect(edgeMarks(wavy, false).map((p) => [p.i, p.edge])).toEqual([[0, 'top'], [2, 'top'], [4, 'bottom']]);
  });

  it('skips only points without a usable x', () => {
    expect(placeSeries([NaN, 1, 0], [1, 2, 3], 0, 5, true).map((p) => p.i)).toEqual([1]);
  });
});

/**
 * The charts' path writer (src/ui/mnist/line-path.ts, path-text.ts) against the reference it replaces:
 * d3-shape's line().defined((p) => p.finite) over every placed point, with the same scales as
 * LineChart.svelte. The strings must be identical, number format included.
 */
import { describe, expect, it } from 'vitest';
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { pathRound } from 'd3-path';
import { placeSeries, type Placed, type Placement } from '../../src/ui/mnist/chart-points.ts';
import { linePath } from '../../src/ui/mnist/line-path.ts';
import { PathText } from '../../src/ui/mnist/path-text.ts';
import { createRng } from '../../src/run/random.ts';

/** The chart's path before line-path.ts: an object per placed point, then d3's line generator. */
function d3Path(xs: ArrayLike<number>, ys: ArrayLike<number>, p: Placement, sx: (v: number) => number, sy: (v: number) => number): string {
  const placed: Placed[] = [];
  placeSeries(xs, ys, p, (i, y, edge, finite) => placed.push({ i, y, edge, finite }));
  return line<Placed>().defined((q) => q.finite).x((q) => sx(xs[q.i])).y((q) => sy(q.y))(placed) ?? '';
}

/** Where two long strings first differ, with some context; null if they are equal. */
function difference(a: string, b: string): { at: number; ours: string; d3: string } | null {
  if (a === b) return null;
  let at = 0;
  while (a[at] === b[at]) at++;
  return { at, ours: a.slice(at - 30, at + 30), d3: b.slice(at - 30, at + 30) };
}

describe('linePath', () => {
  it('writes runs of finite points, a lone point closed, non-finite values as breaks', () => {
    const p: Placement = { lo: 0, hi: 10, xLog: false, yLog: false };
    const id = (v: number) => v;
    // 20 is clamped to 10 and joined; NaN breaks; 4 alone is "M…Z"; −∞ breaks; x = NaN is skipped, not a break.
    expect(linePath([1, 2, 3, 4, 5, 6, NaN, 7], [1.5, 20, NaN, 4, -Infinity, 2, NaN, 3], p, id, id)).toBe('M1,1.5L2,10M4,4ZM6,2L7,3');
    expect(linePath([], [], p, id, id)).toBe('');
  });

  it('draws what d3 line() drew, on linear and log axes', () => {
    const rng = createRng(7);
    const special = [NaN, Infinity, -Infinity, 0, -0.5, 1e20, -1e20, 1e-9];
    const n = 3000;
    const xs = new Float64Array(n);
    const ys = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      xs[i] = rng.uniform() < 0.01 ? special[rng.int(3)] : (i + 1) / 391;
      // Mostly in range, some above or below it, some not finite, a few lone points between breaks.
      ys[i] = rng.uniform() < 0.05 ? special[rng.int(special.length)] : 4 * rng.uniform() - 0.3;
    }
    for (let i = 100; i < n; i += 300) {
      ys[i - 1] = NaN;
      ys[i + 1] = -Infinity;
    }
    const width = 737;
    const xLinear = scaleLinear().domain([0, n / 391]).range([54, width - 14]);
    const yLinear = scaleLinear().domain([0, 3.45]).range([202, 10]).nice();
    const xLog = scaleLog().domain([1e-3, 10]).range([54, width - 14]);
    const yLog = scaleLog().domain([0.05, 3.45]).range([202, 10]);
    const cases: [Placement, (v: number) => number, (v: number) => number][] = [
      [{ lo: 0, hi: 3.5, xLog: false, yLog: false }, xLinear, yLinear],
      [{ lo: 0.05, hi: 3.45, xLog: false, yLog: true }, xLinear, yLog],
      [{ lo: 0, hi: 3.5, xLog: true, yLog: false }, xLog, yLinear],
      [{ lo: 0.05, hi: 3.45, xLog: true, yLog: true }, xLog, yLog],
    ];
    for (const [p, sx, sy] of cases) {
      const expected = d3Path(xs, ys, p, sx, sy);
      expect(expected).toMatch(/Z/);
      expect(expected.length).toBeGreaterThan(30_000);
      expect(difference(linePath(xs, ys, p, sx, sy), expected)).toBeNull();
    }
  });
});

describe('PathText', () => {
  it('writes numbers as d3-path does with digits(3): rounded to thousandths, shortest form', () => {
    const rng = createRng(11);
    const values = [0, -0, 0.0004, -0.0004, -0.0005, 0.0005, 2.5e-3, -2.5e-3, 12, -3.5, 0.125, 1.0005, 999.9996, 1e12, -1e12, 123456789.123];
    for (let i = 0; i < 2000; i++) values.push((rng.uniform() - 0.5) * 10 ** rng.int(10));
    const ours = new PathText();
    const ref = pathRound(3);
    for (let i = 0; i + 1 < values.length; i += 2) {
      ours.moveTo(values[i], values[i + 1]);
      ours.lineTo(values[i + 1], values[i]);
      ref.moveTo(values[i], values[i + 1]);
      ref.lineTo(values[i + 1], values[i]);
    }
    ours.closePath();
    ref.closePath();
    expect(ours.text()).toBe(ref.toString());
    ours.clear();
    ours.moveTo(-0.0004, 1.0005);
    ours.lineTo(5e13, 7);
    expect(ours.text()).toBe('M0,1.001L1000000000000,7');
  });
});

import { describe, expect, it } from 'vitest';
import { smoothEma } from '../../src/ui/mnist/smoothing.ts';

const smoothed = (values: number[], weight: number, k = 1): number[] => {
  const out = new Float64Array(values.length);
  return Array.from(out.subarray(0, smoothEma(values, weight, out, k)));
};

describe('smoothEma', () => {
  it('matches the bias-corrected EMA worked by hand', () => {
    // w = 0.5: m1 = 0.5·2 = 1 → 1/(1−0.5) = 2;  m2 = 0.5·1 + 0.5·4 = 2.5 → 2.5/0.75 = 3.333…
    // m3 = 0.5·2.5 + 0.5·0 = 1.25 → 1.25/0.875 = 1.428571…
    const s = smoothed([2, 4, 0], 0.5);
    expect(s).toHaveLength(3);
    expect(s[0]).toBeCloseTo(2, 12);
    expect(s[1]).toBeCloseTo(10 / 3, 12);
    expect(s[2]).toBeCloseTo(1.25 / 0.875, 12);
  });

  it('keeps a constant series constant and weight 0 returns the raw values', () => {
    expect(smoothed([3, 3, 3, 3], 0.9).map((v) => +v.toFixed(12))).toEqual([3, 3, 3, 3]);
    expect(smoothed([1, 5, 2], 0)).toEqual([1, 5, 2]);
  });

  it('skips non-finite losses without spreading them', () => {
    const s = smoothed([1, Infinity, 1], 0.9);
    expect(s[1]).toBeNaN();
    expect(s[2]).toBeCloseTo(1, 12);
  });

  it('writes every k-th value of the average over all of them', () => {
    // w = 0.5 over [2, 4, 0, 8, 6]: shown values 2, 10/3, 1.25/0.875, (0.625 + 4)/0.9375, (2.3125 + 3)/0.96875.
    const s = smoothed([2, 4, 0, 8, 6], 0.5, 2);
    expect(s).toHaveLength(3);
    expect(s[0]).toBeCloseTo(2, 12);
    expect(s[1]).toBeCloseTo(1.25 / 0.875, 12);
    expect(s[2]).toBeCloseTo(5.3125 / 0.96875, 12);
    expect(smoothed([2, 4, 0, 8], 0.5, 2)).toHaveLength(2);
  });
});

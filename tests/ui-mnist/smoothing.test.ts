import { describe, expect, it } from 'vitest';
import { smoothEma } from '../../src/ui/mnist/smoothing.ts';

describe('smoothEma', () => {
  it('matches the bias-corrected EMA worked by hand', () => {
    // w = 0.5: m1 = 0.5·2 = 1 → 1/(1−0.5) = 2;  m2 = 0.5·1 + 0.5·4 = 2.5 → 2.5/0.75 = 3.333…
    // m3 = 0.5·2.5 + 0.5·0 = 1.25 → 1.25/0.875 = 1.428571…
    const s = smoothEma([2, 4, 0], 0.5);
    expect(s[0]).toBeCloseTo(2, 12);
    expect(s[1]).toBeCloseTo(10 / 3, 12);
    expect(s[2]).toBeCloseTo(1.25 / 0.875, 12);
  });

  it('keeps a constant series constant and weight 0 returns the raw values', () => {
    expect(smoothEma([3, 3, 3, 3], 0.9).map((v) => +v.toFixed(12))).toEqual([3, 3, 3, 3]);
    expect(smoothEma([1, 5, 2], 0)).toEqual([1, 5, 2]);
  });

  it('skips non-finite losses without spreading them', () => {
    const s = smoothEma([1, Infinity, 1], 0.9);
    expect(s[1]).toBeNaN();
    expect(s[2]).toBeCloseTo(1, 12);
  });
});

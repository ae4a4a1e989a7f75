/**
 * The training-loss chart's curves (src/ui/mnist/loss-curve.ts): every k-th update of n losses, at most
 * MAX_POINTS points, x in epochs, the EMA over every loss; rewritten in place, no new arrays per update.
 */
import { describe, expect, it } from 'vitest';
import { LossCurve, MAX_POINTS } from '../../src/ui/mnist/loss-curve.ts';

describe('LossCurve', () => {
  it('keeps every update while they fit, x = (i + 1) / stepsPerEpoch, smoothed as smoothing.ts does', () => {
    const c = new LossCurve();
    const { xs, raw, smooth } = c.update(Float32Array.of(2, 4, 0), 4, 0.5);
    expect(Array.from(xs)).toEqual([0.25, 0.5, 0.75]);
    expect(Array.from(raw)).toEqual([2, 4, 0]);
    // Worked in tests/ui-mnist/smoothing.test.ts: 2, 10/3, 1.25/0.875.
    expect(Array.from(smooth)).toEqual([2, 2.5 / 0.75, 1.25 / 0.875]);
  });

  it('thins to every k-th update, k = ⌈n / MAX_POINTS⌉, smoothing over all of them', () => {
    expect(MAX_POINTS).toBe(1500);
    const n = 3001; // k = 3: i = 0, 3, …, 3000, 1,001 points
    const losses = Float32Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 4));
    const { xs, raw, smooth } = new LossCurve().update(losses, 391, 0);
    expect(xs).toHaveLength(1001);
    expect([xs[0], xs[1], xs[1000]]).toEqual([1 / 391, 4 / 391, 3001 / 391]);
    expect(raw.every((v) => v === 1)).toBe(true);
    // Weight 0.5 over 1, 4, 4, 1: m = 0.5, 2.25, 3.125, 2.0625, shown at i = 0 and 3: 0.5/0.5 = 1, 2.0625/0.9375 = 2.2.
    const half = new LossCurve().update(losses, 391, 0.5).smooth;
    expect(half[0]).toBe(1);
    expect(half[1]).toBeCloseTo(2.2, 12);
    expect(smooth.every((v) => v === 1)).toBe(true);
    expect(new LossCurve().update(new Float32Array(4500), 1, 0.9).xs).toHaveLength(1500);
    expect(new LossCurve().update(new Float32Array(4501), 1, 0.9).xs).toHaveLength(1126);
  });

  it('rewrites the same buffers on every update', () => {
    const c = new LossCurve();
    const first = c.update(Float32Array.of(3, 1), 1, 0);
    const second = c.update(Float32Array.of(5, 6, 7), 1, 0);
    expect(second.raw.buffer).toBe(first.raw.buffer);
    expect(second.xs.buffer).toBe(first.xs.buffer);
    expect(Array.from(first.raw)).toEqual([5, 6]);
    expect(Array.from(second.raw)).toEqual([5, 6, 7]);
  });
});

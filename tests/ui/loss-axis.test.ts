import { describe, expect, it } from 'vitest';
import { lossAxis, targetLevel } from '../../src/ui/surfaces/loss-axis.ts';

describe('lossAxis', () => {
  it('plots positive losses as they are, on a log axis', () => {
    const a = lossAxis([[4, 2, 1e-9]], 0);
    expect(a.log).toBe(true);
    expect(a.value(2)).toBe(2);
  });
  it('plots the gap to a known minimum when some loss is ≤ 0 (six-hump camel: f* = −1.0316)', () => {
    const a = lossAxis([[1, -0.5, -1.0316]], -1.0316);
    expect(a.log).toBe(true);
    expect(a.label).toBe('gap to minimum f − f* (log scale)');
    expect(a.value(-0.0316)).toBeCloseTo(1, 12);
    expect(a.value(-1.0316)).toBe(1e-16);
  });
  it('falls back to a linear axis when the minimum is unknown', () => {
    const a = lossAxis([[0.5, -3]], null);
    expect(a.log).toBe(false);
    expect(a.value(-3)).toBe(-3);
  });
});

describe('targetLevel: where the loss chart draws the target', () => {
  it('at the target itself on an axis of f, log or linear', () => {
    expect(targetLevel(lossAxis([[4, 2, 1e-9]], 0), 0.001)).toBe(0.001);
    expect(targetLevel(lossAxis([[0.5, -3]], null), -0.9)).toBe(-0.9);
  });
  it('at target − f* on an axis of the gap (saddle-like: f* = −1, target −0.9 → 0.1)', () => {
    expect(targetLevel(lossAxis([[1, -0.5]], -1), -0.9)).toBeCloseTo(0.1, 12);
  });
  it('nowhere without a target, or where a log axis cannot show it', () => {
    expect(targetLevel(lossAxis([[4, 2]], 0), null)).toBeNull();
    expect(targetLevel(lossAxis([[4, 2]], 0), 0)).toBeNull();
    expect(targetLevel(lossAxis([[4, 2]], 0), -1)).toBeNull();
    expect(targetLevel(lossAxis([[1, -0.5]], -1), -1.5)).toBeNull();
  });
});

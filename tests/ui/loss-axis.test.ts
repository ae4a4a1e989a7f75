import { describe, expect, it } from 'vitest';
import { lastFinite, lossAxis, targetLevel, type LossSeries } from '../../src/ui/surfaces/loss-axis.ts';
import { raceForView } from '../../src/view/race.ts';
import { decodeView } from '../../src/view/link.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';

/** Runs that did not diverge, one per array. */
const ok = (...ls: number[][]): LossSeries[] => ls.map((losses) => ({ losses, diverged: false }));
const gone = (losses: number[]): LossSeries => ({ losses, diverged: true });

describe('lossAxis', () => {
  it('plots positive losses as they are, on a log axis where they span more than two decades', () => {
    const a = lossAxis(ok([4, 2, 1e-9]), 0);
    expect(a.log).toBe(true);
    expect(a.label).toBe('loss f (log scale)');
    expect(a.value(2)).toBe(2);
    expect(a.domain).toEqual([1e-9, 4]);
  });
  it('plots positive losses within two decades on a linear axis', () => {
    const a = lossAxis(ok([90, 20, 1]), 0);
    expect(a.log).toBe(false);
    expect(a.label).toBe('loss f');
    expect(a.domain).toEqual([1, 90]);
    expect(lossAxis(ok([101, 1]), 0).log).toBe(true);
  });
  it('plots the gap to a known minimum when some loss is ≤ 0 (six-hump camel: f* = −1.0316)', () => {
    const a = lossAxis(ok([1, -0.5, -1.0316]), -1.0316);
    expect(a.log).toBe(true);
    expect(a.label).toBe('gap to minimum f − f* (log scale)');
    expect(a.value(-0.0316)).toBeCloseTo(1, 12);
    expect(a.value(-1.0316)).toBe(1e-16);
    expect(a.domain[0]).toBe(1e-16);
  });
  it('falls back to a linear axis when the minimum is unknown', () => {
    const a = lossAxis(ok([0.5, -3]), null);
    expect(a.log).toBe(false);
    expect(a.value(-3)).toBe(-3);
    expect(a.domain).toEqual([-3, 0.5]);
  });
  it('takes its range from the runs that did not diverge; a diverged run adds only what lies below their top', () => {
    // x⁴ − 2x² + y² from (2, 1): the others go 9 → −1, Momentum 9 → 677 → 5.2e8 (diverged at 3).
    const a = lossAxis([...ok([9, 0.5, -1]), gone([9, 677, 5.2e8])], null);
    expect(a.log).toBe(false);
    expect(a.domain).toEqual([-1, 9]);
    // A dip before blowing up still counts.
    expect(lossAxis([...ok([9, 1]), gone([9, 0.01, 1e30])], 0).domain).toEqual([0.01, 9]);
    // Non-finite losses never count.
    expect(lossAxis([...ok([9, 1]), gone([9, Infinity, NaN])], 0).domain).toEqual([1, 9]);
  });
  it('uses every finite loss when every run diverged', () => {
    const a = lossAxis([gone([9, 677, 5.2e8]), gone([9, 1e4, NaN])], null);
    expect(a.log).toBe(true);
    expect(a.domain).toEqual([9, 5.2e8]);
  });
  it('includes the target in the range', () => {
    expect(lossAxis(ok([9, 1]), 0, 1e-3).domain).toEqual([1e-3, 9]);
    expect(lossAxis([...ok([0.5, -1]), gone([0.5, 1e9])], null, 3).domain).toEqual([-1, 3]);
  });
  it('worked value: the bowl’s default race stays on a log axis', () => {
    const { view } = decodeView('s=bowl', VOCABULARY);
    const runs = raceForView(view);
    const a = lossAxis(runs, 0, view.target);
    expect(a.log).toBe(true);
    expect(runs.some((r) => r.diverged)).toBe(false);
  });
  it('worked value: Momentum diverging on x⁴ − 2x² + y² keeps the other runs’ range', () => {
    const { view } = decodeView('f=x%5E4%20-%202*x%5E2%20%2B%20y%5E2&start=2,1&momentum.lr=0.3', VOCABULARY);
    const runs = raceForView(view);
    const momentum = runs.find((r) => r.optimizer === 'momentum')!;
    expect(momentum.diverged).toBe(true);
    const a = lossAxis(runs, null, view.target);
    expect(a.domain[1]).toBe(9);
    expect(a.domain[0]).toBeCloseTo(-1, 6);
    expect(momentum.losses[lastFinite(momentum.losses)]).toBeGreaterThan(1e8);
  });
});

describe('lastFinite', () => {
  it('is the last finite loss’s index, or −1', () => {
    expect(lastFinite([9, 677, 5e8])).toBe(2);
    expect(lastFinite([9, 677, Infinity, NaN])).toBe(1);
    expect(lastFinite([NaN])).toBe(-1);
  });
});

describe('targetLevel: where the loss chart draws the target', () => {
  it('at the target itself on an axis of f, log or linear', () => {
    expect(targetLevel(lossAxis(ok([4, 2, 1e-9]), 0), 0.001)).toBe(0.001);
    expect(targetLevel(lossAxis(ok([0.5, -3]), null), -0.9)).toBe(-0.9);
  });
  it('at target − f* on an axis of the gap (saddle-like: f* = −1, target −0.9 → 0.1)', () => {
    expect(targetLevel(lossAxis(ok([1, -0.5]), -1), -0.9)).toBeCloseTo(0.1, 12);
  });
  it('nowhere without a target, or where a log axis cannot show it', () => {
    expect(targetLevel(lossAxis(ok([4, 2e-3]), 0), null)).toBeNull();
    expect(targetLevel(lossAxis(ok([4, 2e-3]), 0), 0)).toBeNull();
    expect(targetLevel(lossAxis(ok([4, 2e-3]), 0), -1)).toBeNull();
    expect(targetLevel(lossAxis(ok([1, -0.5]), -1), -1.5)).toBeNull();
  });
});

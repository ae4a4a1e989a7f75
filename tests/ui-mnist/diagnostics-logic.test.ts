import { describe, expect, it } from 'vitest';
import { compareRuns, firstReaching } from '../../src/ui/mnist/target.ts';
import { biasVariance } from '../../src/ui/mnist/bias-variance.ts';
import { gradVerdict } from '../../src/ui/mnist/gradcheck-verdict.ts';

const epochs = [
  { epoch: 1, iteration: 430, seconds: 2.5, valAccuracy: 0.91 },
  { epoch: 2, iteration: 860, seconds: 5.0, valAccuracy: 0.97 },
  { epoch: 3, iteration: 1290, seconds: 7.5, valAccuracy: 0.975 },
];

describe('firstReaching', () => {
  it('returns the first epoch end at or above the target', () => {
    expect(firstReaching(epochs, 0.97)?.epoch).toBe(2); // 0.97 ≥ 0.97 counts
    expect(firstReaching(epochs, 0.9)?.seconds).toBe(2.5);
    expect(firstReaching(epochs, 0.98)).toBeNull();
  });
});

describe('compareRuns', () => {
  const reachedAt = (seconds: number, iteration = 100) => ({ reached: { epoch: 1, iteration, seconds, valAccuracy: 0.98 }, bestValAccuracy: 0.98, diverged: false });
  const notReached = (best: number) => ({ reached: null, bestValAccuracy: best, diverged: false });
  it('orders reached (fastest first), then unreached by best accuracy, then diverged', () => {
    const rows = [
      { name: 'diverged', ...notReached(NaN), diverged: true },
      { name: 'slow', ...notReached(0.9) },
      { name: 'late', ...reachedAt(9) },
      { name: 'better', ...notReached(0.95) },
      { name: 'fast', ...reachedAt(3) },
    ];
    expect(rows.sort(compareRuns).map((r) => r.name)).toEqual(['fast', 'late', 'better', 'slow', 'diverged']);
  });
});

describe('biasVariance', () => {
  it('reads the course examples', () => {
    // Ng's table (with ~0% human error): 1%/11% → high variance; 15%/16% → high bias;
    // 15%/30% → both; 0.5%/1% → good fit.
    expect(biasVariance(0.01, 0.11).reading).toBe('high variance');
    expect(biasVariance(0.15, 0.16).reading).toBe('high bias');
    expect(biasVariance(0.15, 0.3).reading).toBe('high bias and high variance');
    expect(biasVariance(0.005, 0.01).reading).toBe('good fit');
  });
  it('measures avoidable bias from human-level error', () => {
    const r = biasVariance(0.032, 0.04);
    expect(r.avoidableBias).toBeCloseTo(0.03, 12); // 0.032 − 0.002
    expect(r.variance).toBeCloseTo(0.008, 12); // 0.04 − 0.032
    expect(r.reading).toBe('high bias');
  });
});

describe('gradVerdict', () => {
  it('applies the course thresholds', () => {
    expect(gradVerdict(3e-9)).toBe('excellent');
    expect(gradVerdict(2e-6)).toBe('check');
    expect(gradVerdict(1e-2)).toBe('check');
    expect(gradVerdict(0.2)).toBe('wrong');
    expect(gradVerdict(NaN)).toBe('wrong');
  });
});

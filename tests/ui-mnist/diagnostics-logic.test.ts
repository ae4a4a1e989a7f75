import { describe, expect, it } from 'vitest';
import { bestValAccuracy, compareRuns, firstReaching, rankRuns } from '../../src/ui/mnist/target.ts';
import { biasVariance, gapTexts } from '../../src/ui/mnist/bias-variance.ts';
import { formatSeconds, secondsNumber } from '../../src/render/seconds.ts';
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

describe('rankRuns', () => {
  const run = (name: string, accs: number[], target: { epoch: number; iterations: number; seconds: number } | null = null, diverged = false) => ({
    name,
    epochs: accs.map((valAccuracy) => ({ valAccuracy })),
    target,
    diverged,
  });
  it('puts the runs in the scoreboard order, whatever the race order', () => {
    // The race order: SGD first; Adam reached the target, so the scoreboard (and the inspector) start with it.
    const runs = [run('sgd', [0.8, 0.9]), run('adam', [0.96], { epoch: 1, iterations: 32, seconds: 0.07 }), run('rmsprop', [NaN], null, true), run('nag', [0.93, 0.92])];
    expect(rankRuns(runs).map((r) => r.name)).toEqual(['adam', 'nag', 'sgd', 'rmsprop']);
    expect(runs.map((r) => r.name)).toEqual(['sgd', 'adam', 'rmsprop', 'nag']); // not sorted in place
    expect(bestValAccuracy(runs[3])).toBe(0.93);
    expect(bestValAccuracy(run('none', []))).toBe(-Infinity);
  });
  it('keeps the race order on ties', () => {
    expect(rankRuns([run('adam', [0.9]), run('adam#2', [0.9])]).map((r) => r.name)).toEqual(['adam', 'adam#2']);
  });
});

describe('formatSeconds', () => {
  it('writes a short run\'s total and per-epoch seconds alike: two decimals below 10 s, one above', () => {
    expect(formatSeconds(0.06)).toBe('0.06 s');
    expect(formatSeconds(0.0349)).toBe('0.03 s');
    expect(formatSeconds(9.99)).toBe('9.99 s');
    expect(formatSeconds(9.996)).toBe('10.0 s');
    expect(formatSeconds(123.45)).toBe('123.5 s');
    expect(formatSeconds(NaN)).toBe('— s');
    // The CLI's epoch table writes the bare number in its "seconds" column.
    expect(secondsNumber(0.06)).toBe('0.06');
    expect(secondsNumber(123.45)).toBe('123.5');
  });
});

describe('gapTexts', () => {
  it('writes a negative gap with a true minus and says what it means', () => {
    // 1.2% training error, 0.22% validation error: variance −0.98%, avoidable bias 1.2% − 0.2% = 1.00%.
    const g = gapTexts(biasVariance(0.012, 0.0022));
    expect(g.variance).toEqual({ value: '−0.98%', note: 'validation error below training error' });
    expect(g.avoidableBias).toEqual({ value: '1.00%', note: '' });
    // Training error under human level (0.1% < 0.2%).
    expect(gapTexts(biasVariance(0.001, 0.02)).avoidableBias).toEqual({ value: '−0.10%', note: 'training error below human level' });
  });
  it('writes a gap that rounds to zero as 0.00%, with no note', () => {
    expect(gapTexts(biasVariance(0.03, 0.02999)).variance).toEqual({ value: '0.00%', note: '' });
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

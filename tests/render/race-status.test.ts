import { describe, expect, it } from 'vitest';
import { formatNumber, outcomeAt, outcomeText, raceSummary, shownIndex, type RecordedRun } from '../../src/render/race-status.ts';

const run = (over: Partial<RecordedRun>): RecordedRun => ({
  xs: new Float64Array(11), ys: new Float64Array(11), losses: new Float64Array(11), hit: null, diverged: false, divergedAt: null, ...over,
});

describe('outcomeAt', () => {
  it('reports the hit only once playback has reached it', () => {
    const r = run({ hit: 6 });
    expect(outcomeText(outcomeAt(r, 5))).toBe('not reached');
    expect(outcomeText(outcomeAt(r, 6))).toBe('6');
    expect(outcomeText(outcomeAt(r, 10))).toBe('6');
  });
  it('reports divergence at its iteration, and clamps the shown index to the recorded iterates', () => {
    const r = run({ xs: new Float64Array(4), ys: new Float64Array(4), losses: new Float64Array(4), diverged: true, divergedAt: 3 });
    expect(outcomeText(outcomeAt(r, 2))).toBe('not reached');
    expect(outcomeText(outcomeAt(r, 3))).toBe('diverged at 3');
    expect(shownIndex(r, 500)).toBe(3);
    expect(shownIndex(r, -1)).toBe(0);
  });
});

describe('formatNumber', () => {
  it('writes four significant digits, exponents outside [1e-3, 1e5), and a real minus sign', () => {
    expect(formatNumber(0.123456)).toBe('0.1235');
    expect(formatNumber(-2.5)).toBe('−2.5');
    expect(formatNumber(1.23456e-7)).toBe('1.23e-7');
    expect(formatNumber(123456)).toBe('1.23e5');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(NaN)).toBe('NaN');
  });
});

describe('raceSummary', () => {
  const named = (name: string, over: Partial<RecordedRun>) => ({ ...run(over), name });
  const runs = [named('SGD', { hit: 6 }), named('Momentum', { hit: 3 }), named('Adam', { hit: 3 }), named('AdaGrad', { diverged: true, divergedAt: 4 })];

  it('names the runs first to reach the target (ties in race order) and counts those in by iteration k', () => {
    expect(raceSummary(runs, 2, 0.01)).toBe('By iteration 2, no optimizer has reached the target yet.');
    expect(raceSummary(runs, 3, 0.01)).toBe('Momentum and Adam reached the target first, in 3 iterations; 2 of 4 have reached it by iteration 3.');
    expect(raceSummary(runs, 10, 0.01)).toBe('Momentum and Adam reached the target first, in 3 iterations; 3 of 4 have reached it by iteration 10.');
    expect(raceSummary([named('SGD', { hit: 1 })], 1, 0.01)).toBe('SGD reached the target first, in 1 iteration; 1 of 1 have reached it by iteration 1.');
  });
  it('says so when nothing can be compared', () => {
    expect(raceSummary(runs, 10, null)).toBe('No loss target is set, so no optimizer can reach one; set a loss target to compare iterations.');
    expect(raceSummary([], 10, 0.01)).toBe('No optimizer is selected.');
  });
});

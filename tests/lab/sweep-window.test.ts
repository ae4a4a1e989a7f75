import { describe, expect, it } from 'vitest';
import { logGrid } from '../../src/lab/log-grid.ts';
import { sweepWindow } from '../../src/lab/sweep-window.ts';

describe('logGrid', () => {
  it('spaces 61 points evenly in log space from 1e-4 to 10, ends exact', () => {
    const g = logGrid({ from: 1e-4, to: 10, points: 61 });
    expect(g).toHaveLength(61);
    expect(g[0]).toBe(1e-4);
    expect(g[60]).toBe(10);
    expect(g[12]).toBeCloseTo(1e-3, 15); // 5 decades over 60 intervals: 12 per decade
    expect(g[48]).toBeCloseTo(1, 12);
  });
  it('drops values outside the parameter range', () => {
    // AdaDelta's ε: 1e-8 … 1; a default sweep 1e-4 … 10 keeps 1e-4 … 1 (49 of 61).
    const g = logGrid({ from: 1e-4, to: 10, points: 61 }, { min: 1e-8, max: 1 });
    expect(g).toHaveLength(49);
    expect(g[g.length - 1]).toBeCloseTo(1, 12);
  });
  it('rejects an empty or reversed range', () => {
    expect(() => logGrid({ from: 1, to: 0.1, points: 5 })).toThrow(/0 < from < to/);
    expect(() => logGrid({ from: 0, to: 1, points: 5 })).toThrow(/0 < from < to/);
    expect(() => logGrid({ from: 0.1, to: 1, points: 1 })).toThrow(/at least 2/);
  });
});

describe('sweepWindow', () => {
  const at = (settled: (number | null)[]) => settled.map((s, i) => ({ value: 10 ** (i - 3), settled: s }));
  it('is the unbroken settled run around the fastest value, in decades', () => {
    // values 1e-3 … 1e3; settles at 1e-2 … 1e1 (fastest at 1), fails at 1e2, settles again at 1e3
    const w = sweepWindow(at([null, 500, 80, 20, 40, null, 900]));
    expect(w).toEqual({ best: 3, low: 1e-2, high: 10, decades: 3 });
  });
  it('breaks ties towards the smaller value and scores a lone point 0 decades', () => {
    expect(sweepWindow(at([null, 30, null, 30]))).toEqual({ best: 1, low: 1e-2, high: 1e-2, decades: 0 });
  });
  it('is null when nothing settles', () => {
    expect(sweepWindow(at([null, null]))).toBeNull();
  });
});

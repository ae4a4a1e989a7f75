/**
 * The linear-regression surface against the data it is built from: the expanded quadratic equals
 * MSE/2 computed point by point, and its minimiser is the least-squares fit near the true (2, 3).
 */
import { describe, expect, it } from 'vitest';
import { LINREG_POINTS, linreg, linregData } from '../../surfaces/linreg.ts';
import { surfaceObjective } from '../../surfaces/objective.ts';

function halfMse(w: number, b: number): number {
  const { xs, ys } = linregData();
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += (w * xs[i] + b - ys[i]) ** 2;
  return sum / (2 * xs.length);
}

describe('linreg surface', () => {
  const objective = surfaceObjective(linreg);

  it('draws 100 points reproducibly, x in [0, 1), residuals of size ≈ 0.2', () => {
    const a = linregData();
    const b = linregData();
    expect(a.xs.length).toBe(LINREG_POINTS);
    expect(Array.from(a.xs)).toEqual(Array.from(b.xs));
    expect(Array.from(a.ys)).toEqual(Array.from(b.ys));
    expect(a.xs.every((x) => x >= 0 && x < 1)).toBe(true);
    // Residuals against the true line have standard deviation ≈ 0.2 (loose: 100 samples).
    const sd = Math.sqrt(halfMse(2, 3) * 2);
    expect(sd).toBeGreaterThan(0.15);
    expect(sd).toBeLessThan(0.25);
  });

  it('equals MSE/2 evaluated point by point', () => {
    for (const [w, b] of [[0, 0], [2, 3], [-1.5, 4.2], [5, -2], [2.1, 2.95]]) {
      expect(objective.value(Float64Array.of(w, b))).toBeCloseTo(halfMse(w, b), 10);
    }
  });

  it('has its minimum at the least-squares fit, close to the true (2, 3)', () => {
    const [w, b] = linreg.minima[0];
    expect(w).toBeCloseTo(2, 0);
    expect(b).toBeCloseTo(3, 0);
    const g = new Float64Array(2);
    objective.gradient(Float64Array.of(w, b), g);
    expect(Math.abs(g[0]) + Math.abs(g[1])).toBeLessThan(1e-9);
    expect(linreg.minValue).toBeCloseTo(halfMse(w, b), 12);
    expect(halfMse(w + 0.01, b)).toBeGreaterThan(linreg.minValue!);
  });
});

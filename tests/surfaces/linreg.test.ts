/**
 * The linear-regression surface against the data it is built from: the expanded quadratic, its
 * coefficients rounded to 4 significant digits, equals MSE/2 computed point by point to within that
 * rounding, and its minimiser is the least-squares fit (near the true (2, 3)) to within it too.
 */
import { describe, expect, it } from 'vitest';
import { LINREG_POINTS, fourDigits, linreg, linregData } from '../../surfaces/linreg.ts';
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

  it('shows every coefficient with 4 significant digits and names its axes w and b', () => {
    expect(linreg.expr).toBe('0.5*(0.3365*x^2 + 1.014*x*y + y^2 - 4.411*x - 8.038*y + 16.55)');
    expect(fourDigits(16.545354003459234)).toBe(16.55);
    expect(fourDigits(0.33650659020984675)).toBe(0.3365);
    expect(linreg.axes).toEqual(['w', 'b']);
  });

  it('equals MSE/2 evaluated point by point, to within the rounding of its coefficients', () => {
    // The constant ½·Syy = ½·16.5454 is printed 16.55: the largest share of the difference.
    for (const [w, b] of [[0, 0], [2, 3], [-1.5, 4.2], [5, -2], [2.1, 2.95]]) {
      expect(Math.abs(objective.value(Float64Array.of(w, b)) - halfMse(w, b))).toBeLessThan(0.01);
    }
    expect(objective.value(Float64Array.of(0, 0)) - halfMse(0, 0)).toBeCloseTo(0.5 * (16.55 - 16.545354003459234), 12);
  });

  it('has its minimum at its own stationary point, within 0.001 of the least-squares fit near (2, 3)', () => {
    const [w, b] = linreg.minima[0];
    const g = new Float64Array(2);
    objective.gradient(Float64Array.of(w, b), g);
    expect(Math.abs(g[0]) + Math.abs(g[1])).toBeLessThan(1e-9);
    expect(linreg.minValue).toBeCloseTo(objective.value(Float64Array.of(w, b)), 12);
    // The exact least-squares fit (normal equations on the data): 2.11280, 2.94797.
    expect(w).toBeCloseTo(2.1128, 3);
    expect(b).toBeCloseTo(2.9478, 3);
    expect(Math.abs(linreg.minValue! - halfMse(w, b))).toBeLessThan(0.004);
  });
});

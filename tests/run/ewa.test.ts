/** Exponentially weighted averages against series worked by hand. */
import { describe, expect, it } from 'vitest';
import { demoTemperatures, ewa } from '../../src/run/ewa.ts';

describe('ewa', () => {
  const theta = [10, 20, 30];
  it('β = 0.9 without correction: v = 1, 2.9, 5.61', () => {
    // v1 = 0.1·10 = 1; v2 = 0.9·1 + 0.1·20 = 2.9; v3 = 0.9·2.9 + 0.1·30 = 2.61 + 3 = 5.61
    const v = ewa(theta, 0.9, false);
    expect(v[0]).toBeCloseTo(1, 14);
    expect(v[1]).toBeCloseTo(2.9, 14);
    expect(v[2]).toBeCloseTo(5.61, 14);
  });
  it('β = 0.9 with correction: 1/0.1 = 10, 2.9/0.19 = 15.263…, 5.61/0.271 = 20.701…', () => {
    const v = ewa(theta, 0.9, true);
    expect(v[0]).toBeCloseTo(10, 12);
    expect(v[1]).toBeCloseTo(2.9 / 0.19, 12); // 15.2631578…
    expect(v[1]).toBeCloseTo(15.263158, 6);
    expect(v[2]).toBeCloseTo(5.61 / 0.271, 12); // 20.7011070…
    expect(v[2]).toBeCloseTo(20.701107, 6);
  });
  it('β = 0.98: the first uncorrected value is 0.02·θ₁, the corrected one θ₁ itself', () => {
    // The course's example: θ₁ = 40 °F, v₁ = 0.02·40 = 0.8, v₂ = 0.98·0.8 + 0.02·θ₂ = 0.0196·θ₁ + 0.02·θ₂
    const v = ewa([40, 50], 0.98, false);
    expect(v[0]).toBeCloseTo(0.8, 14);
    expect(v[1]).toBeCloseTo(0.0196 * 40 + 0.02 * 50, 14);
    const c = ewa([40, 50], 0.98, true);
    expect(c[0]).toBeCloseTo(40, 12);
    expect(c[1]).toBeCloseTo((0.0196 * 40 + 0.02 * 50) / 0.0396, 12);
  });
  it('a constant series: the corrected average is the constant from t = 1, the uncorrected one c·(1 − β^t)', () => {
    const c = ewa(new Array(50).fill(3), 0.98, true);
    for (const v of c) expect(v).toBeCloseTo(3, 12);
    const u = ewa(new Array(50).fill(3), 0.98, false);
    expect(u[49]).toBeCloseTo(3 * (1 - 0.98 ** 50), 12);
  });
  it('the demo series is seeded: the same seed gives the same year, another seed another', () => {
    const a = demoTemperatures();
    expect(a).toHaveLength(365);
    expect(demoTemperatures()).toEqual(a);
    expect(demoTemperatures(8)[0]).not.toBe(a[0]);
    // Winter near 35 °F, summer near 75 °F on average.
    const mean = (from: number, to: number) => a.slice(from, to).reduce((s, v) => s + v, 0) / (to - from);
    expect(mean(0, 30)).toBeLessThan(42);
    expect(mean(165, 200)).toBeGreaterThan(68);
  });
});

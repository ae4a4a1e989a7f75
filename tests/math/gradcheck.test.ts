import { describe, expect, it } from 'vitest';
import { gradcheck, gradientAgrees, relativeError } from '../../src/math/gradcheck.ts';
import type { Objective } from '../../src/math/objective.ts';
import type { Vec } from '../../src/math/vector.ts';

/** f(p) = Σ i·p_i³ in n dimensions, ∂f/∂p_i = 3i·p_i², optionally with a planted error in coordinate k. */
function cubic(n: number, wrongAt = -1): Objective {
  return {
    dim: n,
    value(p: Vec) {
      let s = 0;
      for (let i = 0; i < n; i++) s += (i + 1) * p[i] ** 3;
      return s;
    },
    gradient(p: Vec, g: Vec) {
      for (let i = 0; i < n; i++) g[i] = 3 * (i + 1) * p[i] ** 2 + (i === wrongAt ? 1e-3 : 0);
      return this.value(p);
    },
  };
}

describe('relativeError', () => {
  it('is ‖a − b‖ / (‖a‖ + ‖b‖): (3,4) vs (3,0) gives 4 / (5 + 3) = 0.5', () => {
    expect(relativeError([3, 4], [3, 0])).toBe(0.5);
  });
  it('is 0 when both vectors are zero and 1 when exactly one is', () => {
    expect(relativeError([0, 0], [0, 0])).toBe(0);
    expect(relativeError([0, 0], [1e-12, 0])).toBe(1);
  });
  it('is NaN when a component is not finite', () => {
    expect(relativeError([Infinity, 0], [1, 0])).toBeNaN();
  });
});

describe('gradcheck', () => {
  it('accepts a correct gradient in 5 dimensions, with the step scaled to large coordinates', () => {
    const report = gradcheck(cubic(5), [0.5, -1.5, 2, 300, -0.01]);
    // f = 0.125 − 2·3.375 + 3·8 + 4·27e6 − 5·1e-6
    expect(report.value).toBeCloseTo(0.125 - 6.75 + 24 + 108e6 - 5e-6, 6);
    // ∇ = (3·1·0.25, 3·2·2.25, 3·3·4, 3·4·90000, 3·5·1e-4)
    expect(Array.from(report.analytic)).toEqual([0.75, 13.5, 36, 1080000, 0.0015]);
    expect(report.relativeError).toBeLessThan(1e-9);
    expect(gradientAgrees(report)).toBe(true);
  });

  it('flags a gradient that is off by 1e-3 in one coordinate', () => {
    const report = gradcheck(cubic(3, 1), [0.2, 0.1, 0.3]);
    // true ∇ = (0.12, 0.06, 0.81); the planted error makes ∂₂ 0.061: relative error ≈ 1e-3/1.64
    expect(report.relativeError).toBeGreaterThan(5e-4);
    expect(gradientAgrees(report)).toBe(false);
  });

  it('accepts a vanishing gradient by its absolute error (relative error is 1 there)', () => {
    const report = gradcheck(cubic(2), [0, 0]);
    expect(Array.from(report.analytic)).toEqual([0, 0]);
    expect(report.relativeError).toBe(1); // numeric ∂ = i·h² ≠ 0
    expect(report.absoluteError).toBeLessThan(1e-9);
    expect(gradientAgrees(report)).toBe(true);
  });

  it('probes a Float32Array point in Float32 and divides by the step actually stored', () => {
    const seen: string[] = [];
    const o = cubic(2);
    const probe: Objective = {
      dim: 2,
      value: (p) => (seen.push(p.constructor.name), o.value(p)),
      gradient: (p, g) => (seen.push(p.constructor.name), o.gradient(p, g)),
    };
    const report = gradcheck(probe, new Float32Array([0.7, -0.4]), 1e-2);
    expect(new Set(seen)).toEqual(new Set(['Float32Array']));
    expect(report.relativeError).toBeLessThan(1e-3);
  });

  it('refuses a point of the wrong dimension', () => {
    expect(() => gradcheck(cubic(3), [1, 2])).toThrow('gradcheck: point has 2 coordinates, objective has 3');
  });
});

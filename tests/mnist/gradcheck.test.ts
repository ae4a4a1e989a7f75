import { describe, expect, it } from 'vitest';
import { gradientCheck, relativeDifference, smallCheckConfig } from '../../src/mnist/gradcheck.ts';
import { ACTIVATION_IDS } from '../../src/mnist/activations.ts';
import { DEFAULT_MLP, type MlpConfig } from '../../src/mnist/layout.ts';

// Float64 central differences on the real network code; the course's bar for "excellent" is 1e-7.
const small = (over: Partial<MlpConfig>): MlpConfig => ({ sizes: [7, 5, 4, 3], activations: ['sigmoid', 'tanh'], batchNorm: false, keepProb: 1, l2: 0, ...over });

describe('gradient check of the MLP backprop (float64)', () => {
  for (const act of ACTIVATION_IDS) {
    it(`${act} hidden layers, L2 and batch norm off/on`, () => {
      for (const batchNorm of [false, true]) {
        for (const l2 of [0, 0.7]) {
          const r = gradientCheck(small({ activations: [act, act], batchNorm, l2 }), { seed: 3 });
          expect(r.relativeDifference).toBeLessThan(1e-7);
          expect(r.analytic.some((g) => Math.abs(g) > 1e-3)).toBe(true);
        }
      }
    });
  }

  it('the textbook network shape (sigmoid, tanh) with batch norm and L2, shrunk to a checkable width', () => {
    const r = gradientCheck(smallCheckConfig({ ...DEFAULT_MLP, batchNorm: true, l2: 0.1 }), { seed: 11, rows: 4 });
    expect(r.analytic.length).toBe(8 * 8 + 8 * 2 + 8 * 8 + 8 * 2 + 8 * 10 + 10);
    expect(r.relativeDifference).toBeLessThan(1e-7);
  });

  it('no hidden layer (softmax regression) and three hidden layers', () => {
    expect(gradientCheck(small({ sizes: [6, 4], activations: [] }), { seed: 1 }).relativeDifference).toBeLessThan(1e-7);
    const deep = small({ sizes: [5, 4, 4, 4, 3], activations: ['relu', 'tanh', 'sigmoid'], batchNorm: true, l2: 0.2 });
    expect(gradientCheck(deep, { seed: 2 }).relativeDifference).toBeLessThan(1e-7);
  });

  it('detects a wrong gradient: one entry off by 10 % of the norm gives a large difference', () => {
    const r = gradientCheck(small({}), { seed: 4 });
    const wrong = r.analytic.slice();
    const norm = Math.hypot(...wrong);
    wrong[3] += 0.1 * norm;
    expect(relativeDifference(wrong, r.numeric)).toBeGreaterThan(1e-2);
  });
});

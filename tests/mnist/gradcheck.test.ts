import { describe, expect, it } from 'vitest';
import { MIN_PER_BLOCK, gradientCheck, relativeDifference, sampleParams } from '../../src/mnist/gradcheck.ts';
import { ACTIVATION_IDS } from '../../src/mnist/activations.ts';
import { DEFAULT_MLP, paramLayout, type MlpConfig } from '../../src/mnist/layout.ts';
import { createTsBackend64 } from '../../src/mnist/kernels/ts.ts';
import type { Backend } from '../../src/mnist/backend.ts';
import { createRng } from '../../src/run/random.ts';

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

  it('the textbook network itself, 784-64-16-10: 300 sampled parameters in every layer agree to < 1e-7', () => {
    const r = gradientCheck(DEFAULT_MLP, { seed: 11, sample: 300 });
    expect(r.total).toBe(784 * 64 + 64 + 64 * 16 + 16 + 16 * 10 + 10);
    // In proportion to size (layer 1's 50,176 weights: round(300 · 50,176 / 51,450) = 293), at least 4 of each block.
    const layout = paramLayout(DEFAULT_MLP);
    const inLayer = (l: number) => Array.from(r.indices).filter((i) => i >= layout.layers[l].w && i < layout.layers[l].w + layout.layers[l].nIn * layout.layers[l].nOut + layout.layers[l].nOut);
    expect(r.perLayer).toEqual([293 + 4, 6 + 4, 4 + 4]);
    expect(r.perLayer.map((_, l) => inLayer(l).length)).toEqual(r.perLayer);
    for (const s of layout.layers) expect(Array.from(r.indices).filter((i) => i >= s.b && i < s.b + s.nOut)).toHaveLength(MIN_PER_BLOCK);
    expect(new Set(r.indices).size).toBe(r.indices.length);
    expect(r.analytic.some((g) => Math.abs(g) > 1e-3)).toBe(true);
    expect(r.relativeDifference).toBeLessThan(1e-7);
  });

  it('with batch norm and L2 on the full-width network, γ and β are sampled too', () => {
    const config = { ...DEFAULT_MLP, batchNorm: true, l2: 0.1 };
    const r = gradientCheck(config, { seed: 5, sample: 200, rows: 4 });
    const layout = paramLayout(config);
    for (const s of layout.layers.slice(0, 2)) {
      expect(Array.from(r.indices).filter((i) => i >= s.gamma && i < s.gamma + s.nOut)).toHaveLength(MIN_PER_BLOCK);
      expect(Array.from(r.indices).filter((i) => i >= s.beta && i < s.beta + s.nOut)).toHaveLength(MIN_PER_BLOCK);
    }
    expect(r.relativeDifference).toBeLessThan(1e-7);
  });

  it('reports a large difference when the backprop is deliberately wrong (weight gradients 10 % too large)', () => {
    const real = createTsBackend64();
    const broken: Backend<Float64Array> = {
      ...real,
      dense: {
        ...real.dense,
        gradParams(X, dY, dW, dB, batch, nIn, nOut) {
          real.dense.gradParams(X, dY, dW, dB, batch, nIn, nOut);
          for (let i = 0; i < dW.length; i++) dW[i] *= 1.1;
        },
      },
    };
    const r = gradientCheck(DEFAULT_MLP, { seed: 11, sample: 300, backend: broken });
    // About 0.1 / 2.1 of the weights' share of the norm: far above the course's 1e-2.
    expect(r.relativeDifference).toBeGreaterThan(1e-2);
  });

  it('samples every parameter when asked for as many as the network has', () => {
    const layout = paramLayout({ ...DEFAULT_MLP, sizes: [5, 3, 2] });
    const { indices, perLayer } = sampleParams(layout, layout.size, createRng(1));
    expect(Array.from(indices)).toEqual(Array.from({ length: layout.size }, (_, i) => i));
    expect(perLayer).toEqual([18, 8]);
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

import { describe, expect, it } from 'vitest';
import { readMnistFiles } from '../../src/mnist/load-node.ts';
import { splitMnist } from '../../src/mnist/dataset.ts';
import { findLearningRate } from '../../src/mnist/lr-finder.ts';
import { DEFAULT_TRAIN } from '../../src/mnist/train.ts';
import { getOptimizer } from '../../src/optim/index.ts';

describe('learning-rate range test', () => {
  const data = splitMnist(readMnistFiles(), { seed: 1, limit: 3000, validation: 500 });

  it('grows the rate exponentially from min to max, and suggests a rate below the blow-up', () => {
    const r = findLearningRate(data, { ...DEFAULT_TRAIN, batchSize: 32 }, getOptimizer('sgd'), { lr: 0.2 }, { minLr: 1e-3, maxLr: 100, steps: 161 });
    // η_t = 1e-3 · (1e5)^(t/160): one decade every 32 updates.
    expect(r.lrs[0]).toBeCloseTo(1e-3, 12);
    expect(r.lrs[32]).toBeCloseTo(1e-2, 10);
    expect(r.lrs[64]).toBeCloseTo(1e-1, 9);
    // It stopped early, once the loss blew up (measured: after 123 updates, near η ≈ 3).
    expect(r.lrs.length).toBeLessThan(161);
    // The smoothed loss falls from ≈ ln 10 ≈ 2.30 before it rises again.
    expect(r.smoothed[0]).toBeGreaterThan(2);
    expect(Math.min(...r.smoothed)).toBeLessThan(r.smoothed[0] - 0.3);
    expect(r.suggested).not.toBeNull();
    // Measured: 0.154, near the textbook's 0.2.
    expect(r.suggested!).toBeGreaterThan(0.02);
    expect(r.suggested!).toBeLessThan(1);
  });

  it('refuses an optimizer without a learning rate and bad ranges', () => {
    expect(() => findLearningRate(data, DEFAULT_TRAIN, getOptimizer('adadelta'), { rho: 0.95, eps: 1e-6 })).toThrow(/has no learning rate/);
    expect(() => findLearningRate(data, DEFAULT_TRAIN, getOptimizer('sgd'), { lr: 0.1 }, { minLr: 1, maxLr: 0.1 })).toThrow(/0 < minLr < maxLr/);
  });
});

import { describe, expect, it } from 'vitest';
import { readMnistFiles } from '../../src/mnist/load-node.ts';
import { splitMnist } from '../../src/mnist/dataset.ts';
import { createMlp, initMlp } from '../../src/mnist/mlp.ts';
import { createTsBackend } from '../../src/mnist/kernels/ts.ts';
import { activationHistograms } from '../../src/mnist/activation-histograms.ts';
import { DEFAULT_MLP } from '../../src/mnist/layout.ts';
import type { InitId } from '../../src/mnist/init.ts';
import { createRng } from '../../src/run/random.ts';

describe('activation histograms (the course initialisation experiment)', () => {
  const data = splitMnist(readMnistFiles(), { seed: 1, validation: 500 });
  const histograms = (init: InitId) => {
    const net = createMlp(DEFAULT_MLP, createTsBackend(), 128);
    initMlp(net, init, createRng(1));
    return activationHistograms(net, data.validation, 300, 10);
  };
  const share = (counts: Uint32Array, bins: number[]) => bins.reduce((s, b) => s + counts[b], 0) / counts.reduce((s, c) => s + c, 0);

  it('zeros: every sigmoid unit outputs exactly 0.5 and every tanh unit 0', () => {
    const [sig, tanh] = histograms('zeros');
    expect([sig.lo, sig.hi, tanh.lo, tanh.hi]).toEqual([0, 1, -1, 1]);
    expect(sig.counts[5]).toBe(300 * 64);
    expect(tanh.counts[5]).toBe(300 * 16);
  });

  it('N(0, 1) saturates the sigmoid layer at its ends; Xavier keeps it in the middle', () => {
    const [normal] = histograms('normal');
    const [xavier] = histograms('xavier-uniform');
    expect(share(normal.counts, [0, 9])).toBeGreaterThan(0.5);
    expect(share(xavier.counts, [0, 9])).toBeLessThan(0.05);
    expect(share(xavier.counts, [3, 4, 5, 6])).toBeGreaterThan(0.8);
  });
});

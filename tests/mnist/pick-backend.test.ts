/**
 * The backend rule the browser's workers and `cli mnist` share (src/mnist/browser/pick-backend.ts): auto
 * picks WebAssembly SIMD where the runtime has it (Node 20 does), with its memory sized from the run's
 * configuration, so the widest network the form accepts trains there too (tests/mnist/wasm-arena.test.ts
 * covers the caps); an explicit ts choice stays on TypeScript.
 */
import { describe, expect, it } from 'vitest';
import { pickBackend, trainerOn } from '../../src/mnist/browser/pick-backend.ts';
import type { MnistSplit } from '../../src/mnist/dataset.ts';
import { DEFAULT_TRAIN, type TrainConfig } from '../../src/mnist/train.ts';
import { getOptimizer } from '../../src/optim/index.ts';

// Eight synthetic 28×28 digits: four to train, two to validate, two to test.
const pixels = Uint8Array.from({ length: 8 * 784 }, (_, i) => (i * 37) % 256);
const labels = Uint8Array.of(0, 1, 2, 3, 4, 5, 6, 7);
const set = (...indices: number[]) => ({ pixels, labels, features: 784, indices: Uint32Array.from(indices) });
const data: MnistSplit = { train: set(0, 1, 2, 3), validation: set(4, 5), test: set(6, 7) };
const widest: TrainConfig = { ...DEFAULT_TRAIN, batchSize: 2, epochs: 1, mlp: { ...DEFAULT_TRAIN.mlp, sizes: [784, 1024, 1024, 1024, 1024, 10], activations: ['relu', 'relu', 'relu', 'relu'] } };
const small: TrainConfig = { ...DEFAULT_TRAIN, batchSize: 2, epochs: 1 };

describe('pickBackend and trainerOn', () => {
  it('auto and wasm pick WebAssembly SIMD in Node, ts TypeScript', async () => {
    expect((await pickBackend('auto')).name).toBe('wasm-simd');
    expect((await pickBackend('wasm')).name).toBe('wasm-simd');
    expect((await pickBackend('ts')).name).toBe('typescript');
  });

  it('trains the default network on WebAssembly, with no notice', async () => {
    const placed = await trainerOn('auto', data, small, getOptimizer('sgd'), { lr: 0.2 });
    expect(placed.backend.name).toBe('wasm-simd');
    expect(placed.notice).toBeNull();
  });

  it('trains the widest network the form accepts (4 × 1,024) on WebAssembly too, and on TypeScript when asked', async () => {
    const placed = await trainerOn('auto', data, widest, getOptimizer('sgd'), { lr: 0.2 });
    expect(placed.backend.name).toBe('wasm-simd');
    expect(placed.notice).toBeNull();
    expect(placed.trainer.net.params.length).toBe(784 * 1024 + 1024 + 3 * (1024 * 1024 + 1024) + 1024 * 10 + 10);
    const onTs = await trainerOn('ts', data, widest, getOptimizer('sgd'), { lr: 0.2 });
    expect(onTs.backend.name).toBe('typescript');
    expect(onTs.trainer.initialValLoss).toBeCloseTo(placed.trainer.initialValLoss, 4);
  });
});

/**
 * The WebAssembly arena sized from the configuration (src/mnist/kernels/wasm/arena.ts) against the real
 * allocation code: a counting backend runs createMlp (mlp.ts) and every MNIST optimizer's init (Muon's
 * buffers come from the backend) and adds up what they take, rounded as alloc rounds, 16 bytes. At the caps
 * the form, the link and the CLI accept (src/view/mnist-fields.ts), a trainer builds on WebAssembly in Node
 * and trains: the kernels' scratch holds the widest layer.
 */
import { describe, expect, it } from 'vitest';
import { wasmArena } from '../../src/mnist/kernels/wasm/arena.ts';
import { createMlp } from '../../src/mnist/mlp.ts';
import { createTsBackend } from '../../src/mnist/kernels/ts.ts';
import type { KernelBackend } from '../../src/mnist/kernels/types.ts';
import { networkLayout, trainSteps, DEFAULT_TRAIN, type TrainConfig } from '../../src/mnist/train.ts';
import { DEFAULT_MLP, type MlpConfig } from '../../src/mnist/layout.ts';
import { pickBackend, trainerOn } from '../../src/mnist/browser/pick-backend.ts';
import { createSubsetLoss } from '../../src/mnist/landscape/subset-loss.ts';
import { createPlaneLoss, landscapeArena } from '../../src/mnist/landscape/plane-loss.ts';
import type { MnistSplit } from '../../src/mnist/dataset.ts';
import { MNIST_OPTIMIZERS, defaultHyper, getOptimizer } from '../../src/optim/index.ts';
import { LAYER, MAX_HIDDEN_LAYERS } from '../../src/view/mnist-fields.ts';

const MAX_BATCH = 4096;
const aligned = (n: number) => Math.ceil(n / 4) * 4;

/** Floats createMlp plus the hungriest optimizer's init take from a backend (bytes counted as quarter floats). */
function counted(mlp: MlpConfig, batch: number): number {
  let floats = 0;
  const ts = createTsBackend();
  const counting: KernelBackend = {
    ...ts,
    alloc: (n) => ((floats += aligned(n)), new Float32Array(n)),
    allocBytes: (n) => ((floats += aligned(Math.ceil(n / 4))), new Uint8Array(n)),
    scaleBytes: () => {},
  };
  const net = createMlp(mlp, counting, batch);
  const network = floats;
  let optimizers = 0;
  for (const optimizer of MNIST_OPTIMIZERS) {
    floats = 0;
    optimizer.init(net.params, networkLayout(net));
    optimizers = Math.max(optimizers, floats);
  }
  return network + optimizers;
}

const widest = (extra: Partial<MlpConfig> = {}): MlpConfig => ({
  ...DEFAULT_MLP,
  sizes: [784, ...Array(MAX_HIDDEN_LAYERS).fill(LAYER.max), 10],
  activations: Array(MAX_HIDDEN_LAYERS).fill('relu'),
  ...extra,
});

describe('wasmArena', () => {
  it('is what the network and the optimizers allocate, exactly, from the default net to the caps', () => {
    expect(LAYER.max).toBe(1024);
    expect(MAX_HIDDEN_LAYERS).toBe(4);
    for (const [mlp, batch] of [
      [DEFAULT_MLP, 128],
      [{ ...DEFAULT_MLP, batchNorm: true, keepProb: 0.8 }, 3],
      [{ ...DEFAULT_MLP, sizes: [784, 10], activations: [] }, 1],
      [widest(), MAX_BATCH],
      [widest({ batchNorm: true, keepProb: 0.5 }), MAX_BATCH],
    ] as [MlpConfig, number][]) {
      expect(wasmArena(mlp, batch).floats, `${mlp.sizes.join('-')} at ${batch}`).toBe(counted(mlp, batch));
    }
  });

  it('gives the default net at batch 128 a tenth of the old fixed 4 M + 2 M floats', () => {
    const { floats, scratchFloats } = wasmArena(DEFAULT_MLP, 128);
    // Wᵀ of 784×64 = 50,176 and gradParams' two non-zero lists of up to 128·784 = 100,352 each.
    expect(scratchFloats).toBe(50_176 + 132 + 788 + 2 * 100_352 + 4);
    expect(floats + scratchFloats).toBeLessThan(0.1 * 6 * 2 ** 20);
  });

  it('keeps the largest accepted configuration within one 2 GiB memory (every smaller one needs less)', () => {
    const { floats, scratchFloats } = wasmArena(widest({ batchNorm: true, keepProb: 0.5 }), MAX_BATCH);
    expect((floats + scratchFloats) * 4).toBeLessThan(2 ** 31 - 65536);
    expect((floats + scratchFloats) * 4).toBeGreaterThan(2 ** 29);
  });
});

describe('a trainer at the caps', () => {
  // Six synthetic digits, four of them to train, about a fifth of their pixels lit, as in MNIST.
  const pixels = Uint8Array.from({ length: 6 * 784 }, (_, i) => (i % 5 === 0 ? (i * 37) % 256 : 0));
  const labels = Uint8Array.of(0, 1, 2, 3, 4, 5);
  const set = (...indices: number[]) => ({ pixels, labels, features: 784, indices: Uint32Array.from(indices) });
  const data: MnistSplit = { train: set(0, 1, 2, 3), validation: set(4), test: set(5) };

  it('builds on WebAssembly, with no notice, and trains (4 × 1,024, batch norm, dropout, batch 4,096, Muon)', async () => {
    const config: TrainConfig = { ...DEFAULT_TRAIN, batchSize: MAX_BATCH, epochs: 1, mlp: widest({ batchNorm: true, keepProb: 0.5 }) };
    const placed = await trainerOn('auto', data, config, getOptimizer('muon'), defaultHyper(getOptimizer('muon')));
    expect(placed.backend.name).toBe('wasm-simd');
    expect(placed.notice).toBeNull();
    expect(trainSteps(placed.trainer, 1)).toBe(1);
    expect(Number.isFinite(placed.trainer.batchLosses[0])).toBe(true);
  });

  it("sizes the loss landscape's evaluating network the same way: at the caps the subset and the plane evaluate on WebAssembly", async () => {
    const mlp = widest();
    const backend = await pickBackend('wasm', landscapeArena(mlp, 1));
    expect(backend.name).toBe('wasm-simd');
    const subset = createSubsetLoss(mlp, backend, data.validation, 1);
    const zero = new Float32Array(subset.params.length);
    const flat = new Float64Array(subset.params.length);
    const planeLoss = createPlaneLoss(subset, { origin: zero, d1: flat, d2: flat });
    // All-zero weights give every class the same score: the loss is ln 10, on the plane as directly.
    expect(subset.lossAt(zero)).toBeCloseTo(Math.log(10), 5);
    expect(planeLoss(0.5, -0.5)).toBeCloseTo(Math.log(10), 5);
  });
});

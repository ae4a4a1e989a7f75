/**
 * The Landscape panel sends its worker only the images it evaluates (subset-images.ts), not the MNIST files:
 * the landscape over them must be bit for bit the one the worker computed before from the whole files
 * (splitMnist(files, { seed, limit }).validation), on both kernel backends.
 */
import { describe, expect, it } from 'vitest';
import { readMnistFiles } from '../../src/mnist/load-node.ts';
import { splitMnist, type DigitSet } from '../../src/mnist/dataset.ts';
import { createTrainer, DEFAULT_TRAIN, type TrainConfig } from '../../src/mnist/train.ts';
import { paramLayout } from '../../src/mnist/layout.ts';
import { createTsBackend } from '../../src/mnist/kernels/ts.ts';
import { getOptimizer } from '../../src/optim/index.ts';
import { pickBackend } from '../../src/mnist/browser/pick-backend.ts';
import { checkpointEvery, trainRecording } from '../../src/mnist/landscape/checkpoints.ts';
import { createSubsetLoss } from '../../src/mnist/landscape/subset-loss.ts';
import { landscapeArena } from '../../src/mnist/landscape/plane-loss.ts';
import { landscapeImages, packSubset, subsetBuffers } from '../../src/mnist/landscape/subset-images.ts';
import { createLandscapeJob, runLandscape, type DirectionsKind, type LandscapeResult } from '../../src/mnist/landscape/landscape.ts';
import type { KernelBackend } from '../../src/mnist/kernels/types.ts';
import type { Hyper } from '../../src/optim/types.ts';

const files = readMnistFiles();
const SEED = 7;
const LIMIT = 400;
const SUBSET = 1000;
const config: TrainConfig = { ...DEFAULT_TRAIN, seed: SEED, epochs: 1, batchSize: 40 };
const data = splitMnist(files, { seed: SEED, limit: LIMIT });
const runs = (['sgd', 'adam'] as const).map((id) => {
  const hyper: Hyper = id === 'sgd' ? { lr: 0.2 } : { lr: 0.003, beta1: 0.9, beta2: 0.999, eps: 1e-8 };
  const tr = createTrainer(data, config, getOptimizer(id), hyper);
  return { entrant: id, optimizer: id, checkpoints: trainRecording(tr, checkpointEvery(tr.totalSteps, tr.net.params.length, 2)) };
});

function landscape(backend: KernelBackend, images: DigitSet, directions: DirectionsKind): LandscapeResult {
  const subset = createSubsetLoss(config.mlp, backend, images, SUBSET);
  return runLandscape(createLandscapeJob({ layout: paramLayout(config.mlp), runs, directions, grid: 5, seed: SEED, center: 1 }, subset));
}

/** Every number of a result as its bytes, so equal means bit for bit (NaN payloads and −0 included). */
function bits(r: LandscapeResult): string {
  const numbers = [...r.loss, r.center.loss, ...r.runs.flatMap((run) => run.path.flat()), ...r.line.flatMap((l) => [...l.loss]), ...r.axes.alpha, ...r.axes.beta];
  return Buffer.from(Float64Array.from(numbers).buffer).toString('hex');
}

describe('the landscape worker gets only the images it evaluates', () => {
  // What the panel sends, as the worker receives it (structured clone with the buffers transferred).
  const sent = landscapeImages(files, SEED, SUBSET);
  const buffers = subsetBuffers(sent);
  const received = structuredClone(sent, { transfer: buffers });

  it('packs the first images of the seeded validation split: the same bytes and labels, in order, and nothing else', () => {
    expect(buffers.every((b) => b.byteLength === 0)).toBe(true); // transferred, not copied
    const old = data.validation;
    expect(received.features).toBe(784);
    expect(received.pixels.length).toBe(SUBSET * 784);
    expect(received.labels.length).toBe(SUBSET);
    expect(Array.from(received.indices)).toEqual(Array.from({ length: SUBSET }, (_, k) => k));
    for (let k = 0; k < SUBSET; k++) {
      const image = old.indices[k];
      expect(received.labels[k]).toBe(old.labels[image]);
      expect(Buffer.compare(received.pixels.subarray(k * 784, (k + 1) * 784), old.pixels.subarray(image * 784, (image + 1) * 784))).toBe(0);
    }
    // The validation split does not depend on the training limit, so neither do the packed images.
    expect(Buffer.compare(packSubset(splitMnist(files, { seed: SEED }).validation, SUBSET).pixels, received.pixels)).toBe(0);
    // Another seed, another split.
    expect(Buffer.compare(landscapeImages(files, SEED + 1, SUBSET).pixels, received.pixels)).not.toBe(0);
    expect(() => packSubset(old, old.indices.length + 1)).toThrow(/whole number from 1 to the 5000 validation images/);
  });

  it('gives a landscape bit for bit equal to the one over the whole files, on TypeScript and WebAssembly', async () => {
    for (const directions of ['pca', 'random'] as const) {
      expect(bits(landscape(createTsBackend(), received, directions))).toBe(bits(landscape(createTsBackend(), data.validation, directions)));
    }
    const wasm = async () => pickBackend('wasm', landscapeArena(config.mlp, SUBSET));
    const a = await wasm();
    const b = await wasm();
    expect(a.name).toBe('wasm-simd');
    expect(bits(landscape(a, received, 'pca'))).toBe(bits(landscape(b, data.validation, 'pca')));
  });
});

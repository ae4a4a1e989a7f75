import { describe, expect, it } from 'vitest';
import { readMnistFiles } from '../../src/mnist/load-node.ts';
import { compactSet, imageBytes, splitIndices, splitMnist, type MnistSplit } from '../../src/mnist/dataset.ts';
import { parseIdxImages, parseIdxLabels } from '../../src/mnist/idx.ts';
import { ExampleWindows, WINDOW_EXAMPLES, type ExampleLoad } from '../../src/mnist/example-windows.ts';
import { createTrainer, DEFAULT_TRAIN, needsRecalibration, readyForEvaluation, recalibrationExamples, trainSteps, type TrainConfig, type Trainer } from '../../src/mnist/train.ts';
import { evaluate } from '../../src/mnist/evaluate.ts';
import { getOptimizer, resolveHyper } from '../../src/optim/index.ts';
import type { OptimizerId } from '../../src/optim/types.ts';

const files = readMnistFiles();
const pixels = parseIdxImages(files.trainImages).pixels;
const fileLabels = parseIdxLabels(files.trainLabels);

/** A trainer on windows, as the worker builds it: validation compacted (as the tab sends it), test whole. */
function streamed(split: MnistSplit, config: TrainConfig, id: OptimizerId): { tr: Trainer; windows: ExampleWindows } {
  const optimizer = getOptimizer(id);
  const n = split.train.indices.length;
  const windows = new ExampleWindows(split.train.indices, fileLabels, 784, config.batchSize, recalibrationExamples(optimizer, config, n));
  const tr = createTrainer({ train: windows.set, validation: compactSet(split.validation), test: split.test }, config, optimizer, resolveHyper(optimizer));
  windows.attach(tr);
  return { tr, windows };
}

/** Answers every load the windows ask for, as the tab does (the bytes of the file's images). */
function serve(windows: ExampleWindows, load: ExampleLoad): void {
  windows.fill(load, imageBytes(pixels, windows.imagesOf(load), 784));
}

/** Trains on windows to the end, loading only when the next update is not ready (the slowest tab), as the worker does. */
function trainStreamed(tr: Trainer, windows: ExampleWindows): { loads: number } {
  let loads = 0;
  while (!tr.done) {
    let load: ExampleLoad | null;
    while (!windows.ready() && (load = windows.next())) {
      serve(windows, load);
      loads++;
    }
    expect(windows.ready()).toBe(true);
    trainSteps(tr, 1);
  }
  return { loads };
}

describe('training on example windows (a worker without the training images)', () => {
  // 2,450 examples at batch 100: 25 updates per epoch, the last of 50 examples; windows of 10 updates.
  const split = splitMnist(files, { seed: 4, limit: 2450 });
  const config: TrainConfig = { ...DEFAULT_TRAIN, batchSize: 100, epochs: 2 };

  it('splits the file exactly as splitMnist does, without its images', () => {
    const s = splitIndices(60000, { seed: 4, limit: 2450 });
    expect(s.train).toEqual(split.train.indices);
    expect(s.validation).toEqual(split.validation.indices);
    const image = (i: number) => [...pixels.subarray(i * 784, i * 784 + 784)];
    expect([...imageBytes(pixels, s.train.subarray(0, 2), 784)]).toEqual([...image(s.train[0]), ...image(s.train[1])]);
    expect(() => imageBytes(pixels, new Uint32Array([60000]), 784)).toThrow('image 60000 is outside the file (60000 images)');
  });

  it.each(['sgd', 'adam'] as const)('%s trains bit-identically to the whole set in memory, with 3 windows an epoch', (id) => {
    const reference = createTrainer(split, config, getOptimizer(id), resolveHyper(getOptimizer(id)));
    while (!reference.done) trainSteps(reference, 7);
    const { tr, windows } = streamed(split, config, id);
    expect(windows.windowSteps).toBe(Math.floor(WINDOW_EXAMPLES / 100));
    const { loads } = trainStreamed(tr, windows);
    // 3 windows (10 + 10 + 5 updates) in each of 2 epochs.
    expect(loads).toBe(6);
    expect(tr.initialValLoss).toBe(reference.initialValLoss);
    expect(Array.from(tr.batchLosses)).toEqual(Array.from(reference.batchLosses));
    expect(tr.epochs.map(({ seconds: _, ...e }) => e)).toEqual(reference.epochs.map(({ seconds: _, ...e }) => e));
    expect(tr.net.params).toEqual(reference.net.params);
    expect(tr.testAccuracy).toBe(reference.testAccuracy);
    // The training accuracy over every example, a pass of windows at a time, equals one evaluation of the whole set.
    let correct = 0;
    for (const load of windows.passLoads()) {
      serve(windows, load);
      correct += Math.round(evaluate(tr.net, windows.set, load.examples).accuracy * load.examples.length);
    }
    expect(correct / 2450).toBe(evaluate(reference.net, split.train).accuracy);
  });

  it('holds the next window ready while the current one trains (double buffering), and never lets an update start on a missing one', () => {
    const { tr, windows } = streamed(split, config, 'sgd');
    expect(windows.ready()).toBe(false);
    const first = windows.next()!;
    expect([first.from, first.to, first.region]).toEqual([0, 10, 0]);
    expect(windows.next()).toBeNull(); // one load at a time
    serve(windows, first);
    expect(windows.ready()).toBe(true);
    const second = windows.next()!;
    expect([second.from, second.to, second.region]).toEqual([10, 20, 1]);
    trainSteps(tr, 10);
    expect(windows.ready()).toBe(false); // update 10 waits for its window
    serve(windows, second);
    expect(windows.ready()).toBe(true);
    const third = windows.next()!;
    expect([third.epoch, third.from, third.to, third.region]).toEqual([0, 20, 25, 0]);
    serve(windows, third);
    expect(windows.next()).toBeNull(); // the next epoch's order is not drawn before its first update
    trainSteps(tr, 15);
    expect(tr.epochs.length).toBe(1);
    expect(windows.ready()).toBe(false);
    const next = windows.next()!;
    expect([next.epoch, next.from, next.to]).toEqual([1, 0, 10]);
    // The bytes placed are the file's images of the examples at those positions of the new order.
    serve(windows, next);
    const k = tr.order[3];
    const slot = windows.set.indices[k];
    expect(windows.set.pixels.subarray(slot * 784, slot * 784 + 784)).toEqual(pixels.subarray(split.train.indices[k] * 784, split.train.indices[k] * 784 + 784));
    expect(windows.set.labels[slot]).toBe(fileLabels[split.train.indices[k]]);
    expect(() => windows.fill(windows.next()!, new Uint8Array(3))).toThrow('expected 1000 images of 784 bytes, got 3 bytes');
  });

  it('Schedule-Free SGD with batch norm loads its recalibration batches and trains bit-identically, stopped mid-epoch too', () => {
    const bn: TrainConfig = { ...config, mlp: { ...config.mlp, batchNorm: true } };
    const sf = getOptimizer('sfsgd');
    expect(recalibrationExamples(sf, bn, 2450)).toBe(2450);
    expect(recalibrationExamples(sf, { ...bn, batchSize: 10 }, 2450)).toBe(500);
    expect(recalibrationExamples(getOptimizer('sgd'), bn, 2450)).toBe(0);
    const reference = createTrainer(split, bn, sf, resolveHyper(sf));
    while (!reference.done) trainSteps(reference, 5);
    const { tr, windows } = streamed(split, bn, 'sfsgd');
    const { loads } = trainStreamed(tr, windows);
    expect(loads).toBe(8); // 3 windows and the recalibration batches, each epoch
    expect(Array.from(tr.batchLosses)).toEqual(Array.from(reference.batchLosses));
    expect(tr.epochs.map((e) => e.valLoss)).toEqual(reference.epochs.map((e) => e.valLoss));
    expect(tr.net.params).toEqual(reference.net.params);

    // Stopped after 13 updates: the last recalibration reads the current order's first batches.
    const stoppedRef = createTrainer(split, bn, sf, resolveHyper(sf));
    trainSteps(stoppedRef, 13);
    readyForEvaluation(stoppedRef);
    const s = streamed(split, bn, 'sfsgd');
    while (s.tr.iteration < 13) {
      let load: ExampleLoad | null;
      while (!s.windows.ready() && (load = s.windows.next())) serve(s.windows, load);
      trainSteps(s.tr, 1);
    }
    expect(needsRecalibration(s.tr)).toBe(true);
    serve(s.windows, s.windows.recalibrationLoad());
    readyForEvaluation(s.tr);
    expect(needsRecalibration(s.tr)).toBe(false);
    expect(s.tr.net.hidden.map((h) => Array.from(h.bn!.runMean))).toEqual(stoppedRef.net.hidden.map((h) => Array.from(h.bn!.runMean)));
  });
});

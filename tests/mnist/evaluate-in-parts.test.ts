import { describe, expect, it } from 'vitest';
import { readMnistFiles } from '../../src/mnist/load-node.ts';
import { imageBytes, splitMnist } from '../../src/mnist/dataset.ts';
import { ExampleWindows } from '../../src/mnist/example-windows.ts';
import { createEvaluationDetail, evaluate, evaluateInParts } from '../../src/mnist/evaluate.ts';
import { createTrainer, DEFAULT_TRAIN, readyForEvaluation, trainSteps, type TrainConfig } from '../../src/mnist/train.ts';
import { getOptimizer, resolveHyper } from '../../src/optim/index.ts';

const files = readMnistFiles();
const split = splitMnist(files, { seed: 2, limit: 1200, validation: 1000 });
const test = split.test;

/** Test images [from, to), written into one buffer reused for every part (the worker's lent buffer), as the tab answers. */
function served(size: number): { images: (from: number, to: number) => Promise<Uint8Array>; parts: [number, number][] } {
  const buffer = new Uint8Array(size * 784).fill(255);
  const parts: [number, number][] = [];
  return {
    parts,
    images: async (from, to) => {
      parts.push([from, to]);
      return imageBytes(test.pixels, Uint32Array.from({ length: to - from }, (_, k) => from + k), 784, buffer);
    },
  };
}

describe('the test set evaluated in parts (a worker without the test images)', () => {
  // Batch 96: 10,000 test images are 104 full batches and one of 16; a window is 10 batches (960 examples),
  // so the last part (400 images) ends on the partial batch. Batch 128: a window of 1,024, parts of 8 batches.
  it.each([96, 128])('gives the loss, accuracy, predictions and confusion of one evaluation of the whole set, bit for bit (batch %i)', async (batchSize) => {
    const config: TrainConfig = { ...DEFAULT_TRAIN, batchSize, epochs: 1 };
    const tr = createTrainer(split, config, getOptimizer('adam'), resolveHyper(getOptimizer('adam')));
    trainSteps(tr, 9); // trained a little, so predictions vary
    const whole = createEvaluationDetail(10, 10000);
    const reference = evaluate(tr.net, test, undefined, whole);

    const part = new ExampleWindows(split.train.indices, split.train.labels, 784, batchSize, 0).windowExamples;
    const detail = createEvaluationDetail(10, 10000);
    detail.confusion.fill(7); // counts start from zero, as evaluate's do
    const { images, parts } = served(part);
    const inParts = await evaluateInParts(tr.net, test.labels, 784, part, images, detail);

    expect(parts.length).toBe(Math.ceil(10000 / part));
    expect(parts.at(-1)![1]).toBe(10000);
    expect(Object.is(inParts.loss, reference.loss)).toBe(true);
    expect(inParts.accuracy).toBe(reference.accuracy);
    expect(reference.accuracy).toBeGreaterThan(0.3);
    expect(reference.accuracy).toBeLessThan(0.99);
    expect(detail.predictions).toEqual(whole.predictions);
    expect(detail.confusion).toEqual(whole.confusion);
  });

  it('refuses parts that are not whole batches (their batches, so their loss sums, would differ)', async () => {
    const tr = createTrainer(split, { ...DEFAULT_TRAIN, batchSize: 100, epochs: 1 }, getOptimizer('sgd'), { lr: 0.1 });
    await expect(evaluateInParts(tr.net, test.labels, 784, 150, served(150).images)).rejects.toThrow('a part of 150 examples is not a whole number of batches of 100');
    await expect(evaluateInParts(tr.net, test.labels, 784, 50, served(50).images)).rejects.toThrow('a part of 50 examples is not a whole number of batches of 100');
  });

  it('a trainer without the test set trains the same run and leaves the test accuracy to its caller', async () => {
    // Schedule-Free SGD with batch norm: its last epoch recalibrates the statistics before evaluating.
    const config: TrainConfig = { ...DEFAULT_TRAIN, mlp: { ...DEFAULT_TRAIN.mlp, batchNorm: true }, batchSize: 100, epochs: 2 };
    const sf = getOptimizer('sfsgd');
    const reference = createTrainer(split, config, sf, resolveHyper(sf));
    while (!reference.done) trainSteps(reference, 5);
    const tr = createTrainer({ ...split, test: null }, config, sf, resolveHyper(sf));
    while (!tr.done) trainSteps(tr, 5);
    expect(tr.epochs.map(({ seconds: _, ...e }) => e)).toEqual(reference.epochs.map(({ seconds: _, ...e }) => e));
    expect(tr.net.params).toEqual(reference.net.params);
    expect(reference.testAccuracy).toBeGreaterThan(0.5);
    expect(tr.testAccuracy).toBeNull();
    // What the worker does at the end: ready the network (a no-op: recalibrated at the last epoch), evaluate in parts.
    readyForEvaluation(tr);
    const inParts = await evaluateInParts(tr.net, test.labels, 784, 1000, served(1000).images);
    expect(inParts.accuracy).toBe(reference.testAccuracy);
  });
});

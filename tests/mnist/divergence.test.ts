/**
 * The MNIST divergence rule (src/mnist/divergence.ts) and the trainer applying it (src/mnist/train.ts):
 * a non-finite training loss, or a validation loss that is non-finite or above 10× the validation loss of
 * the initial weights (measured before the first update), ends the run as "diverged at epoch k".
 */
import { describe, expect, it } from 'vitest';
import { readMnistFiles } from '../../src/mnist/load-node.ts';
import { splitMnist } from '../../src/mnist/dataset.ts';
import { createTrainer, trainToEnd, DEFAULT_TRAIN, type TrainConfig } from '../../src/mnist/train.ts';
import { evaluate } from '../../src/mnist/evaluate.ts';
import {
  DIVERGENCE_FACTOR, divergenceDetail, divergenceLabel, trainingLossDiverged, validationLossDiverged, type Divergence,
} from '../../src/mnist/divergence.ts';
import { getOptimizer } from '../../src/optim/index.ts';
import { createWasmBackend } from '../../src/mnist/kernels/wasm/wasm-backend.ts';

describe('the rule', () => {
  it('a training loss diverges when it is not finite', () => {
    expect([NaN, Infinity, -Infinity].map(trainingLossDiverged)).toEqual([true, true, true]);
    expect([0, 2.3, 1e30].map(trainingLossDiverged)).toEqual([false, false, false]);
  });

  it('a validation loss diverges above 10× the initial one, or when it is not finite', () => {
    expect(DIVERGENCE_FACTOR).toBe(10);
    expect(validationLossDiverged(23.01, 2.3)).toBe(true);
    expect(validationLossDiverged(23, 2.3)).toBe(false); // exactly 10× is not above it
    expect(validationLossDiverged(80.7, 2.3)).toBe(true);
    expect(validationLossDiverged(5, 2.3)).toBe(false); // worse than the start, but not blown up
    expect(validationLossDiverged(NaN, 2.3)).toBe(true);
    expect(validationLossDiverged(Infinity, 2.3)).toBe(true);
  });

  it('is worded as "diverged at epoch k", with the reason', () => {
    const v: Divergence = { epoch: 3, iteration: 1290, reason: 'validation-loss', value: 80.66412, initialValLoss: 2.302585 };
    expect(divergenceLabel(v)).toBe('diverged at epoch 3');
    expect(divergenceDetail(v)).toBe('validation loss 80.66 > 10 × initial 2.303');
    const t: Divergence = { epoch: 1, iteration: 6, reason: 'training-loss', value: NaN, initialValLoss: 2.31 };
    expect(divergenceDetail(t)).toBe('training loss NaN at update 6');
  });
});

describe('the trainer', () => {
  const full = readMnistFiles();
  const data = splitMnist(full, { seed: 1, limit: 2000, validation: 1000 });
  const quick: TrainConfig = { ...DEFAULT_TRAIN, epochs: 3, batchSize: 32 };

  it('measures the initial validation loss before the first update (the same for every optimizer)', () => {
    const a = createTrainer(data, quick, getOptimizer('sgd'), { lr: 0.2 });
    const b = createTrainer(data, quick, getOptimizer('adam'), { lr: 0.003, beta1: 0.9, beta2: 0.999, eps: 1e-8 });
    expect(a.iteration).toBe(0);
    expect(a.initialValLoss).toBe(evaluate(a.net, data.validation).loss);
    expect(b.initialValLoss).toBe(a.initialValLoss);
    // Xavier-initialised 784-64-16-10: close to chance, ln 10 ≈ 2.303.
    expect(a.initialValLoss).toBeGreaterThan(2);
    expect(a.initialValLoss).toBeLessThan(2.7);
  });

  it('SGD at lr 10 on the textbook net: finite losses, but validation loss above 10× the initial one: diverged at epoch 1, stopped', async () => {
    // Before this rule, this run showed "done" with validation loss ≈ 80 and ≈ 9 % accuracy.
    const tr = createTrainer(data, quick, getOptimizer('sgd'), { lr: 10 }, { backend: await createWasmBackend() });
    trainToEnd(tr);
    expect(tr.diverged).toBe(true);
    expect(tr.done).toBe(true);
    expect(tr.epochs).toHaveLength(1);
    expect(Number.isFinite(tr.epochs[0].valLoss)).toBe(true);
    expect(tr.epochs[0].valLoss).toBeGreaterThan(10 * tr.initialValLoss);
    expect(tr.divergence).toEqual({
      epoch: 1, iteration: tr.stepsPerEpoch, reason: 'validation-loss', value: tr.epochs[0].valLoss, initialValLoss: tr.initialValLoss,
    });
    expect(tr.testAccuracy).toBeNull();
    expect(tr.target).toBeNull();
  });

  it('a non-finite training loss ends the run in the epoch in progress', async () => {
    // SGD η 10 on a leaky-ReLU 64-64 net with He init overflows within a few updates.
    const config: TrainConfig = { ...quick, init: 'he-normal', mlp: { ...quick.mlp, sizes: [784, 64, 64, 10], activations: ['leaky-relu', 'leaky-relu'] } };
    const tr = createTrainer(data, config, getOptimizer('sgd'), { lr: 10 }, { backend: await createWasmBackend() });
    trainToEnd(tr);
    expect(tr.divergence?.reason).toBe('training-loss');
    expect(tr.divergence?.epoch).toBe(1);
    expect(tr.divergence?.iteration).toBe(tr.iteration);
    expect(Number.isFinite(tr.batchLosses[tr.iteration - 1])).toBe(false);
    expect(tr.epochs).toHaveLength(0);
  });

  it('a run that learns is not marked', () => {
    const tr = trainToEnd(createTrainer(data, { ...quick, epochs: 2 }, getOptimizer('adam'), { lr: 0.003, beta1: 0.9, beta2: 0.999, eps: 1e-8 }));
    expect(tr.diverged).toBe(false);
    expect(tr.divergence).toBeNull();
    expect(tr.epochs.every((e) => e.valLoss < tr.initialValLoss)).toBe(true);
  });
});

/**
 * The 'more' group on the MNIST network: every rule trains on the packed Float32 parameters as it is
 * (its loss falls over a few dozen updates), Schedule-Free SGD ignores the schedule, and its evaluation
 * recomputes the batch-norm running statistics at x (the reported point) rather than at y.
 */
import { describe, expect, it } from 'vitest';
import { readMnistFiles } from '../../src/mnist/load-node.ts';
import { splitMnist, type MnistSplit } from '../../src/mnist/dataset.ts';
import { loadBatch } from '../../src/mnist/mlp.ts';
import { BN_MOMENTUM } from '../../src/mnist/batchnorm.ts';
import { BN_RECALIBRATION_BATCHES, createTrainer, DEFAULT_TRAIN, readyForEvaluation, trainSteps, trainToEnd, type TrainConfig } from '../../src/mnist/train.ts';
import { OPTIMIZERS, defaultHyper, getOptimizer } from '../../src/optim/index.ts';
import type { SfsgdState } from '../../src/optim/sfsgd.ts';
import { parseSchedule } from '../../src/run/schedules.ts';

const full = readMnistFiles();
const subset = (limit: number): MnistSplit => splitMnist(full, { seed: 1, limit, validation: 1000 });
const quick: TrainConfig = { ...DEFAULT_TRAIN, epochs: 2, batchSize: 32 };
const withBatchNorm: TrainConfig = { ...quick, mlp: { ...DEFAULT_TRAIN.mlp, activations: ['relu', 'relu'], batchNorm: true }, init: 'he-normal' };
const mean = (xs: ArrayLike<number>, from: number, to: number) => {
  let s = 0;
  for (let i = from; i < to; i++) s += xs[i];
  return s / (to - from);
};

describe("the 'more' group trains the MNIST network", () => {
  const data = subset(2000);
  // 60 updates of batch 32 at each rule's registry default (the issue's). Measured means of the first and
  // last ten batch losses: AdamW 2.30 → 1.55, NAdam 2.24 → 1.20, AMSGrad (Adam's lr 0.01) 1.93 → 0.59,
  // RAdam 2.46 → 2.24 (its first updates are plain momentum at 0.001), AdaBelief 2.28 → 1.41,
  // Lion (1e-4) 2.44 → 2.19, Schedule-Free SGD (lr 1) 2.28 → 0.84.
  const more = OPTIMIZERS.filter((o) => o.group === 'more');
  it.each(more.map((o) => [o.id, o] as const))('%s: the batch loss falls over 60 updates', (_id, opt) => {
    const tr = createTrainer(data, quick, opt, defaultHyper(opt));
    trainSteps(tr, 60);
    expect(tr.iteration).toBe(60);
    expect(tr.diverged).toBe(false);
    const first = mean(tr.batchLosses, 0, 10);
    const last = mean(tr.batchLosses, 50, 60);
    // From about ln 10 = 2.3 (chance), down by at least 5 %.
    expect(first).toBeGreaterThan(1.5);
    expect(last).toBeLessThan(0.95 * first);
  });
});

describe('Schedule-Free SGD on MNIST', () => {
  it('ignores the learning-rate schedule: the same run with and without one, bit for bit', () => {
    const data = subset(500);
    const sf = getOptimizer('sfsgd');
    const plain = createTrainer(data, quick, sf, { lr: 0.5, beta: 0.9 });
    const sched = createTrainer(data, { ...quick, schedule: parseSchedule('warmup:steps=5+cos:max=30,min=0') }, sf, { lr: 0.5, beta: 0.9 });
    trainSteps(plain, 20);
    trainSteps(sched, 20);
    expect(sched.live.lr).toBe(0.5);
    expect(Array.from(sched.batchLosses.subarray(0, 20))).toEqual(Array.from(plain.batchLosses.subarray(0, 20)));
    expect(Array.from(sched.net.params)).toEqual(Array.from(plain.net.params));
  });

  it('evaluates at x: batch-norm statistics are recomputed there from training batches before each evaluation', () => {
    const data = subset(640); // 20 batches of 32: the 50 recalibration batches wrap around the epoch's order
    const tr = createTrainer(data, withBatchNorm, getOptimizer('sfsgd'), { lr: 0.5, beta: 0.9 });
    trainSteps(tr, 7);
    const state = tr.state as SfsgdState;
    const bn = tr.net.hidden[0].bn!;
    const fromTraining = bn.runMean.slice();
    // x and y differ, so statistics taken at y (what training passes leave) are not x's.
    expect(Array.from(state.y)).not.toEqual(Array.from(tr.net.params));

    readyForEvaluation(tr);
    expect(tr.batchNormAt).toBe(7);
    // Expected by hand: layer 0 has no bias under batch norm, so its batch mean of z = a·Wᵀ at x is
    // μ_j = mean over rows of Σ_i a_ri·W_ji; the running mean after the 50 passes is the EMA
    // r ← 0.9·r + 0.1·μ_b over batches b = 0…49 of the epoch's order, taken cyclically, from r = fromTraining.
    const W = tr.net.layers[0].W;
    const nIn = 784;
    const expected = Float64Array.from(fromTraining);
    const input = tr.net.input;
    const copyOrder = tr.order.slice();
    for (let b = 0; b < BN_RECALIBRATION_BATCHES; b++) {
      const start = (b % tr.stepsPerEpoch) * 32;
      loadBatch(tr.net, data.train, copyOrder, start, 32);
      for (let j = 0; j < expected.length; j++) {
        let sum = 0;
        for (let r = 0; r < 32; r++) for (let i = 0; i < nIn; i++) sum += input[r * nIn + i] * W[j * nIn + i];
        expected[j] = BN_MOMENTUM * expected[j] + (1 - BN_MOMENTUM) * (sum / 32);
      }
    }
    for (let j = 0; j < expected.length; j++) expect(bn.runMean[j]).toBeCloseTo(expected[j], 4);
    expect(Array.from(bn.runMean)).not.toEqual(Array.from(fromTraining));

    // Once per iteration: a second call changes nothing.
    const once = bn.runMean.slice();
    readyForEvaluation(tr);
    expect(Array.from(bn.runMean)).toEqual(Array.from(once));
    // The batch stream is untouched: the next update still loads the epoch's 8th batch.
    trainSteps(tr, 1);
    expect(tr.iteration).toBe(8);
  });

  it('recalibrates at every epoch end and trains to a useful accuracy with batch norm', () => {
    const tr = createTrainer(subset(2000), withBatchNorm, getOptimizer('sfsgd'), { lr: 0.5, beta: 0.9 });
    trainToEnd(tr);
    expect(tr.batchNormAt).toBe(tr.iteration);
    expect(tr.epochs[1].valAccuracy).toBeGreaterThan(0.8);
    expect(tr.testAccuracy).toBeGreaterThan(0.8);
  });

  it('other rules leave the statistics alone', () => {
    const tr = createTrainer(subset(320), withBatchNorm, getOptimizer('adam'), defaultHyper(getOptimizer('adam')));
    trainSteps(tr, 3);
    const before = tr.net.hidden[0].bn!.runMean.slice();
    readyForEvaluation(tr);
    expect(Array.from(tr.net.hidden[0].bn!.runMean)).toEqual(Array.from(before));
    expect(tr.batchNormAt).toBe(-1);
  });
});

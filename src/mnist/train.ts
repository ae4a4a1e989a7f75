/**
 * The training loop, step-wise so a Web Worker can interleave it with pause/stop messages and the CLI
 * can run it straight through.
 *
 * Fairness (design.md): every run built from the same TrainConfig starts from the same initial weights
 * (initialised from the seed) and sees the same mini-batch stream (a seeded reshuffle of the training
 * set at the start of every epoch) and the same dropout masks. Derived seeds: split = seed,
 * init = seed + 1, batches = seed + 2, dropout = seed + 3.
 *
 * Per update t (0-based) in epoch e (0-based): fill the next batch, set hyper.lr to the schedule's
 * rate (optimizers without a learning rate, and Schedule-Free SGD, ignore schedules), optimizer.step on the
 * packed parameters.
 * At each epoch end: validation loss and accuracy in inference mode; at the last epoch the test accuracy
 * is measured, when the test set is in memory (TrainingData.test; a training worker, which asks the tab for
 * the test images, leaves it null, evaluates the test set itself once the run ends, and fills testAccuracy).
 * Before the first update, at creation, the validation loss of the initial weights is measured once
 * (`initialValLoss`): the reference of the divergence rule (divergence.ts). A non-finite training loss,
 * or an epoch-end validation loss that is non-finite or above 10× the initial one, marks the run diverged
 * (`divergence` says at which epoch and why) and ends it.
 * Optimizers learn the network's layer shapes and matrix kernels at init (`networkLayout`): Muon
 * orthogonalises the weight matrices with the backend's products (WebAssembly or TypeScript).
 *
 * Schedule-Free SGD takes its gradients at y but reports x (net.params), so the batch-norm running
 * statistics its training passes leave behind are y's. Before it is evaluated (readyForEvaluation), they
 * are recomputed at x, as the schedule_free README advises: BN_RECALIBRATION_BATCHES training batches
 * (the epoch's order, from its start) run forward at x in training mode, updating the running statistics,
 * without dropout and without touching the batch or dropout streams, so every rule still sees the same
 * batches. Not counted in the training seconds.
 * Times are training seconds (batch preparation + updates), excluding evaluation.
 */
import type { DigitSet, MnistSplit } from './dataset.ts';
import { identityOrder } from './dataset.ts';
import { createMlp, initMlp, loadBatch, mlpOracle, trainMlp, type Mlp } from './mlp.ts';
import { evaluate } from './evaluate.ts';
import { createTsBackend } from './kernels/ts.ts';
import type { KernelBackend } from './kernels/types.ts';
import { matrixKernels } from './kernels/matrix.ts';
import type { InitId } from './init.ts';
import type { MlpConfig } from './layout.ts';
import { DEFAULT_MLP } from './layout.ts';
import { createRng, shuffleInPlace, type Rng } from '../run/random.ts';
import { FIXED, followsSchedule, learningRateAt, type Schedule } from '../run/schedules.ts';
import type { GradientOracle } from '../math/objective.ts';
import type { Hyper, NetworkLayout, Optimizer, OptimizerState } from '../optim/types.ts';
import { trainingLossDiverged, validationLossDiverged, type Divergence } from './divergence.ts';

export interface TrainConfig {
  readonly mlp: MlpConfig;
  readonly init: InitId;
  readonly batchSize: number;
  readonly epochs: number;
  readonly seed: number;
  readonly schedule: Schedule;
  /** Validation accuracy whose first crossing is reported as iterations/seconds to target (e.g. 0.97). */
  readonly targetAccuracy: number;
}

/**
 * The textbook's network and batch, with a budget a first run finishes in seconds and a target both
 * default entrants reach on all 55,000 images: SGD (lr 0.2) first reaches 95 % validation accuracy at
 * epoch 8, Adam (lr 0.003) at epoch 2 (`cli mnist` on these defaults, seed 1; README). 97 % would take
 * SGD 28 epochs (bench/results/mnist-sweep.md).
 */
export const DEFAULT_TRAIN: TrainConfig = {
  mlp: DEFAULT_MLP,
  init: 'xavier-uniform',
  batchSize: 128,
  epochs: 10,
  seed: 1,
  schedule: FIXED,
  targetAccuracy: 0.95,
};

export interface EpochRecord {
  /** 1-based. */
  readonly epoch: number;
  /** Mean training loss over the epoch's batches (weighted by batch size; includes the L2 term). */
  readonly trainLoss: number;
  /** Mean cross-entropy on the validation set, inference mode. */
  readonly valLoss: number;
  readonly valAccuracy: number;
  /** Cumulative training seconds at the end of this epoch. */
  readonly seconds: number;
}

export interface TargetReached {
  readonly epoch: number;
  readonly iterations: number;
  readonly seconds: number;
}

export interface Trainer {
  readonly config: TrainConfig;
  readonly optimizer: Optimizer;
  /** The base hyperparameters; `hyper.lr` in `live` is the scheduled rate of the latest update. */
  readonly hyper: Readonly<Hyper>;
  readonly live: Hyper;
  readonly net: Mlp<Float32Array>;
  readonly state: OptimizerState;
  readonly stepsPerEpoch: number;
  readonly totalSteps: number;
  /** Training loss of every update so far (first `iteration` entries valid). */
  readonly batchLosses: Float32Array;
  readonly epochs: EpochRecord[];
  iteration: number;
  /** Updates done in the current epoch. */
  epochStep: number;
  seconds: number;
  /** Validation loss of the initial weights, measured before the first update. */
  readonly initialValLoss: number;
  diverged: boolean;
  /** Where and why the run diverged (divergence.ts); null while it has not. */
  divergence: Divergence | null;
  done: boolean;
  target: TargetReached | null;
  /** Accuracy on the test set after the last epoch; null before, on divergence, or when data.test is null. */
  testAccuracy: number | null;
  // Internals, kept on the object so nothing is allocated per step.
  readonly data: TrainingData;
  readonly order: Uint32Array;
  readonly batchRng: Rng;
  readonly oracle: GradientOracle;
  readonly validationOrder: Uint32Array;
  epochLossSum: number;
  /** The iteration at which batch-norm statistics were last recomputed at the params (−1: never). */
  batchNormAt: number;
  /** The epoch (0-based) whose order `order` holds (−1: none drawn yet). */
  orderEpoch: number;
}

/** What a trainer reads: a split (test null when the caller evaluates the test set itself; testAccuracy then stays null). */
export type TrainingData = Omit<MnistSplit, 'test'> & { readonly test: DigitSet | null };

export interface TrainerOptions {
  readonly backend?: KernelBackend;
}

export function validateTrainConfig(c: TrainConfig): void {
  if (!(Number.isInteger(c.batchSize) && c.batchSize >= 1 && c.batchSize <= 65536)) throw new Error(`batch size ${c.batchSize} must be an integer in [1, 65536]`);
  if (!(Number.isInteger(c.epochs) && c.epochs >= 1 && c.epochs <= 100_000)) throw new Error(`epochs ${c.epochs} must be a positive integer`);
  if (!Number.isInteger(c.seed)) throw new Error(`seed ${c.seed} must be an integer`);
  if (!(c.targetAccuracy >= 0 && c.targetAccuracy <= 1)) throw new Error(`target accuracy ${c.targetAccuracy} must be in [0, 1]`);
}

/**
 * The network as an optimizer sees it at init: its dense layers (offsets into the packed parameters,
 * W as nOut × nIn row-major, PyTorch's Linear layout) and the backend's matrix products, whose buffers
 * come from the backend's own memory (WebAssembly's, when the network runs there).
 */
export function networkLayout(net: Mlp<Float32Array>): NetworkLayout {
  return { layers: net.layout.layers, kernels: matrixKernels(net.backend) };
}

/** The initial parameters every run of this config starts from. */
export function initialParams(config: TrainConfig, net: Mlp<Float32Array>): void {
  initMlp(net, config.init, createRng(config.seed + 1));
}

export function createTrainer(data: TrainingData, config: TrainConfig, optimizer: Optimizer, hyper: Hyper, options: TrainerOptions = {}): Trainer {
  validateTrainConfig(config);
  const n = data.train.indices.length;
  const features = data.train.features;
  if (config.mlp.sizes[0] !== features) throw new Error(`the network's input is ${config.mlp.sizes[0]} wide, the images have ${features} pixels`);
  const net = createMlp(config.mlp, options.backend ?? createTsBackend(), config.batchSize);
  initialParams(config, net);
  const stepsPerEpoch = Math.ceil(n / config.batchSize);
  const validationOrder = identityOrder(data.validation.indices.length);
  const initialValLoss = evaluate(net, data.validation, validationOrder).loss;
  return {
    config,
    optimizer,
    hyper,
    live: { ...hyper },
    net,
    state: optimizer.init(net.params, networkLayout(net)),
    stepsPerEpoch,
    totalSteps: stepsPerEpoch * config.epochs,
    batchLosses: new Float32Array(stepsPerEpoch * config.epochs),
    epochs: [],
    iteration: 0,
    epochStep: 0,
    seconds: 0,
    initialValLoss,
    diverged: false,
    divergence: null,
    done: false,
    target: null,
    testAccuracy: null,
    data,
    order: identityOrder(n),
    batchRng: createRng(config.seed + 2),
    oracle: mlpOracle(net, config.mlp.keepProb < 1 ? createRng(config.seed + 3) : null),
    validationOrder,
    epochLossSum: 0,
    batchNormAt: -1,
    orderEpoch: -1,
  };
}

/** Training batches the Schedule-Free evaluation runs at x to recompute batch-norm statistics (the reference's 50). */
export const BN_RECALIBRATION_BATCHES = 50;

/** Rules whose gradients (and so batch-norm statistics) are taken away from the point they report. */
const evaluatesElsewhere = (optimizer: Optimizer): boolean => optimizer.id === 'sfsgd';

/**
 * How many examples readyForEvaluation may read for this rule and config on n training examples: the first
 * positions of the epoch's order (its first BN_RECALIBRATION_BATCHES batches) for Schedule-Free SGD with
 * batch norm, else 0.
 */
export function recalibrationExamples(optimizer: Optimizer, config: TrainConfig, n: number): number {
  if (!evaluatesElsewhere(optimizer) || !config.mlp.batchNorm) return 0;
  return Math.min(n, Math.min(BN_RECALIBRATION_BATCHES, Math.ceil(n / config.batchSize)) * config.batchSize);
}

/**
 * At the start of an epoch, draws its order (the seeded reshuffle) if not drawn yet; trainSteps does this
 * before an epoch's first update, and a caller that must know the coming examples first may call it earlier.
 */
export function drawEpochOrder(tr: Trainer): void {
  if (tr.epochStep !== 0 || tr.orderEpoch === tr.epochs.length || tr.done) return;
  shuffleInPlace(tr.order, tr.batchRng);
  tr.orderEpoch = tr.epochs.length;
}

/** Whether readyForEvaluation would recompute batch-norm statistics now (and so read training batches). */
export const needsRecalibration = (tr: Trainer): boolean =>
  evaluatesElsewhere(tr.optimizer) && tr.net.hidden.some((h) => h.bn) && tr.batchNormAt !== tr.iteration;

/**
 * Makes the network ready to be evaluated at its params: for Schedule-Free SGD with batch norm, the running
 * statistics are recomputed at x (see the header), once per iteration. Every other rule: nothing to do.
 */
export function readyForEvaluation(tr: Trainer): void {
  const { net, config } = tr;
  if (!needsRecalibration(tr)) return;
  const n = tr.order.length;
  for (let b = 0; b < BN_RECALIBRATION_BATCHES; b++) {
    const start = (b % tr.stepsPerEpoch) * config.batchSize;
    loadBatch(net, tr.data.train, tr.order, start, Math.min(config.batchSize, n - start));
    trainMlp(net, null, true);
  }
  tr.batchNormAt = tr.iteration;
}

const now = (): number => performance.now() / 1000;

/** Runs up to `maxSteps` updates (fewer at the end of training or on divergence). Returns updates done. */
export function trainSteps(tr: Trainer, maxSteps: number, clock: () => number = now): number {
  let done = 0;
  const { net, config } = tr;
  const n = tr.order.length;
  const hasLr = followsSchedule(tr.optimizer, tr.hyper);
  while (done < maxSteps && !tr.done) {
    const t0 = clock();
    const epoch = tr.epochs.length;
    drawEpochOrder(tr);
    const start = tr.epochStep * config.batchSize;
    const m = Math.min(config.batchSize, n - start);
    loadBatch(net, tr.data.train, tr.order, start, m);
    if (hasLr) tr.live.lr = learningRateAt(config.schedule, tr.hyper.lr, tr.iteration, epoch);
    const loss = tr.optimizer.step(net.params, tr.state, tr.live, tr.oracle);
    tr.batchLosses[tr.iteration] = loss;
    tr.iteration++;
    tr.epochStep++;
    tr.epochLossSum += loss * m;
    tr.seconds += clock() - t0;
    done++;
    if (trainingLossDiverged(loss)) {
      diverge(tr, { epoch: epoch + 1, iteration: tr.iteration, reason: 'training-loss', value: loss, initialValLoss: tr.initialValLoss });
    } else if (tr.epochStep === tr.stepsPerEpoch) {
      endEpoch(tr);
    }
  }
  return done;
}

function diverge(tr: Trainer, divergence: Divergence): void {
  tr.divergence = divergence;
  tr.diverged = true;
  tr.done = true;
}

function endEpoch(tr: Trainer): void {
  readyForEvaluation(tr);
  const val = evaluate(tr.net, tr.data.validation, tr.validationOrder);
  const record: EpochRecord = {
    epoch: tr.epochs.length + 1,
    trainLoss: tr.epochLossSum / tr.order.length,
    valLoss: val.loss,
    valAccuracy: val.accuracy,
    seconds: tr.seconds,
  };
  tr.epochs.push(record);
  tr.epochStep = 0;
  tr.epochLossSum = 0;
  if (validationLossDiverged(val.loss, tr.initialValLoss)) {
    diverge(tr, { epoch: record.epoch, iteration: tr.iteration, reason: 'validation-loss', value: val.loss, initialValLoss: tr.initialValLoss });
    return;
  }
  if (tr.target === null && val.accuracy >= tr.config.targetAccuracy) {
    tr.target = { epoch: record.epoch, iterations: tr.iteration, seconds: tr.seconds };
  }
  if (record.epoch === tr.config.epochs) {
    if (tr.data.test) tr.testAccuracy = evaluate(tr.net, tr.data.test).accuracy;
    tr.done = true;
  }
}

/** Trains to the end (or divergence), calling onEpoch after every epoch. */
export function trainToEnd(tr: Trainer, onEpoch?: (record: EpochRecord, tr: Trainer) => void, clock: () => number = now): Trainer {
  while (!tr.done) {
    const before = tr.epochs.length;
    trainSteps(tr, tr.stepsPerEpoch - tr.epochStep, clock);
    if (onEpoch && tr.epochs.length > before) onEpoch(tr.epochs[tr.epochs.length - 1], tr);
  }
  return tr;
}

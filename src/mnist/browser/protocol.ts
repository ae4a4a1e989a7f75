/**
 * Messages between the MNIST tab and a training worker (src/mnist/browser/train-worker.ts).
 * Everything is structured-clone data; typed arrays are transferred where the sender drops them.
 *
 * tab → worker:  start (once, with one or more runs the worker trains in lock-step over one copy of the
 *                data), then pause / resume / stop at any time, for all of its runs.
 * worker → tab:  per run (`run`: its index in the start message's runs): ready (sizes known), progress
 *                (new batch losses + new epoch records) at most every ~100 ms while training, checkpoint
 *                (parameters for the loss landscape) now and then, then exactly one final message: done
 *                (result for the diagnostics) or failed.
 */
import type { DigitSet, MnistFiles } from '../dataset.ts';
import type { EpochRecord, TargetReached, TrainConfig } from '../train.ts';
import type { Hyper, OptimizerId } from '../../optim/types.ts';
import type { LrFinderResult } from '../lr-finder.ts';
import type { Divergence } from '../divergence.ts';
import type { BackendChoice } from './pick-backend.ts';
import type { DirectionsKind, LandscapeEntrant, LandscapeResult } from '../landscape/landscape.ts';
import type { GradCheckResult } from '../gradcheck.ts';
import type { MlpConfig } from '../layout.ts';

/** One run of a worker: the race's config (same seed; its own batch size and schedule) and its entrant. */
export interface RunSpec {
  readonly config: TrainConfig;
  readonly optimizer: OptimizerId;
  readonly hyper: Hyper;
}

export interface StartMessage {
  readonly type: 'start';
  readonly files: MnistFiles;
  /** Training examples to keep (the first of the seeded split); undefined = all 55,000. */
  readonly limit?: number;
  /** Every run's config has the same seed, so they share one split of the data. */
  readonly runs: readonly RunSpec[];
  /** 'auto' takes WebAssembly SIMD where the browser has it, else TypeScript. */
  readonly backend: BackendChoice;
}

export type ControlMessage = { readonly type: 'pause' } | { readonly type: 'resume' } | { readonly type: 'stop' };
export type ToWorker = StartMessage | ControlMessage;

export interface ReadyMessage {
  readonly type: 'ready';
  readonly backend: string;
  readonly stepsPerEpoch: number;
  readonly totalSteps: number;
  readonly trainExamples: number;
  /** Validation loss of the initial weights, before the first update (the divergence rule's reference). */
  readonly initialValLoss: number;
}

export interface ProgressMessage {
  readonly type: 'progress';
  /** Losses of updates [from, from + losses.length). */
  readonly from: number;
  readonly losses: Float32Array;
  readonly newEpochs: EpochRecord[];
  readonly iteration: number;
  readonly seconds: number;
  /** The scheduled learning rate of the latest update (NaN for rules without one). */
  readonly lr: number;
  readonly target: TargetReached | null;
}

export interface DoneMessage {
  readonly type: 'done';
  readonly reason: 'finished' | 'stopped' | 'diverged';
  /** Where and why, when reason is 'diverged' (src/mnist/divergence.ts); else null. */
  readonly divergence: Divergence | null;
  readonly testAccuracy: number | null;
  readonly trainAccuracy: number;
  readonly params: Float32Array;
  readonly runningMean: Float32Array[];
  readonly runningVar: Float32Array[];
  /** Predicted digit of every test image, and the 10×10 confusion counts (row = true digit). */
  readonly predictions: Uint8Array;
  readonly confusion: Uint32Array;
}

export interface FailedMessage {
  readonly type: 'failed';
  readonly message: string;
}

/** Sent once a pause has taken effect, after the progress report of the last update done before it. */
export interface PausedMessage {
  readonly type: 'paused';
}

/**
 * A copy of the parameters for the loss landscape (src/mnist/landscape/checkpoints.ts): θ₀ before the first
 * update, every ⌈T/40⌉ updates, at a pause, and at the end; transferred, so the worker keeps none.
 */
export interface CheckpointMessage {
  readonly type: 'checkpoint';
  readonly iteration: number;
  readonly params: Float32Array;
}

/** A message about one of the worker's runs: `run` indexes the start message's runs. */
export type FromWorker = (ReadyMessage | ProgressMessage | PausedMessage | CheckpointMessage | DoneMessage | FailedMessage) & { readonly run: number };

/**
 * The LR finder's worker (lr-finder-worker.ts) takes one run's start message and answers once. It trains, so it
 * needs the training images (and evaluates the validation ones): the tab sends a copy of the files, transferred.
 */
export interface LrFinderStartMessage extends RunSpec {
  readonly type: 'start';
  readonly files: MnistFiles;
  readonly limit?: number;
  readonly backend: BackendChoice;
}

export type LrFinderReply = { readonly type: 'result'; readonly result: LrFinderResult } | FailedMessage;

/**
 * The loss landscape's worker (landscape-worker.ts): one start, then progress until done or failed; cancel = terminate it.
 * It gets only the images it evaluates (landscape/subset-images.ts), with their buffers transferred, not the MNIST files.
 */
export interface LandscapeStartMessage {
  readonly type: 'start';
  /** The first `subset` images of the seeded validation split, packed (landscapeImages). */
  readonly images: DigitSet;
  readonly config: TrainConfig;
  readonly runs: readonly LandscapeEntrant[];
  readonly directions: DirectionsKind;
  readonly grid: number;
  readonly subset: number;
  readonly center: number;
}

export type LandscapeReply =
  | { readonly type: 'progress'; readonly done: number; readonly total: number; readonly backend: string }
  | { readonly type: 'done'; readonly result: LandscapeResult; readonly backend: string }
  | FailedMessage;

/** The gradient check's worker (gradcheck-worker.ts, gradcheck-answer.ts): one start, one answer. */
export interface GradCheckStartMessage {
  readonly type: 'start';
  readonly config: MlpConfig;
  readonly seed: number;
  /** Parameters to check, and rows of the random batch (gradcheck.ts GradCheckOptions). */
  readonly sample: number;
  readonly rows: number;
}

export type GradCheckReply = { readonly type: 'result'; readonly result: GradCheckResult } | FailedMessage;

/**
 * Messages between the MNIST tab and a training worker (src/mnist/browser/train-worker.ts).
 * Everything is structured-clone data; typed arrays are transferred where the sender drops them.
 *
 * tab → worker:  start (once, with one or more runs the worker trains in lock-step; the validation images,
 *                the training examples as image numbers and the test labels: the training and test images
 *                stay with the tab), then pause / resume / stop at any time, for all of its runs, and one
 *                examples reply per examples request.
 * worker → tab:  per run (`run`: its index in the start message's runs): ready (sizes known), examples
 *                (the training images it reads next: src/mnist/example-windows.ts; once it has ended, a part
 *                of the test images at a time for its final evaluation), progress (new batch
 *                losses + new epoch records) at most every ~100 ms while training, checkpoint (parameters
 *                for the loss landscape) now and then, then exactly one final message: done (result for
 *                the diagnostics) or failed.
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

/** The MNIST file an examples request names images of. */
export type ImageFile = 'train' | 'test';

/** Images in a buffer of their own: image k is bytes [k·features, (k+1)·features), its label labels[k]. */
export interface CompactImages {
  readonly pixels: Uint8Array;
  readonly labels: Uint8Array;
}

export interface StartMessage {
  readonly type: 'start';
  /** The training examples, as numbers of the training file's images (the seeded split, its limit applied). */
  readonly trainImages: Uint32Array;
  /** The label of every image of the training file. */
  readonly trainLabels: Uint8Array;
  readonly features: number;
  /** The split's validation images, in its order. */
  readonly validation: CompactImages;
  /** The label of every image of the test file (its images are asked for in parts: ExamplesRequest). */
  readonly testLabels: Uint8Array;
  /** Every run's config has the same seed, so they share one split of the data. */
  readonly runs: readonly RunSpec[];
  /** 'auto' takes WebAssembly SIMD where the browser has it, else TypeScript. */
  readonly backend: BackendChoice;
  /** Runs in the whole race, every worker's: the checkpoints' memory budget is shared by all (checkpoints.ts). */
  readonly raceRuns: number;
}

export type ControlMessage = { readonly type: 'pause' } | { readonly type: 'resume' } | { readonly type: 'stop' };

/** The request's `into` buffer, back, its start holding the images' bytes in the request's order, `features` bytes each. */
export interface ExamplesReply {
  readonly type: 'examples';
  readonly id: number;
  readonly pixels: Uint8Array;
}

export type ToWorker = StartMessage | ControlMessage | ExamplesReply;

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
 * update, every ⌈T/K⌉ updates (checkpoints.ts), at a pause, and at the end; transferred, so the worker keeps none.
 */
export interface CheckpointMessage {
  readonly type: 'checkpoint';
  readonly iteration: number;
  readonly params: Float32Array;
}

/**
 * Images (numbers in the `set` file) a run reads next: training images for its example windows, test images
 * for its final evaluation; answered by an examples reply with the same id. `into` is the run's buffer for
 * them, lent to the tab and given back with the bytes (both transferred), so a race allocates no buffer per request: a freed one lingers until the worker's next garbage
 * collection, and they added up to tens of MB.
 */
export interface ExamplesRequest {
  readonly type: 'examples';
  readonly id: number;
  readonly set: ImageFile;
  readonly images: Uint32Array;
  readonly into: Uint8Array;
}

/** A message about one of the worker's runs: `run` indexes the start message's runs. */
export type FromWorker = (ReadyMessage | ExamplesRequest | ProgressMessage | PausedMessage | CheckpointMessage | DoneMessage | FailedMessage) & { readonly run: number };

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

/** Asks the landscape worker to end early; it answers `cancelled`, with the checkpoints. */
export interface LandscapeCancelMessage {
  readonly type: 'cancel';
}

/**
 * The checkpoints' buffers come with the start message (transferred, landscape/lend.ts) and go back with
 * every final reply, per run in the order sent.
 */
type Returning = { readonly checkpoints: readonly (readonly Float32Array[])[] };
export type LandscapeReply =
  | { readonly type: 'progress'; readonly done: number; readonly total: number; readonly backend: string }
  | ({ readonly type: 'done'; readonly result: LandscapeResult; readonly backend: string } & Returning)
  | ({ readonly type: 'cancelled' } & Returning)
  | (FailedMessage & Returning);

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

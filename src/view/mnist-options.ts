/**
 * The MNIST options as one plain object: what `cli mnist` trains and what the MNIST tab's link keys `m.…`
 * carry. Declared field by field in mnist-fields.ts. trainConfig maps it to the trainer's TrainConfig: the
 * textbook's 784-…-10 network with the chosen hidden layers. A race is a list of entrants (entrants.ts, the
 * surfaces' syntax): mnistRuns gives each its label (`adam`, `adam#2`), its effective hyperparameters (the
 * optimizer's in `hyper`, its own on top) and its TrainConfig (its own batch size and schedule, if it sets
 * them, else the race's).
 */
import type { ActivationId } from '../mnist/activations.ts';
import type { InitId } from '../mnist/init.ts';
import type { TrainConfig } from '../mnist/train.ts';
import type { Hyper, OptimizerId } from '../optim/types.ts';
import type { Schedule } from '../run/schedules.ts';
import type { BackendChoice } from '../mnist/browser/pick-backend.ts';
import { entrantHyper, entrantLabels } from './entrants.ts';
import type { ViewEntrant } from './state.ts';

export type Backend = BackendChoice;

export interface MnistOptions {
  /** The entrants, in race order (entrants.ts). */
  readonly entrants: readonly ViewEntrant[];
  /** Complete hyperparameters for every optimizer: registry defaults, then MNIST's, then the user's. */
  readonly hyper: Readonly<Record<string, Hyper>>;
  readonly epochs: number;
  readonly batch: number;
  /** Hidden layer widths (784 inputs and 10 outputs around them). */
  readonly hidden: readonly number[];
  /** One per hidden layer. */
  readonly activations: readonly ActivationId[];
  readonly init: InitId;
  readonly l2: number;
  readonly keepProb: number;
  readonly batchNorm: boolean;
  readonly schedule: Schedule;
  /** Seeds the initial weights and the batch order. */
  readonly seed: number;
  /** Train on the first N of the 55,000 training images; null: all of them. */
  readonly limit: number | null;
  /** Validation accuracy whose first crossing is reported. */
  readonly target: number;
  readonly backend: Backend;
}

const MNIST_INPUTS = 784;
const MNIST_CLASSES = 10;

export function trainConfig(o: MnistOptions): TrainConfig {
  return {
    mlp: {
      sizes: [MNIST_INPUTS, ...o.hidden, MNIST_CLASSES],
      activations: [...o.activations],
      batchNorm: o.batchNorm,
      keepProb: o.keepProb,
      l2: o.l2,
    },
    init: o.init,
    batchSize: o.batch,
    epochs: o.epochs,
    seed: o.seed,
    schedule: o.schedule,
    targetAccuracy: o.target,
  };
}

/** One entrant as it trains. */
export interface MnistRun {
  /** Unique within the race: `adam`, `adam#2`, `adam:lr=0.01` (entrants.ts). */
  readonly label: string;
  readonly entrant: ViewEntrant;
  /** n for the n-th identical entrant (entrantLabels). */
  readonly copy: number;
  readonly optimizer: OptimizerId;
  readonly hyper: Hyper;
  readonly config: TrainConfig;
}

export function mnistRuns(o: MnistOptions): MnistRun[] {
  const base = trainConfig(o);
  const labels = entrantLabels(o.entrants);
  return o.entrants.map((e, i) => ({
    label: labels[i].label,
    entrant: e,
    copy: labels[i].copy,
    optimizer: e.optimizer,
    hyper: entrantHyper(o.hyper, e),
    config: { ...base, batchSize: e.batch ?? base.batchSize, schedule: e.schedule ?? base.schedule },
  }));
}

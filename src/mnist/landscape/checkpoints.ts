/**
 * Checkpoints of a training run for the loss landscape (Li et al. 2018, "Visualizing the Loss Landscape of
 * Neural Nets", §7: the optimizer's path is drawn through saved parameter vectors). A run keeps θ₀ (before
 * its first update), then a Float32Array copy of the flat parameters after every ⌈T/40⌉-th update
 * (T = the run's planned updates, so about 40 per run, and at least 20 whenever T ≥ 20) and after its last
 * update (end of training, divergence, or a stop), each with its iteration.
 * Recording drives the step-wise trainer (train.ts) up to each checkpoint; training itself is unchanged.
 */
import { trainSteps, type EpochRecord, type Trainer } from '../train.ts';

export interface Checkpoints {
  /** Updates done when each copy was taken, ascending, starting at 0 (θ₀). */
  readonly iterations: number[];
  readonly params: Float32Array[];
}

export const CHECKPOINTS_PER_RUN = 40;

export const checkpointEvery = (totalSteps: number): number => Math.max(1, Math.ceil(totalSteps / CHECKPOINTS_PER_RUN));

/** θ₀ of a trainer that has not updated yet. */
export function startCheckpoints(tr: Trainer): Checkpoints {
  if (tr.iteration !== 0) throw new Error(`checkpoints start at θ₀, but the run has already done ${tr.iteration} updates`);
  return { iterations: [0], params: [tr.net.params.slice()] };
}

/** Whether the trainer sits on a checkpoint (θ₀, every ⌈T/40⌉ updates, or its end) other than the one taken at `last`. */
export const checkpointDue = (tr: Trainer, last: number): boolean =>
  tr.iteration !== last && (tr.iteration % checkpointEvery(tr.totalSteps) === 0 || tr.done);

/** Takes a copy if the trainer sits on a checkpoint not yet taken. */
export function recordCheckpoint(cp: Checkpoints, tr: Trainer): void {
  if (!checkpointDue(tr, cp.iterations[cp.iterations.length - 1])) return;
  cp.iterations.push(tr.iteration);
  cp.params.push(tr.net.params.slice());
}

/** Trains to the end (or divergence) like trainToEnd, recording the checkpoints; onEpoch after every epoch. */
export function trainRecording(tr: Trainer, onEpoch?: (record: EpochRecord, tr: Trainer) => void): Checkpoints {
  const cp = startCheckpoints(tr);
  const every = checkpointEvery(tr.totalSteps);
  while (!tr.done) {
    const before = tr.epochs.length;
    trainSteps(tr, every - (tr.iteration % every));
    recordCheckpoint(cp, tr);
    if (onEpoch && tr.epochs.length > before) onEpoch(tr.epochs[tr.epochs.length - 1], tr);
  }
  return cp;
}

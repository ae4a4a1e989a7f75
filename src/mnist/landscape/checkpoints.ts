/**
 * Checkpoints of a training run for the loss landscape (Li et al. 2018, "Visualizing the Loss Landscape of
 * Neural Nets", §7: the optimizer's path is drawn through saved parameter vectors). A run keeps θ₀ (before
 * its first update), then a Float32Array copy of the flat parameters after every ⌈T/K⌉-th update
 * (T = the run's planned updates) and after its last update (end of training, divergence, or a stop), each
 * with its iteration: at most K + 1 copies, and one more at each pause. K is 40, unless the race's copies
 * would take more than CHECKPOINT_BUDGET_BYTES: then K = ⌊budget / (4 bytes · parameters · runs)⌋ − 2
 * (room for a pause), at least 1 (θ₀ and the end only, which may exceed the budget for the widest
 * networks). The budget, 32 MiB, is what a race of seven of the default network needs for the issue's
 * minimum of 20 a run: it keeps 21 a run (30 MB; 40 a run were 59 MB, a fifth of the tab's memory), a race
 * of up to three keeps 40, and a race of 784-1024-10 networks, whose copies are 3.3 MB each, keeps 3 a run
 * for two runs instead of filling a tab with 270 MB of them.
 * The app and the CLI apply the same rule, so the same race draws the same landscape in both.
 * Recording drives the step-wise trainer (train.ts) up to each checkpoint; training itself is unchanged.
 */
import { trainSteps, type EpochRecord, type Trainer } from '../train.ts';

export interface Checkpoints {
  /** Updates done when each copy was taken, ascending, starting at 0 (θ₀). */
  readonly iterations: number[];
  readonly params: Float32Array[];
}

export const CHECKPOINTS_PER_RUN = 40;

/** What all the runs' checkpoints together may take (see above). */
export const CHECKPOINT_BUDGET_BYTES = 32 * 1024 * 1024;

/** K: checkpoints a run keeps between θ₀ and its end, in a race of `runs` networks of `params` parameters. */
export function checkpointsPerRun(params: number, runs: number): number {
  const affordable = Math.floor(CHECKPOINT_BUDGET_BYTES / (Float32Array.BYTES_PER_ELEMENT * params * runs)) - 2;
  return Math.max(1, Math.min(CHECKPOINTS_PER_RUN, affordable));
}

/** Updates between a run's checkpoints: ⌈T/K⌉. */
export const checkpointEvery = (totalSteps: number, params: number, runs: number): number =>
  Math.max(1, Math.ceil(totalSteps / checkpointsPerRun(params, runs)));

/** θ₀ of a trainer that has not updated yet. */
export function startCheckpoints(tr: Trainer): Checkpoints {
  if (tr.iteration !== 0) throw new Error(`checkpoints start at θ₀, but the run has already done ${tr.iteration} updates`);
  return { iterations: [0], params: [tr.net.params.slice()] };
}

/** Whether the trainer sits on a checkpoint (θ₀, every `every` updates, or its end) other than the one taken at `last`. */
export const checkpointDue = (tr: Trainer, last: number, every: number): boolean =>
  tr.iteration !== last && (tr.iteration % every === 0 || tr.done);

/** Takes a copy if the trainer sits on a checkpoint not yet taken. */
export function recordCheckpoint(cp: Checkpoints, tr: Trainer, every: number): void {
  if (!checkpointDue(tr, cp.iterations[cp.iterations.length - 1], every)) return;
  cp.iterations.push(tr.iteration);
  cp.params.push(tr.net.params.slice());
}

/** Trains to the end (or divergence) like trainToEnd, recording a checkpoint every `every` updates; onEpoch after every epoch. */
export function trainRecording(tr: Trainer, every: number, onEpoch?: (record: EpochRecord, tr: Trainer) => void): Checkpoints {
  const cp = startCheckpoints(tr);
  while (!tr.done) {
    const before = tr.epochs.length;
    trainSteps(tr, every - (tr.iteration % every));
    recordCheckpoint(cp, tr, every);
    if (onEpoch && tr.epochs.length > before) onEpoch(tr.epochs[tr.epochs.length - 1], tr);
  }
  return cp;
}

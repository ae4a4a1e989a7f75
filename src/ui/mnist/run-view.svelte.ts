/**
 * What the tab knows about one training run, updated from its worker's messages. Small fields are
 * reactive state. The per-update losses are stored in a buffer that doubles its capacity when full, and
 * shown as a new view of its filled part on each addition: the charts recompute only when new data
 * arrived, and no addition copies the history (README, "Memory").
 */
import type { Hyper, OptimizerId } from '../../optim/types.ts';
import type { EpochRecord, TargetReached, TrainConfig } from '../../mnist/train.ts';
import { divergenceDetail, divergenceLabel, type Divergence } from '../../mnist/divergence.ts';
import { entrantName } from '../../render/shown-run.ts';
import type { MnistRun } from '../../view/mnist-options.ts';
import { entrantLook } from '../../render/palette.ts';
import type { Checkpoints } from '../../mnist/landscape/checkpoints.ts';

export type RunStatus = 'queued' | 'running' | 'pausing' | 'paused' | 'done' | 'stopped' | 'diverged' | 'failed';

/** What a finished (or stopped) run hands back for the diagnostics panels. */
export interface RunResult {
  readonly params: Float32Array;
  /** Batch-norm running mean and variance per hidden layer (empty arrays without batch norm). */
  readonly runningMean: Float32Array[];
  readonly runningVar: Float32Array[];
  /** Predicted digit for every test image, and the 10×10 confusion counts. */
  readonly predictions: Uint8Array;
  readonly confusion: Uint32Array;
  /** Accuracy on the training examples (inference mode), for the bias/variance reading. */
  readonly trainAccuracy: number;
}

export class RunView {
  /** The entrant's label, unique in the race (`adam`, `adam#2`, `adam:lr=0.01`; entrants.ts). */
  readonly key: string;
  readonly optimizer: OptimizerId;
  /** The entrant's display name, as the surfaces word it: "Adam", "Adam lr=0.01", "Adam #2". */
  readonly name: string;
  /** What the run trains with: its optimizer's hyperparameters with the entrant's own on top. */
  readonly hyper: Hyper;
  readonly config: TrainConfig;
  /** The optimizer's colour; the dash tells its entrants apart (the surfaces' rule, palette.ts). */
  readonly color: string;
  readonly dash: string;

  status = $state<RunStatus>('queued');
  iteration = $state(0);
  totalSteps = $state(0);
  stepsPerEpoch = $state(1);
  seconds = $state(0);
  lr = $state(NaN);
  /** Every loss received: losses[i] is update i's (a view of lossBuffer, replaced on each addition). */
  losses = $state.raw(new Float32Array(0));
  private lossBuffer = new Float32Array(0);
  epochs = $state.raw<readonly EpochRecord[]>([]);
  target = $state.raw<TargetReached | null>(null);
  /** Validation loss before the first update (NaN until the worker is ready). */
  initialValLoss = $state(NaN);
  /** Where and why the run diverged; null unless it did. */
  divergence = $state.raw<Divergence | null>(null);
  testAccuracy = $state<number | null>(null);
  result = $state.raw<RunResult | null>(null);
  /** Parameter copies for the loss landscape, as the worker posts them (plain arrays: read on demand, not drawn). */
  readonly checkpoints: Checkpoints = { iterations: [], params: [] };
  error = $state('');

  constructor(run: MnistRun, position: number) {
    this.key = run.label;
    this.optimizer = run.optimizer;
    this.name = entrantName({ optimizer: run.optimizer, own: run.entrant.own, ownSchedule: run.entrant.schedule, copy: run.copy, batch: run.entrant.batch });
    this.hyper = run.hyper;
    this.config = run.config;
    const look = entrantLook(run.optimizer, position);
    this.color = look.color;
    this.dash = look.dash;
  }

  /** Stores the losses of updates [from, from + values.length) and shows every loss received so far. */
  addLosses(from: number, values: Float32Array): void {
    const end = Math.max(this.losses.length, from + values.length);
    if (end > this.lossBuffer.length) {
      const grown = new Float32Array(Math.max(end, 2 * this.lossBuffer.length));
      grown.set(this.losses);
      this.lossBuffer = grown;
    }
    this.lossBuffer.set(values, from);
    this.losses = this.lossBuffer.subarray(0, end);
  }

  /** The entrant's display name (as the scoreboard writes it) with what it runs with: "Adam #2 (lr 0.003, beta1 0.9, …)". */
  get legendText(): string {
    return `${this.name} (${Object.entries(this.hyper).map(([k, v]) => `${k} ${v}`).join(', ')})`;
  }

  /** The epoch in progress (1-based; the last one once finished), and training seconds per completed epoch. */
  get epoch(): number {
    return Math.min(this.config.epochs, Math.floor(this.iteration / Math.max(1, this.stepsPerEpoch)) + (this.finished ? 0 : 1));
  }
  get secondsPerEpoch(): number {
    const last = this.epochs[this.epochs.length - 1];
    return last ? last.seconds / last.epoch : NaN;
  }

  get finished(): boolean {
    return this.status === 'done' || this.status === 'stopped' || this.status === 'diverged' || this.status === 'failed';
  }

  get diverged(): boolean {
    return this.status === 'diverged';
  }

  /** "diverged at epoch 3" (or just "diverged" if the worker did not say where); '' for a run that did not. */
  get divergedText(): string {
    if (!this.diverged) return '';
    return this.divergence ? divergenceLabel(this.divergence) : 'diverged';
  }

  /** Why, in words ("validation loss 80.66 > 10 × initial 2.303"); '' for a run that did not diverge. */
  get divergedWhy(): string {
    return this.diverged && this.divergence ? divergenceDetail(this.divergence) : '';
  }
}

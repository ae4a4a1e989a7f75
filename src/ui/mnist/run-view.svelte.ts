/**
 * What the tab knows about one training run, updated from its worker's messages. Small fields are
 * reactive state; the per-iteration losses live in a raw Float32Array that is replaced (not mutated)
 * on each update, so charts recompute only when new data arrived.
 */
import type { Hyper, OptimizerId } from '../../optim/types.ts';
import type { EpochRecord, TargetReached } from '../../mnist/train.ts';
import { divergenceDetail, divergenceLabel, type Divergence } from '../../mnist/divergence.ts';
import { getOptimizer } from '../../optim/index.ts';
import { LOOKS } from '../../render/palette.ts';
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
  readonly key: string;
  readonly optimizer: OptimizerId;
  readonly name: string;
  readonly hyper: Hyper;
  readonly color: string;
  readonly dash: string;

  status = $state<RunStatus>('queued');
  iteration = $state(0);
  totalSteps = $state(0);
  stepsPerEpoch = $state(1);
  seconds = $state(0);
  lr = $state(NaN);
  losses = $state.raw(new Float32Array(0));
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

  constructor(key: string, optimizer: OptimizerId, hyper: Hyper) {
    this.key = key;
    this.optimizer = optimizer;
    this.name = getOptimizer(optimizer).name;
    this.hyper = hyper;
    this.color = LOOKS[optimizer].color;
    this.dash = LOOKS[optimizer].dash;
  }

  get label(): string {
    return `${this.name} (${Object.entries(this.hyper).map(([k, v]) => `${k} ${v}`).join(', ')})`;
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

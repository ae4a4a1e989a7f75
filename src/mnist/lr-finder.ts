/**
 * Learning-rate range test (Smith 2017, "Cyclical Learning Rates", §3.3; the fastai lr_find form):
 * train from the run's initial weights on its batch stream while the rate grows exponentially per
 * batch, η_t = η_min·(η_max/η_min)^(t/(n−1)) (the exp schedule with γ = (η_max/η_min)^(1/(n−1))),
 * and record the loss (Schedule-Free SGD too: the sweep is the test, not a schedule). The curve is
 * smoothed by a bias-corrected exponential moving average (β = 0.9, about ten batches; fastai's 0.98 is
 * too slow for a 100-batch test); the test stops early
 * once the smoothed loss exceeds 4× its minimum or turns non-finite. Suggested rate: the one at the smoothed minimum, divided by 10 (a rate that is still
 * clearly descending rather than at the edge of blowing up).
 */
import type { MnistSplit } from './dataset.ts';
import { createTrainer, trainSteps, type TrainConfig } from './train.ts';
import type { KernelBackend } from './kernels/types.ts';
import type { Hyper, Optimizer } from '../optim/types.ts';

export interface LrFinderOptions {
  readonly minLr?: number;
  readonly maxLr?: number;
  readonly steps?: number;
  readonly backend?: KernelBackend;
}

export interface LrFinderResult {
  /** Rate of each recorded update. */
  readonly lrs: Float64Array;
  readonly losses: Float64Array;
  readonly smoothed: Float64Array;
  /** null when the loss never decreased enough to show a minimum before the end. */
  readonly suggested: number | null;
}

const SMOOTHING = 0.9;
const STOP_FACTOR = 4;

export function findLearningRate(data: MnistSplit, config: TrainConfig, optimizer: Optimizer, hyper: Hyper, options: LrFinderOptions = {}): LrFinderResult {
  if (!optimizer.hyper.some((h) => h.key === 'lr')) throw new Error(`${optimizer.name} has no learning rate to search`);
  const minLr = options.minLr ?? 1e-5;
  const maxLr = options.maxLr ?? 10;
  const steps = options.steps ?? 100;
  if (!(minLr > 0 && maxLr > minLr && Number.isFinite(maxLr))) throw new Error(`need 0 < minLr < maxLr, got ${minLr} and ${maxLr}`);
  if (!(Number.isInteger(steps) && steps >= 2)) throw new Error(`steps ${steps} must be an integer ≥ 2`);
  const gamma = (maxLr / minLr) ** (1 / (steps - 1));
  const perEpoch = Math.ceil(data.train.indices.length / config.batchSize);
  // The sweep is the test's own schedule, so it applies to Schedule-Free SGD as well (whose runs ignore schedules).
  const swept: Optimizer = optimizer.schedulable === false ? { ...optimizer, schedulable: undefined } : optimizer;
  const tr = createTrainer(
    data,
    { ...config, epochs: Math.ceil(steps / perEpoch), schedule: { kind: 'exp', params: { gamma }, at: [] } },
    swept,
    { ...hyper, lr: minLr },
    { backend: options.backend },
  );
  const lrs = new Float64Array(steps);
  const losses = new Float64Array(steps);
  const smoothed = new Float64Array(steps);
  let average = 0;
  let best = Infinity;
  let bestAt = -1;
  let n = 0;
  while (n < steps) {
    trainSteps(tr, 1);
    const loss = tr.batchLosses[n];
    lrs[n] = tr.live.lr;
    losses[n] = loss;
    average = SMOOTHING * average + (1 - SMOOTHING) * loss;
    smoothed[n] = average / (1 - SMOOTHING ** (n + 1));
    n++;
    if (!Number.isFinite(smoothed[n - 1]) || smoothed[n - 1] > STOP_FACTOR * best) break;
    if (smoothed[n - 1] < best) {
      best = smoothed[n - 1];
      bestAt = n - 1;
    }
  }
  // A minimum at the very first update means the loss only rose: no rate to suggest.
  const suggested = bestAt > 0 ? lrs[bestAt] / 10 : null;
  return { lrs: lrs.slice(0, n), losses: losses.slice(0, n), smoothed: smoothed.slice(0, n), suggested };
}

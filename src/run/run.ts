/**
 * One optimizer run on a 2-D objective, recorded as typed arrays the UI plays back.
 *
 * Index k of xs/ys/losses is the point after k updates; [0] is the start. `losses` are true values f(θ_k)
 * (never noisy, never NAG's look-ahead loss). The target applies to the gap f − f* (fStar, default 0): "within
 * the target" is withinTarget (target.ts: f − f* ≤ target); the run records the f* it measured against.
 *   hit     = the first k whose loss is within the target, else null (first touch).
 *   settled = the first k from which every recorded loss, up to and including the last update of the
 *             budget, is within the target (reached and stayed), else null: null when the loss after the
 *             last update is above the target, and null for a diverged run. settled ≥ hit when both are set.
 * The run continues to the full budget after a hit so paths can be compared past the finish line.
 * Divergence: a non-finite loss or coordinate, or |coordinate| > 1e6, after update k stops the run with
 * divergedAt = k; that point is NOT recorded (paths hold finite, drawable points only), so
 * steps = divergedAt − 1 updates were recorded. A start that itself violates this gives divergedAt = 0
 * with only the start recorded.
 * Learning-rate schedule (src/run/schedules.ts; default fixed): update t (0-based, as in the MNIST
 * trainer) uses lr = learningRateAt(schedule, hyper.lr, t, t). A surface has no epochs, so the epoch is
 * taken to be the update index: the course's η₀/(1 + decay·epoch) decays per update here. Optimizers
 * without an `lr` hyperparameter (AdaDelta) and Schedule-Free SGD ignore the schedule (followsSchedule). `Trajectory.hyper` stays the base rates.
 * The loop allocates nothing per step: buffers are sized once for the budget and trimmed at the end, and a
 * scheduled run overwrites `lr` in one copy of the hyperparameters made before the loop.
 */
import type { Objective, GradientOracle } from '../math/objective.ts';
import type { Hyper, Optimizer, OptimizerId } from '../optim/types.ts';
import { createRng } from './random.ts';
import { noisyOracle, type NoiseSpec } from './noise.ts';
import { FIXED, followsSchedule, isFixed, learningRateAt, type Schedule } from './schedules.ts';
import { withinTarget } from './target.ts';

export const DIVERGENCE_BOUND = 1e6;

export interface RunSpec {
  readonly objective: Objective;
  readonly optimizer: Optimizer;
  readonly hyper: Hyper;
  readonly start: readonly [number, number];
  /** Update budget. */
  readonly steps: number;
  /** Largest gap f − f* that counts as within the target; −∞ for none. */
  readonly target: number;
  /** The minimum value f* the gap is measured from; absent = 0 (the target applies to f itself). */
  readonly fStar?: number;
  readonly noise?: NoiseSpec;
  /** Learning-rate schedule over the updates; absent = fixed. */
  readonly schedule?: Schedule;
}

export interface Trajectory {
  readonly optimizer: OptimizerId;
  readonly hyper: Hyper;
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  readonly losses: Float64Array;
  /** Updates recorded: xs.length − 1. */
  readonly steps: number;
  /** First k within the target (first touch), else null. */
  readonly hit: number | null;
  /** First k from which the loss stays within the target to the end of the budget; null if it ends above it or diverged. */
  readonly settled: number | null;
  readonly diverged: boolean;
  readonly divergedAt: number | null;
  /** The f* that hit and settled measured the gap f − f* from; `losses` stay f itself. */
  readonly fStar: number;
}

/** Divergence: a non-finite loss, or a coordinate beyond DIVERGENCE_BOUND (runBatch uses the same test). */
export function outOfBounds(loss: number, x: number, y: number): boolean {
  return !(Number.isFinite(loss) && Math.abs(x) <= DIVERGENCE_BOUND && Math.abs(y) <= DIVERGENCE_BOUND);
}

/**
 * The hyperparameters of update k (0-based) under a schedule: `hyper` itself when nothing is scheduled
 * (fixed, no lr, or schedule-free), so such runs are exactly what they were before schedules; else one
 * copy made here whose lr each call rewrites (no allocation per update).
 */
export function scheduledHyper(optimizer: Optimizer, hyper: Hyper, schedule: Schedule): (k: number) => Hyper {
  if (isFixed(schedule) || !followsSchedule(optimizer, hyper)) return () => hyper;
  const live: Hyper = { ...hyper };
  return (k) => {
    live.lr = learningRateAt(schedule, hyper.lr, k, k);
    return live;
  };
}

export function run(spec: RunSpec): Trajectory {
  const { objective, optimizer, hyper, start, steps, target, noise } = spec;
  const fStar = spec.fStar ?? 0;
  const schedule = spec.schedule ?? FIXED;
  if (objective.dim !== 2) throw new RangeError(`run() records 2-D paths; objective has dim ${objective.dim}`);
  if (!Number.isInteger(steps) || steps < 0) throw new RangeError(`steps must be a non-negative integer, got ${steps}`);
  const oracle: GradientOracle = noise
    ? noisyOracle(objective.gradient, noise.sigma, createRng(noise.seed))
    : objective.gradient;

  const xs = new Float64Array(steps + 1);
  const ys = new Float64Array(steps + 1);
  const losses = new Float64Array(steps + 1);
  const params = Float64Array.from(start);
  const state = optimizer.init(params);

  let loss = objective.value(params);
  xs[0] = params[0];
  ys[0] = params[1];
  losses[0] = loss;
  // `streak` is where the current run of within-target iterates began (null while above the target).
  let hit: number | null = withinTarget(loss, fStar, target) ? 0 : null;
  let streak: number | null = hit;
  let divergedAt: number | null = outOfBounds(loss, params[0], params[1]) ? 0 : null;

  const hyperAt = scheduledHyper(optimizer, hyper, schedule);

  let k = 0;
  while (divergedAt === null && k < steps) {
    optimizer.step(params, state, hyperAt(k), oracle);
    loss = objective.value(params);
    if (outOfBounds(loss, params[0], params[1])) {
      divergedAt = k + 1;
      break;
    }
    k += 1;
    xs[k] = params[0];
    ys[k] = params[1];
    losses[k] = loss;
    if (withinTarget(loss, fStar, target)) {
      hit ??= k;
      streak ??= k;
    } else streak = null;
  }

  const n = k + 1;
  return {
    optimizer: optimizer.id,
    hyper,
    xs: n === xs.length ? xs : xs.slice(0, n),
    ys: n === ys.length ? ys : ys.slice(0, n),
    losses: n === losses.length ? losses : losses.slice(0, n),
    steps: k,
    hit,
    settled: divergedAt === null ? streak : null,
    diverged: divergedAt !== null,
    divergedAt,
    fStar,
  };
}

/**
 * Many runs at once (issue 10): N starts of one optimizer, with one set of hyperparameters, packed into one
 * Float64Array of 2N numbers [x₀, y₀, x₁, y₁, …] and stepped by the same `src/optim` rule a scalar run
 * uses. The rules are elementwise over their parameter vector (their state buffers are `zerosLike(params)`
 * and every loop runs over params.length), and their scalars (t, β₁ᵗ, β₂ᵗ) depend only on the update count,
 * which all points share; so the packed step is N scalar steps side by side, with no copy of any rule.
 *
 * The contract is that of run() (run.ts), point by point, bit for bit: the gradient oracle of point i is
 * the objective's own, on that point's coordinates; with noise, point i has its own Rng seeded with the
 * noise seed (as each scalar run does) and draws its two normals per update in the same order; the loss
 * after each update is objective.value at the point; divergence (non-finite loss, |coordinate| > 1e6)
 * after update k sets divergedAt = k and freezes the point's record at the last finite point; hit and
 * settled follow run()'s definitions. Nothing is recorded per update except what those numbers need, so
 * memory is O(N) whatever the budget. A diverged point keeps being stepped (its numbers are dead and,
 * the rules being elementwise, cannot reach the others); it is cheaper than compacting the arrays.
 *
 * Sweeps over a hyperparameter do not fit this packing (the rules take scalar hyperparameters); they
 * are small enough to run as scalar runs.
 */
import type { Objective, GradientOracle } from '../math/objective.ts';
import type { Hyper, Optimizer } from '../optim/types.ts';
import type { NoiseSpec } from './noise.ts';
import { createRng, type Rng } from './random.ts';
import { outOfBounds, scheduledHyper } from './run.ts';
import { FIXED, type Schedule } from './schedules.ts';
import { withinTarget } from './target.ts';

export interface BatchSpec {
  readonly objective: Objective;
  readonly optimizer: Optimizer;
  readonly hyper: Hyper;
  /** Starts packed as [x₀, y₀, x₁, y₁, …]. */
  readonly starts: Float64Array;
  readonly steps: number;
  /** Largest gap f − f* within the target, as run() takes it; f* defaults to 0 there too. */
  readonly target: number;
  readonly fStar?: number;
  readonly noise?: NoiseSpec;
  readonly schedule?: Schedule;
}

/** Per point i; −1 stands for run()'s null. */
export interface BatchResult {
  readonly count: number;
  readonly hit: Int32Array;
  readonly settled: Int32Array;
  readonly divergedAt: Int32Array;
  /** The last recorded point of each run, packed like the starts. */
  readonly end: Float64Array;
  /** The loss at that point. */
  readonly endLoss: Float64Array;
}

/** The packed oracle: point i's gradient from the objective's own oracle, plus point i's noise. */
function packedOracle(objective: Objective, count: number, noise: { sigma: number; rngs: Rng[] } | null): GradientOracle {
  const p = new Float64Array(2);
  const g = new Float64Array(2);
  return (params, grad) => {
    for (let i = 0; i < count; i++) {
      p[0] = params[2 * i];
      p[1] = params[2 * i + 1];
      objective.gradient(p, g);
      if (noise) {
        const rng = noise.rngs[i];
        g[0] += noise.sigma * rng.normal();
        g[1] += noise.sigma * rng.normal();
      }
      grad[2 * i] = g[0];
      grad[2 * i + 1] = g[1];
    }
    return NaN; // per-point losses are measured after the step, as run() does
  };
}

export function runBatch(spec: BatchSpec): BatchResult {
  const { objective, optimizer, hyper, starts, steps, target, noise } = spec;
  const fStar = spec.fStar ?? 0;
  const schedule = spec.schedule ?? FIXED;
  if (objective.dim !== 2) throw new RangeError(`runBatch() packs 2-D points; objective has dim ${objective.dim}`);
  if (starts.length % 2 !== 0) throw new RangeError(`starts must hold x,y pairs, got ${starts.length} numbers`);
  if (!Number.isInteger(steps) || steps < 0) throw new RangeError(`steps must be a non-negative integer, got ${steps}`);
  const count = starts.length / 2;
  const rngs = noise ? Array.from({ length: count }, () => createRng(noise.seed)) : null;
  const oracle = packedOracle(objective, count, noise && rngs ? { sigma: noise.sigma, rngs } : null);

  const params = Float64Array.from(starts);
  const state = optimizer.init(params);
  const hit = new Int32Array(count).fill(-1);
  const streak = new Int32Array(count).fill(-1);
  const divergedAt = new Int32Array(count).fill(-1);
  const end = Float64Array.from(starts);
  const endLoss = new Float64Array(count);
  /** Points still running (not diverged), so the per-update check skips the dead ones. */
  let live = new Int32Array(count);
  let liveCount = 0;
  const p = new Float64Array(2);

  for (let i = 0; i < count; i++) {
    p[0] = starts[2 * i];
    p[1] = starts[2 * i + 1];
    const loss = objective.value(p);
    endLoss[i] = loss;
    if (outOfBounds(loss, p[0], p[1])) {
      divergedAt[i] = 0;
      continue;
    }
    if (withinTarget(loss, fStar, target)) hit[i] = streak[i] = 0;
    live[liveCount++] = i;
  }

  const hyperAt = scheduledHyper(optimizer, hyper, schedule);
  let next = new Int32Array(count);
  for (let k = 0; k < steps && liveCount > 0; k++) {
    optimizer.step(params, state, hyperAt(k), oracle);
    let nextCount = 0;
    for (let n = 0; n < liveCount; n++) {
      const i = live[n];
      const x = params[2 * i];
      const y = params[2 * i + 1];
      p[0] = x;
      p[1] = y;
      const loss = objective.value(p);
      if (outOfBounds(loss, x, y)) {
        divergedAt[i] = k + 1;
        continue;
      }
      end[2 * i] = x;
      end[2 * i + 1] = y;
      endLoss[i] = loss;
      if (withinTarget(loss, fStar, target)) {
        if (hit[i] < 0) hit[i] = k + 1;
        if (streak[i] < 0) streak[i] = k + 1;
      } else streak[i] = -1;
      next[nextCount++] = i;
    }
    [live, next] = [next, live];
    liveCount = nextCount;
  }

  const settled = streak.map((s, i) => (divergedAt[i] < 0 ? s : -1));
  return { count, hit, settled, divergedAt, end, endLoss };
}

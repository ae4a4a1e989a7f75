/**
 * Many runs at once (issue 10): N starts of one optimizer, with one set of hyperparameters, packed into one
 * Float64Array of 2N numbers [x₀, y₀, x₁, y₁, …] and stepped by the same `src/optim` rule a scalar run
 * uses. The rules are elementwise over their parameter vector (their state buffers are `zerosLike(params)`
 * and every loop runs over params.length), and their scalars (t, β₁ᵗ, β₂ᵗ) depend only on the update count,
 * which all points share; so the packed step is N scalar steps side by side, with no copy of any rule.
 *
 * The contract is that of run() (run.ts), point by point, bit for bit: the gradient oracle of point i is
 * the objective's own, on that point's coordinates; with noise, point i gets the two normals per update
 * that a scalar run's Rng seeded with the noise seed draws; the loss after each update is objective.value
 * at the point; divergence (non-finite loss, |coordinate| > 1e6) after update k sets divergedAt = k and
 * freezes the point's record at the last finite point; hit and settled follow run()'s definitions.
 * Nothing is recorded per update except what those numbers need, so memory is O(N) whatever the budget.
 *
 * Speed (bench/lab.bench.ts): f and ∇f come from the objective's batched forms (Objective.batch: for a
 * compiled expression, one generated loop over the points, printed from the same program as the scalar
 * functions; objectives without them get a loop over their scalar oracle); the starts run in chunks of
 * BATCH_CHUNK points that stay in cache; f after an update comes with the next update's ∇f; a diverged
 * point is dropped from its chunk, as run() stops there.
 *
 * Sweeps over a hyperparameter do not fit this packing (the rules take scalar hyperparameters); they
 * are small enough to run as scalar runs.
 */
import type { BatchFunctions, Objective, GradientOracle } from '../math/objective.ts';
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

/**
 * Points per chunk. A batch runs its starts in consecutive chunks, each through the whole budget before
 * the next: a chunk's vectors (parameters, the rule's state, gradients, losses: about ten arrays of
 * 2·256 doubles) stay in the core's L1/L2 cache across updates, and a chunk whose points have all diverged
 * stops early. Each point's run depends on its own start only (the rules are elementwise, their shared
 * scalars depend on the update count only), so chunking changes no number.
 */
export const BATCH_CHUNK = 256;

/** The objective's batched f and ∇f, or a loop over its scalar ones; `fused`: the gradient form's f is value's f. */
function batchFunctions(objective: Objective): BatchFunctions & { readonly fused: boolean } {
  const compiled = objective.batch?.();
  if (compiled) return { value: compiled.value, gradient: compiled.gradient, fused: true };
  const p = new Float64Array(2);
  const g = new Float64Array(2);
  return {
    value(P, F, from, to) {
      for (let i = from; i < to; i++) {
        p[0] = P[2 * i];
        p[1] = P[2 * i + 1];
        F[i] = objective.value(p);
      }
    },
    gradient(P, G, F, from, to) {
      for (let i = from; i < to; i++) {
        p[0] = P[2 * i];
        p[1] = P[2 * i + 1];
        F[i] = objective.gradient(p, g);
        G[2 * i] = g[0];
        G[2 * i + 1] = g[1];
      }
    },
    // A hand-written objective's gradient may compute f differently from its value.
    fused: false,
  };
}

interface Shared {
  readonly spec: BatchSpec;
  readonly kernel: BatchFunctions & { readonly fused: boolean };
  readonly hyperAt: (k: number) => Hyper;
  readonly fStar: number;
  readonly hit: Int32Array;
  readonly streak: Int32Array;
  readonly divergedAt: Int32Array;
  readonly end: Float64Array;
  readonly endLoss: Float64Array;
}

/**
 * Points [from, to) through the whole budget. The loss after each update comes from the batched f at all
 * the chunk's points at once; for the rules that take their gradient at the parameters themselves (all
 * but NAG and Schedule-Free SGD) it comes with ∇f at those points, kept for the next update's oracle call,
 * so each update evaluates the expression once per point, not twice. The kept gradient is handed out only
 * when the oracle is asked at `params` itself: every rule asks for its gradient before it moves params
 * (optim/types.ts: the step's update follows the oracle call), so params still hold the points it was
 * computed at. (Checking that bit by bit cost 15 % of an Adam step; a rule that broke the order would fail
 * tests/run/batch.test.ts, which runs every registry rule against run().)
 *
 * Diverged points are dropped, as run() stops there: after an update that diverges some, the survivors
 * are moved down (slot m ← slot j, j ≥ m, in order) in params, in every per-coordinate buffer of the
 * rule's state (optim/types.ts: init's state is typed arrays shaped like params plus scalars; these are
 * the Float64Arrays of params' length) and in the kept f and ∇f, and every buffer
 * is narrowed to the survivors (a subarray: the rules loop over their vectors' length). Moving a point's
 * numbers changes none of them: the rules are elementwise and their scalars depend on the update count.
 */
function runChunk(c: Shared, from: number, to: number): void {
  const { spec, kernel, hyperAt, fStar, hit, streak, divergedAt, end, endLoss } = c;
  const { optimizer, starts, steps, target, noise } = spec;
  let n = to - from;
  let params = starts.slice(2 * from, 2 * to);
  const state = optimizer.init(params);
  const buffers = Object.keys(state).filter((key) => state[key] instanceof Float64Array && (state[key] as Float64Array).length === 2 * n);
  /** f at each point after the last update, and ∇f there when `cached`. */
  let F = new Float64Array(n);
  let G = new Float64Array(2 * n);
  /** The point (index into the batch) in each slot. */
  const ids = Int32Array.from({ length: n }, (_, j) => from + j);
  let cached = false;
  /** Whether the rule's last oracle call was at `params` (so the next one likely is too). */
  let atParams = true;
  const sigma = noise ? noise.sigma : 0;
  /**
   * Each scalar run draws its noise from its own Rng seeded with the noise seed, two normals per update;
   * so every point's stream is the same stream, and one Rng drawn twice per update gives every point
   * the numbers its own would.
   */
  const rng: Rng | null = noise ? createRng(noise.seed) : null;

  const oracle: GradientOracle = (p, g) => {
    atParams = p === params;
    if (cached && atParams) g.set(G);
    else kernel.gradient(p as Float64Array, g as Float64Array, F, 0, n);
    cached = false;
    if (rng) {
      const dx = sigma * rng.normal();
      const dy = sigma * rng.normal();
      for (let j = 0; j < n; j++) {
        g[2 * j] += dx;
        g[2 * j + 1] += dy;
      }
    }
    return NaN; // per-point losses are measured after the step, as run() does
  };
  const measure = (): void => {
    if (kernel.fused && atParams) {
      kernel.gradient(params, G, F, 0, n);
      cached = true;
    } else kernel.value(params, F, 0, n);
  };
  /**
   * Per slot, while its point runs: first update within the target and start of the current streak
   * (−1: none), and the point and f before the last update (its record if that update diverged it).
   * They are written to the batch's arrays when the point diverges or the budget ends.
   */
  const hitS = new Int32Array(n).fill(-1);
  const streakS = new Int32Array(n).fill(-1);
  const lastP = new Float64Array(2 * n);
  const lastF = new Float64Array(n);
  /** Keeps the slots whose `alive` is 1, in order. */
  const alive = new Uint8Array(n);
  const compact = (): void => {
    const pairs = [params, G, ...buffers.map((key) => state[key] as Float64Array)];
    let m = 0;
    for (let j = 0; j < n; j++) {
      if (!alive[j]) continue;
      if (m !== j) {
        for (const a of pairs) {
          a[2 * m] = a[2 * j];
          a[2 * m + 1] = a[2 * j + 1];
        }
        F[m] = F[j];
        ids[m] = ids[j];
        hitS[m] = hitS[j];
        streakS[m] = streakS[j];
      }
      m++;
    }
    n = m;
    params = params.subarray(0, 2 * n);
    G = G.subarray(0, 2 * n);
    F = F.subarray(0, n);
    for (const key of buffers) state[key] = (state[key] as Float64Array).subarray(0, 2 * n);
    alive.fill(1, 0, n);
  };

  measure();
  let dead = 0;
  for (let j = 0; j < n; j++) {
    const i = ids[j];
    const loss = F[j];
    endLoss[i] = loss;
    alive[j] = 1;
    if (outOfBounds(loss, params[2 * j], params[2 * j + 1])) {
      divergedAt[i] = 0;
      alive[j] = 0;
      dead++;
      continue;
    }
    if (withinTarget(loss, fStar, target)) hitS[j] = streakS[j] = 0;
  }
  if (dead > 0) compact();

  for (let k = 0; k < steps && n > 0; k++) {
    lastP.set(params);
    lastF.set(F);
    optimizer.step(params, state, hyperAt(k), oracle);
    measure();
    dead = 0;
    for (let j = 0; j < n; j++) {
      const loss = F[j];
      if (outOfBounds(loss, params[2 * j], params[2 * j + 1])) {
        const i = ids[j];
        divergedAt[i] = k + 1;
        end[2 * i] = lastP[2 * j];
        end[2 * i + 1] = lastP[2 * j + 1];
        endLoss[i] = lastF[j];
        hit[i] = hitS[j];
        alive[j] = 0;
        dead++;
      } else if (withinTarget(loss, fStar, target)) {
        if (hitS[j] < 0) hitS[j] = k + 1;
        if (streakS[j] < 0) streakS[j] = k + 1;
      } else streakS[j] = -1;
    }
    if (dead > 0) compact();
  }
  for (let j = 0; j < n; j++) {
    const i = ids[j];
    end[2 * i] = params[2 * j];
    end[2 * i + 1] = params[2 * j + 1];
    endLoss[i] = F[j];
    hit[i] = hitS[j];
    streak[i] = streakS[j];
  }
}

export function runBatch(spec: BatchSpec): BatchResult {
  const { objective, optimizer, hyper, starts, steps } = spec;
  const fStar = spec.fStar ?? 0;
  const schedule = spec.schedule ?? FIXED;
  if (objective.dim !== 2) throw new RangeError(`runBatch() packs 2-D points; objective has dim ${objective.dim}`);
  if (starts.length % 2 !== 0) throw new RangeError(`starts must hold x,y pairs, got ${starts.length} numbers`);
  if (!Number.isInteger(steps) || steps < 0) throw new RangeError(`steps must be a non-negative integer, got ${steps}`);
  const count = starts.length / 2;
  const shared: Shared = {
    spec,
    kernel: batchFunctions(objective),
    hyperAt: scheduledHyper(optimizer, hyper, schedule),
    fStar,
    hit: new Int32Array(count).fill(-1),
    streak: new Int32Array(count).fill(-1),
    divergedAt: new Int32Array(count).fill(-1),
    end: Float64Array.from(starts),
    endLoss: new Float64Array(count),
  };
  for (let from = 0; from < count; from += BATCH_CHUNK) runChunk(shared, from, Math.min(count, from + BATCH_CHUNK));
  const { hit, streak, divergedAt, end, endLoss } = shared;
  const settled = streak.map((s, i) => (divergedAt[i] < 0 ? s : -1));
  return { count, hit, settled, divergedAt, end, endLoss };
}

/**
 * A race: several entrants from the same start, with the same budget, target (a gap above f*) and noise. An entrant is an
 * optimizer with its complete hyperparameters; the same optimizer may enter several times with different
 * ones. Each run gets its own freshly seeded noise stream, so with equal seeds every entrant sees the same
 * sequence of noise draws (each step asks its oracle exactly once). The learning-rate schedule (default
 * fixed) is shared too, unless an entrant brings its own: each entrant's base lr is scaled by it (run.ts).
 *
 * Several seeds: one draw of noise is not a comparison. With `seeds` N > 1 and gradient noise, each entrant
 * runs N times, on the noise seeds seed, seed + 1, …, seed + N − 1 (mod 2³²; the same N streams for every
 * entrant), and its run is the median one: the runs ranked by iterations to target (`settled`, a run that
 * did not settle ranking last), then by final loss (a diverged run's as +∞), then by seed, and the one at
 * rank ⌊(N − 1)/2⌋ taken (the lower median for even N). So the entrant's `settled` is the median of its
 * seeds' `settled`; every seed's run is kept in `seeds`, in seed order, for the spread and the faint
 * paths. Without noise (or mini-batches, below) the N runs would be identical, so one is run and `seeds`
 * stays empty.
 *
 * Mini-batches: on a surface with data (`data`, e.g. linear regression's 100 points) an entrant may take
 * `batch` points per step: its gradient is then the exact gradient of a seeded mini-batch's loss
 * (minibatch.ts, the shuffle seeded by the race's `seed`, or each of the N seeds), while its trajectory's
 * losses and the target stay the full-data loss (the objective's value). Such an entrant is random even
 * without noise, so it runs on N seeds too.
 */
import type { Objective } from '../math/objective.ts';
import type { Hyper, Optimizer } from '../optim/types.ts';
import { miniBatchOracle, type PointData } from './minibatch.ts';
import type { NoiseSpec } from './noise.ts';
import { run, type Trajectory } from './run.ts';
import { FIXED, type Schedule } from './schedules.ts';

export interface Entrant {
  readonly optimizer: Optimizer;
  /** Its complete hyperparameters. */
  readonly hyper: Hyper;
  /** Unique within the race (`adam`, `adam#2`, `adam:lr=0.1`); default: the optimizer's id. */
  readonly label?: string;
  /** The hyperparameters it sets itself, over its optimizer's (shown in its name); default none. */
  readonly own?: Hyper;
  /** Its own learning-rate schedule instead of the race's. */
  readonly schedule?: Schedule;
  /** 1 for the first of identical entrants, 2 for the second (`adam#2`)…; default 1. */
  readonly copy?: number;
  /** Points per mini-batch (a surface with data only); absent: the objective's exact gradient. */
  readonly batch?: number;
}

/** One seed's run of an entrant. */
export interface SeedRun extends Trajectory {
  readonly seed: number;
}

/** One entrant's recorded run (its median one over several seeds), with who ran it. */
export interface EntrantRun extends Trajectory {
  /** The entrant's label, unique within the race. */
  readonly entrant: string;
  readonly own: Hyper;
  /** Its own schedule, or null when it ran the race's. */
  readonly ownSchedule: Schedule | null;
  /** The schedule it ran (its own, else the race's). */
  readonly schedule: Schedule;
  readonly copy: number;
  /** Over several noise seeds: every seed's run, in seed order (this run is one of them); else empty. */
  readonly seeds: readonly SeedRun[];
  /** The seed of this run when it is the median of `seeds`; else null. */
  readonly medianSeed: number | null;
  /** Points per mini-batch, or null: the exact gradient. */
  readonly batch: number | null;
}

export interface RaceSpec {
  readonly objective: Objective;
  readonly entrants: readonly Entrant[];
  readonly start: readonly [number, number];
  readonly steps: number;
  /** Gap target: f − f* ≤ target counts as within it (run.ts). */
  readonly target: number;
  readonly fStar?: number;
  readonly noise?: NoiseSpec;
  readonly schedule?: Schedule;
  /** Noise seeds per entrant (default 1); only with noise or mini-batches. */
  readonly seeds?: number;
  /** The seed of the mini-batch shuffle when there is no noise (with noise: the noise's seed); default 1. */
  readonly seed?: number;
  /** The surface's data points, for entrants with a `batch`. */
  readonly data?: PointData;
}

/** The last recorded loss; +∞ for a diverged run (it ranks last among runs that did not settle). */
const finalLoss = (t: Trajectory): number => (t.diverged ? Infinity : t.losses[t.losses.length - 1]);

/** The median run (see the header): rank ⌊(N − 1)/2⌋ by settled (null last), final loss, seed. */
export function medianRun<T extends SeedRun>(runs: readonly T[]): T {
  const ranked = [...runs].sort(
    (a, b) => (a.settled ?? Infinity) - (b.settled ?? Infinity) || finalLoss(a) - finalLoss(b) || a.seed - b.seed,
  );
  return ranked[Math.floor((ranked.length - 1) / 2)];
}

export function race(spec: RaceSpec): EntrantRun[] {
  const { entrants, schedule: shared = FIXED, seeds = 1, noise, seed: batchSeed = 1, data, objective, ...common } = spec;
  if (!Number.isInteger(seeds) || seeds < 1) throw new RangeError(`seeds must be a whole number ≥ 1, got ${seeds}`);
  const base = noise?.seed ?? batchSeed;
  return entrants.map((e) => {
    const schedule = e.schedule ?? shared;
    const batch = e.batch ?? null;
    if (batch !== null && data === undefined) throw new RangeError(`entrant ${e.label ?? e.optimizer.id}: mini-batches need a surface with data`);
    const who = { entrant: e.label ?? e.optimizer.id, own: e.own ?? {}, ownSchedule: e.schedule ?? null, schedule, copy: e.copy ?? 1, batch };
    const once = (seed: number) => {
      const source = batch === null ? objective : { dim: objective.dim, value: objective.value, gradient: miniBatchOracle(data!, batch, seed) };
      const n = noise === undefined ? undefined : { sigma: noise.sigma, seed };
      return run({ ...common, objective: source, noise: n, optimizer: e.optimizer, hyper: e.hyper, schedule });
    };
    const random = noise !== undefined || batch !== null;
    if (!random || seeds === 1) return { ...once(base), ...who, seeds: [], medianSeed: null };
    const all: SeedRun[] = Array.from({ length: seeds }, (_, i) => {
      const seed = (base + i) >>> 0;
      return { ...once(seed), seed };
    });
    const median = medianRun(all);
    const { seed, ...trajectory } = median;
    return { ...trajectory, ...who, seeds: all, medianSeed: seed };
  });
}

/**
 * A race: several optimizers from the same start, with the same budget, target (and f*) and noise. Each run gets
 * its own freshly seeded noise stream, so with equal seeds every optimizer sees the same sequence of
 * noise draws (each step asks its oracle exactly once). The learning-rate schedule (default fixed) is
 * shared too: each entrant's own base lr is scaled by it (see run.ts).
 */
import type { Objective } from '../math/objective.ts';
import type { Hyper, Optimizer } from '../optim/types.ts';
import type { NoiseSpec } from './noise.ts';
import { run, type Trajectory } from './run.ts';
import type { Schedule } from './schedules.ts';

export interface Entrant {
  readonly optimizer: Optimizer;
  readonly hyper: Hyper;
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
}

export function race(spec: RaceSpec): Trajectory[] {
  const { entrants, ...shared } = spec;
  return entrants.map(({ optimizer, hyper }) => run({ ...shared, optimizer, hyper }));
}

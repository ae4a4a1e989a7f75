/**
 * A race: several entrants from the same start, with the same budget, target and noise. An entrant is an
 * optimizer with its complete hyperparameters; the same optimizer may enter several times with different
 * ones. Each run gets its own freshly seeded noise stream, so with equal seeds every entrant sees the same
 * sequence of noise draws (each step asks its oracle exactly once). The learning-rate schedule (default
 * fixed) is shared too, unless an entrant brings its own: each entrant's base lr is scaled by it (run.ts).
 */
import type { Objective } from '../math/objective.ts';
import type { Hyper, Optimizer } from '../optim/types.ts';
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
}

/** One entrant's recorded run, with who ran it. */
export interface EntrantRun extends Trajectory {
  /** The entrant's label, unique within the race. */
  readonly entrant: string;
  readonly own: Hyper;
  /** Its own schedule, or null when it ran the race's. */
  readonly ownSchedule: Schedule | null;
  /** The schedule it ran (its own, else the race's). */
  readonly schedule: Schedule;
  readonly copy: number;
}

export interface RaceSpec {
  readonly objective: Objective;
  readonly entrants: readonly Entrant[];
  readonly start: readonly [number, number];
  readonly steps: number;
  readonly target: number;
  readonly noise?: NoiseSpec;
  readonly schedule?: Schedule;
}

export function race(spec: RaceSpec): EntrantRun[] {
  const { entrants, schedule: shared = FIXED, ...common } = spec;
  return entrants.map((e) => {
    const schedule = e.schedule ?? shared;
    const t = run({ ...common, optimizer: e.optimizer, hyper: e.hyper, schedule });
    return { ...t, entrant: e.label ?? e.optimizer.id, own: e.own ?? {}, ownSchedule: e.schedule ?? null, schedule, copy: e.copy ?? 1 };
  });
}

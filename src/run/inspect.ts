/**
 * The update inspector's replay: an entrant's state after k updates and the parts of update k + 1.
 *
 * It replays the entrant through race() itself (the same objective, hyperparameters, schedule, noise
 * stream and mini-batches as the race; no copy of the loop), on the seed of the run the race shows
 * (its median seed, else the race's), with a budget of k + 1 updates. The entrant's optimizer is wrapped so
 * that update k + 1 is watched: its state and point are copied before the update (the state after k
 * updates, θ_k), its oracle is spied on (the point the rule evaluates and the gradient it gets: g at θ_k,
 * NAG's at its look-ahead, Schedule-Free's at y, noise and mini-batch included), and the update's live
 * hyperparameters (lr as scheduled for that update) and result θ_{k+1} are kept. The race's own steps are
 * unchanged: a race's first k + 1 updates do not depend on its budget, so θ_k here equals the race's, bit
 * for bit (tests/run/inspect.test.ts). inspectRange watches every update from k + 1 to k' + 1 in one replay
 * the same way, for the inspector's cache (src/view/inspect.ts).
 *
 * State snapshots are plain numbers: t, each buffer as an array, each running product as a number; the
 * scratch buffers (g, which the rules overwrite with their update direction, and NAG's `ahead`) are left
 * out, since they hold no state between updates.
 */
import type { GradientOracle } from '../math/objective.ts';
import type { Hyper, Optimizer, OptimizerState } from '../optim/types.ts';
import { race, type Entrant, type RaceSpec } from './race.ts';

export type Pair = readonly [number, number];

export interface StateSnapshot {
  readonly t: number;
  /** Every other state entry, buffers as [x, y], in the state's key order. */
  readonly values: Readonly<Record<string, number | Pair>>;
}

export interface WatchedUpdate {
  /** The hyperparameters update k + 1 ran with (lr as the schedule set it). */
  readonly hyper: Hyper;
  /** Where the rule took its gradient. */
  readonly at: Pair;
  /** The gradient it got there (noise included). */
  readonly g: Pair;
  /** θ_{k+1}. */
  readonly theta: Pair;
  /** The state after update k + 1. */
  readonly state: StateSnapshot;
}

export interface Inspection {
  /** Updates done. */
  readonly k: number;
  /** θ_k. */
  readonly theta: Pair;
  /** The state after k updates. */
  readonly state: StateSnapshot;
  /** Update k + 1, or null when the run diverged before it. */
  readonly next: WatchedUpdate | null;
}

const SCRATCH = new Set(['t', 'g', 'ahead']);

export function snapshot(state: OptimizerState): StateSnapshot {
  const values: Record<string, number | Pair> = {};
  for (const [key, value] of Object.entries(state)) {
    if (SCRATCH.has(key)) continue;
    if (typeof value === 'number') values[key] = value;
    else if (value instanceof Float64Array || value instanceof Float32Array) values[key] = [value[0], value[1]];
  }
  return { t: state.t, values };
}

/**
 * `seed`: the seed of the run shown (EntrantRun.medianSeed), or null for the race's own seed.
 * Throws RangeError for a negative or fractional k.
 */
export function inspectEntrant(spec: RaceSpec, entrant: Entrant, seed: number | null, k: number): Inspection {
  return inspectRange(spec, entrant, seed, k, k)[0];
}

/**
 * The inspections at every k from `from` to `to`, from one replay with a budget of to + 1 updates (the
 * update inspector's cache steps forward through them: src/view/inspect.ts). Fewer than to − from + 1
 * when the run ends before update to + 1; throws RangeError when it ends before update from + 1.
 */
export function inspectRange(spec: RaceSpec, entrant: Entrant, seed: number | null, from: number, to: number): Inspection[] {
  for (const k of [from, to]) {
    if (!Number.isInteger(k) || k < 0) throw new RangeError(`the inspected iteration must be a whole number ≥ 0, got ${k}`);
  }
  if (to < from) throw new RangeError(`the inspected range must not be empty, got ${from} to ${to}`);
  const inner = entrant.optimizer;
  let calls = 0;
  const found: Inspection[] = [];
  const watched: Optimizer = {
    ...inner,
    step(params, state, hyper, oracle) {
      const k = calls;
      calls += 1;
      if (k < from || k > to) return inner.step(params, state, hyper, oracle);
      const theta: Pair = [params[0], params[1]];
      const before = snapshot(state);
      let at: Pair = [NaN, NaN];
      let g: Pair = [NaN, NaN];
      const spy: GradientOracle = (p, grad) => {
        const loss = oracle(p, grad);
        at = [p[0], p[1]];
        g = [grad[0], grad[1]];
        return loss;
      };
      const live = { ...hyper };
      const loss = inner.step(params, state, hyper, spy);
      found.push({ k, theta, state: before, next: { hyper: live, at, g, theta: [params[0], params[1]], state: snapshot(state) } });
      return loss;
    },
  };
  const shown = seed ?? spec.noise?.seed ?? spec.seed ?? 1;
  const [result] = race({
    ...spec,
    entrants: [{ ...entrant, optimizer: watched }],
    steps: to + 1,
    seeds: 1,
    seed: shown,
    noise: spec.noise && { sigma: spec.noise.sigma, seed: shown },
  });
  if (found.length === 0) {
    // The run stopped before update from + 1: from is past its last recorded point.
    throw new RangeError(`the run ends after ${result.steps} updates (diverged at ${result.divergedAt}); cannot inspect iteration ${from}`);
  }
  return found;
}

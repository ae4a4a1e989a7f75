/**
 * A start-point map (issue 10): every entrant of a race run from every cell centre of an nx × ny grid over
 * the domain (start-grid.ts), by the batched engine (src/run/batch.ts, bit-identical to one run() per
 * start), with the race's budget, gap target, f*, seeded noise and schedule (an entrant's own schedule
 * first). Mini-batch entrants are not mapped: the batched engine takes exact (or noisy) gradients only.
 * `part` runs only starts [from, to) of the grid, so the work can be split (worker threads) and joined
 * with joinBatches, which gives what one call over every start gives.
 */
import type { Objective } from '../math/objective.ts';
import type { NoiseSpec } from '../run/noise.ts';
import type { Entrant } from '../run/race.ts';
import { runBatch, type BatchResult } from '../run/batch.ts';
import type { Schedule } from '../run/schedules.ts';
import { gridStarts, type StartGrid } from './start-grid.ts';

export interface MapSpec extends StartGrid {
  readonly objective: Objective;
  readonly entrants: readonly Entrant[];
  readonly steps: number;
  readonly target: number;
  readonly fStar: number;
  readonly noise?: NoiseSpec;
  readonly schedule?: Schedule;
}

export function mapRuns(spec: MapSpec, part?: { readonly from: number; readonly to: number }): BatchResult[] {
  const all = gridStarts(spec);
  const starts = part ? all.subarray(2 * part.from, 2 * part.to) : all;
  return spec.entrants.map((e) => {
    if (e.batch !== undefined) throw new RangeError(`entrant ${e.label ?? e.optimizer.id}: mini-batches cannot be mapped (the batched engine takes the full gradient)`);
    return runBatch({
      objective: spec.objective,
      optimizer: e.optimizer,
      hyper: e.hyper,
      starts,
      steps: spec.steps,
      target: spec.target,
      fStar: spec.fStar,
      noise: spec.noise,
      schedule: e.schedule ?? spec.schedule,
    });
  });
}

/** Parts of one batch over consecutive starts, in order, as one BatchResult. */
export function joinBatches(parts: readonly BatchResult[]): BatchResult {
  const join = <T extends Int32Array | Float64Array>(make: (n: number) => T, pick: (b: BatchResult) => T): T => {
    const out = make(parts.reduce((n, b) => n + pick(b).length, 0));
    let at = 0;
    for (const b of parts) {
      out.set(pick(b), at);
      at += pick(b).length;
    }
    return out;
  };
  const ints = (n: number) => new Int32Array(n);
  const floats = (n: number) => new Float64Array(n);
  return {
    count: parts.reduce((n, b) => n + b.count, 0),
    hit: join(ints, (b) => b.hit),
    settled: join(ints, (b) => b.settled),
    divergedAt: join(ints, (b) => b.divergedAt),
    end: join(floats, (b) => b.end),
    endLoss: join(floats, (b) => b.endLoss),
  };
}

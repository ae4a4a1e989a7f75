/**
 * "Time to target" for the scoreboard: validation accuracy is measured at the end of each epoch, so a
 * run reaches the target at the first epoch end whose validation accuracy is ≥ target; its time and
 * iteration count are those of that epoch end (training time only, pauses excluded by the caller).
 */
export interface EpochMark {
  readonly epoch: number;
  readonly iteration: number;
  readonly seconds: number;
  readonly valAccuracy: number;
}

export function firstReaching<T extends EpochMark>(epochs: readonly T[], target: number): T | null {
  for (const e of epochs) if (e.valAccuracy >= target) return e;
  return null;
}

/**
 * Ranking for the scoreboard: runs that reached the target first (by time, then iterations), then the
 * others by their best validation accuracy; diverged runs last.
 */
export interface RankInput {
  readonly reached: EpochMark | null;
  readonly bestValAccuracy: number;
  readonly diverged: boolean;
}

export function compareRuns(a: RankInput, b: RankInput): number {
  if (a.diverged !== b.diverged) return a.diverged ? 1 : -1;
  if (a.reached && b.reached) return a.reached.seconds - b.reached.seconds || a.reached.iteration - b.reached.iteration;
  if (a.reached || b.reached) return a.reached ? -1 : 1;
  const av = Number.isFinite(a.bestValAccuracy) ? a.bestValAccuracy : -1;
  const bv = Number.isFinite(b.bestValAccuracy) ? b.bestValAccuracy : -1;
  return bv - av;
}

/** What the ranking reads of a run (the fields of RunView it needs). */
export interface RankedRun {
  readonly epochs: readonly { readonly valAccuracy: number }[];
  readonly target: { readonly epoch: number; readonly iterations: number; readonly seconds: number } | null;
  readonly diverged: boolean;
}

/** The best validation accuracy over a run's epochs (−∞ before the first). */
export const bestValAccuracy = (run: RankedRun): number =>
  run.epochs.reduce((m, e) => (Number.isFinite(e.valAccuracy) ? Math.max(m, e.valAccuracy) : m), -Infinity);

const rankInput = (run: RankedRun): RankInput => ({
  reached: run.target ? { epoch: run.target.epoch, iteration: run.target.iterations, seconds: run.target.seconds, valAccuracy: NaN } : null,
  bestValAccuracy: bestValAccuracy(run),
  diverged: run.diverged,
});

/** The runs in the scoreboard's order (compareRuns); a new array, ties keep the race's order. */
export function rankRuns<T extends RankedRun>(runs: readonly T[]): T[] {
  return runs
    .map((run) => ({ run, rank: rankInput(run) }))
    .sort((a, b) => compareRuns(a.rank, b.rank))
    .map((r) => r.run);
}

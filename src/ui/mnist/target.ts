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

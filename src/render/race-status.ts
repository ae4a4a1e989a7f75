/**
 * What the scoreboard says about one recorded run at playback iteration k, and its one-sentence summary
 * of the race. Pure, so the table, the exported figure, the embed and the tests agree. A run's arrays
 * hold the start at index 0 and the point after k updates at index k; a diverged run stops early, so k
 * is clamped to what was recorded.
 */
export interface RecordedRun {
  readonly xs: ArrayLike<number>;
  readonly ys: ArrayLike<number>;
  readonly losses: ArrayLike<number>;
  readonly hit: number | null;
  readonly diverged: boolean;
  readonly divergedAt: number | null;
}

export type Outcome = { kind: 'hit'; at: number } | { kind: 'diverged'; at: number } | { kind: 'not-reached' };

export function outcomeAt(run: RecordedRun, k: number): Outcome {
  if (run.hit !== null && run.hit <= k) return { kind: 'hit', at: run.hit };
  const at = run.divergedAt ?? run.losses.length - 1;
  if (run.diverged && at <= k) return { kind: 'diverged', at };
  return { kind: 'not-reached' };
}

export function outcomeText(o: Outcome): string {
  return o.kind === 'hit' ? String(o.at) : o.kind === 'diverged' ? `diverged at ${o.at}` : 'not reached';
}

/** Index of the iterate shown at playback iteration k. */
export function shownIndex(run: RecordedRun, k: number): number {
  return Math.max(0, Math.min(k, run.losses.length - 1, run.xs.length - 1));
}

/**
 * One sentence on who leads at iteration k, the newcomer's answer to "so what happened?": the scoreboard's
 * summary, and the embed's whole scoreboard.
 */
export function raceSummary(runs: readonly (RecordedRun & { readonly name: string })[], k: number, target: number | null): string {
  if (runs.length === 0) return 'No optimizer is selected.';
  if (target === null) return 'No loss target is set, so no optimizer can reach one; set a loss target to compare iterations.';
  const hits = runs.flatMap((r) => {
    const o = outcomeAt(r, k);
    return o.kind === 'hit' ? [{ name: r.name, at: o.at }] : [];
  });
  if (hits.length === 0) return `By iteration ${k}, no optimizer has reached the target yet.`;
  const at = Math.min(...hits.map((h) => h.at));
  const tied = hits.filter((h) => h.at === at).map((h) => h.name);
  return `${tied.join(' and ')} reached the target first, in ${at} iteration${at === 1 ? '' : 's'}; ${hits.length} of ${runs.length} have reached it by iteration ${k}.`;
}

/** Four significant digits; exponent form outside [1e-3, 1e5); ±∞ and NaN spelled out. */
export function formatNumber(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  const s = a >= 1e-3 && a < 1e5 ? String(Number(v.toPrecision(4))) : v.toExponential(2).replace('e+', 'e');
  return s.replace(/^-/, '−');
}

/**
 * What the scoreboard says about one recorded run at playback iteration k. Pure, so the table, the
 * exported figure and the tests agree. A run's arrays hold the start at index 0 and the point after
 * k updates at index k; a diverged run stops early, so k is clamped to what was recorded.
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

/** Four significant digits; exponent form outside [1e-3, 1e5); ±∞ and NaN spelled out. */
export function formatNumber(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  const s = a >= 1e-3 && a < 1e5 ? String(Number(v.toPrecision(4))) : v.toExponential(2).replace('e+', 'e');
  return s.replace(/^-/, '−');
}

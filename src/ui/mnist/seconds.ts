/**
 * Training seconds as the MNIST tab writes them (the scoreboard's total, per epoch and to target; the
 * learning curves' legend): one format, so the same seconds read the same everywhere. Two decimals below
 * 10 s (a one-epoch run's 0.06 s must not read "0.1 s" beside "0.06 s/epoch"), one decimal above.
 * Times are training seconds as src/mnist/train.ts counts them: updates only, evaluation and pauses excluded.
 */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '— s';
  return `${seconds.toFixed(Math.abs(seconds) < 9.995 ? 2 : 1)} s`;
}

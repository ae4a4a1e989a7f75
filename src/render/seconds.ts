/**
 * Training seconds as the MNIST tab and `cli mnist` write them (the scoreboard's total, per epoch and to
 * target; the learning curves' legend; the CLI's epoch table and time to target): one format, so the same
 * seconds read the same everywhere. Two decimals below 10 s (a one-epoch run's 0.06 s must not read "0.1 s"
 * beside "0.06 s/epoch", nor "0.0 s" in the CLI), one decimal above.
 * Times are training seconds as src/mnist/train.ts counts them: updates only, evaluation and pauses excluded.
 */
export function secondsNumber(seconds: number): string {
  return Number.isFinite(seconds) ? seconds.toFixed(Math.abs(seconds) < 9.995 ? 2 : 1) : '—';
}

export const formatSeconds = (seconds: number): string => `${secondsNumber(seconds)} s`;

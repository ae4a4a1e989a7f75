/**
 * Playback speeds offered (iterations per second) and the default for a budget: the offered speed
 * geometrically nearest to steps / 5, so a default race plays in about five seconds.
 */
export const SPEEDS = [10, 30, 100, 300, 1000, 3000] as const;

export function defaultSpeed(steps: number): number {
  const want = Math.log(Math.max(1, steps) / 5);
  let best: number = SPEEDS[0];
  for (const s of SPEEDS) if (Math.abs(Math.log(s) - want) < Math.abs(Math.log(best) - want)) best = s;
  return best;
}

/** The playhead after dt milliseconds at `speed` iterations per second, stopping at the budget. */
export function advance(playhead: number, speed: number, dtMs: number, steps: number): number {
  return Math.min(steps, playhead + (speed * Math.max(0, dtMs)) / 1000);
}

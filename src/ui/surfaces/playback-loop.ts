/**
 * The playback clock shared by the surfaces tab and the embed page: moves a playhead forward on
 * requestAnimationFrame at `speed` iterations per second (playback-speed.ts `advance`) until the budget.
 * At the end it calls `onend`, or, with `loopPauseMs`, waits that long and starts again from 0.
 * Returns the function that stops it (an $effect's cleanup). Only the playhead moves: nothing is recomputed.
 */
import { advance } from './playback-speed.ts';

export interface PlaybackClock {
  readonly read: () => number;
  readonly write: (playhead: number) => void;
  readonly speed: number;
  readonly steps: number;
  readonly onend: () => void;
  readonly loopPauseMs?: number;
}

export function startPlayback(c: PlaybackClock): () => void {
  let last = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let id = requestAnimationFrame(function tick(now) {
    c.write(advance(c.read(), c.speed, now - last, c.steps));
    last = now;
    if (c.read() < c.steps) id = requestAnimationFrame(tick);
    else if (c.loopPauseMs === undefined) c.onend();
    else
      timer = setTimeout(() => {
        c.write(0);
        last = performance.now();
        id = requestAnimationFrame(tick);
      }, c.loopPauseMs);
  });
  return () => {
    cancelAnimationFrame(id);
    clearTimeout(timer);
  };
}

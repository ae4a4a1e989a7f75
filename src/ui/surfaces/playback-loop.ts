/**
 * The playback clock shared by the surfaces tab and the embed page: moves a playhead forward on
 * requestAnimationFrame at `speed` iterations per second (playback-speed.ts `advance`) until the budget.
 * At the end it calls `onend`, or, with `loopPauseMs`, waits that long and starts again from 0.
 * Returns the function that stops it (an $effect's cleanup). Only the playhead moves: nothing is recomputed.
 * While the page is hidden (another browser tab, a minimised window) the browser stops animation frames;
 * the clock then holds the playhead where it was and goes on from there when the page shows again, rather
 * than counting the hidden time and jumping ahead.
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
  // A frame's time may predate the visibilitychange event that preceded it: never advance from before it.
  const shown = () => {
    if (globalThis.document?.visibilityState === 'visible') last = performance.now();
  };
  globalThis.document?.addEventListener('visibilitychange', shown);
  let id = requestAnimationFrame(function tick(now) {
    c.write(advance(c.read(), c.speed, now - last, c.steps));
    last = Math.max(last, now);
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
    globalThis.document?.removeEventListener('visibilitychange', shown);
  };
}

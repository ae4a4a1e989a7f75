/**
 * The playback clock with fake timers: a frame every 16 ms (Node has no requestAnimationFrame, so it is
 * stubbed on the fake setTimeout, passing the fake performance.now() as the frame time), 100
 * iterations per second, a budget of 10 ⇒ the playhead gains 1.6 per frame and ends at exactly 10.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPlayback } from '../../src/ui/surfaces/playback-loop.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => setTimeout(() => cb(performance.now()), 16));
  vi.stubGlobal('cancelAnimationFrame', (id: ReturnType<typeof setTimeout>) => clearTimeout(id));
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

function clock(loopPauseMs?: number) {
  let playhead = 0;
  const ends: number[] = [];
  const stop = startPlayback({
    read: () => playhead,
    write: (p) => (playhead = p),
    speed: 100,
    steps: 10,
    onend: () => ends.push(playhead),
    loopPauseMs,
  });
  return { get playhead() { return playhead; }, ends, stop };
}

describe('startPlayback', () => {
  it('advances by speed × elapsed time and stops at the budget, calling onend once', () => {
    const c = clock();
    vi.advanceTimersByTime(48); // 3 frames × 16 ms × 0.1 it/ms
    expect(c.playhead).toBeCloseTo(4.8, 10);
    vi.advanceTimersByTime(1000);
    expect(c.playhead).toBe(10);
    expect(c.ends).toEqual([10]);
  });

  it('with a loop pause, rests at the end for that long and starts again from 0', () => {
    const c = clock(500);
    vi.advanceTimersByTime(112); // 7 frames: 11.2 → clamped to 10
    expect(c.playhead).toBe(10);
    vi.advanceTimersByTime(480);
    expect(c.playhead).toBe(10);
    vi.advanceTimersByTime(60); // the pause ends, playback restarts from 0 and moves on
    expect(c.playhead).toBeGreaterThanOrEqual(0);
    expect(c.playhead).toBeLessThan(10);
    expect(c.ends).toEqual([]);
  });

  it('the returned function stops it: the playhead no longer moves', () => {
    const c = clock();
    vi.advanceTimersByTime(32);
    const at = c.playhead;
    c.stop();
    vi.advanceTimersByTime(1000);
    expect(c.playhead).toBe(at);
    expect(c.ends).toEqual([]);
  });

  it('holds the playhead while the page is hidden, and goes on from there when it shows again', () => {
    // The browser gives no animation frames to a hidden page: the stub holds them back likewise.
    const page = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
    vi.stubGlobal('document', page);
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) =>
      setTimeout(function frame() {
        if (page.visibilityState === 'visible') cb(performance.now());
        else setTimeout(frame, 16);
      }, 16),
    );
    const c = clock();
    vi.advanceTimersByTime(32);
    expect(c.playhead).toBeCloseTo(3.2, 10);
    page.visibilityState = 'hidden';
    page.dispatchEvent(new Event('visibilitychange'));
    vi.advanceTimersByTime(60_000);
    expect(c.playhead).toBeCloseTo(3.2, 10);
    page.visibilityState = 'visible';
    page.dispatchEvent(new Event('visibilitychange'));
    // One frame later it has moved on by at most one frame's worth (1.6), not by the minute it was hidden.
    vi.advanceTimersByTime(16);
    expect(c.playhead).toBeGreaterThan(3.2);
    expect(c.playhead).toBeLessThanOrEqual(3.2 + 1.6 + 1e-9);
    expect(c.ends).toEqual([]);
    c.stop();
  });
});

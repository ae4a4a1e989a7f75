/**
 * Touch and hold on the plot (long-press.ts), with the defaults: 450 ms still within 10 px arms the
 * gesture that moves the start; moving farther first is a scroll; a second finger is the zoom's.
 */
import { describe, expect, it } from 'vitest';
import { HOLD_MS, HOLD_SLOP_PX, TouchHold } from '../../src/ui/surfaces/long-press.ts';

describe('TouchHold', () => {
  it('a finger held still for 450 ms arms it; every move after that drags the start', () => {
    expect([HOLD_MS, HOLD_SLOP_PX]).toEqual([450, 10]);
    const h = new TouchHold();
    h.down(100, 100, 1000);
    expect(h.tick(1449)).toBe(false);
    expect(h.phase).toBe('waiting');
    expect(h.tick(1450)).toBe(true);
    expect(h.tick(1460)).toBe(false); // armed once
    expect(h.move(180, 300, 1500)).toBe(true); // far moves now drag
    expect(h.end()).toBe(true);
    expect(h.phase).toBe('idle');
  });

  it('a swipe (more than 10 px before the hold time) is the page\'s scroll and never arms, however long it lasts', () => {
    const h = new TouchHold();
    h.down(100, 100, 0);
    expect(h.move(100, 106, 50)).toBe(false); // 6 px: still a possible hold
    expect(h.phase).toBe('waiting');
    expect(h.move(100, 140, 100)).toBe(false); // 40 px down: a scroll
    expect(h.phase).toBe('released');
    expect(h.tick(2000)).toBe(false);
    expect(h.move(100, 100, 2000)).toBe(false);
    expect(h.end()).toBe(false);
  });

  it('small jitter within the slop still arms when the hold time is reached by a move', () => {
    const h = new TouchHold();
    h.down(50, 50, 0);
    expect(h.move(53, 54, 200)).toBe(false); // 5 px
    expect(h.move(54, 56, 460)).toBe(true); // 7.2 px, 460 ms: armed
    expect(h.end()).toBe(true);
  });

  it('a tap (lifted before the hold time) is not a move of the start', () => {
    const h = new TouchHold();
    h.down(10, 10, 0);
    expect(h.tick(200)).toBe(false);
    expect(h.end()).toBe(false);
  });
});

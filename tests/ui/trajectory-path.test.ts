import { describe, expect, it } from 'vitest';
import { buildPrefix, pathThrough } from '../../src/ui/surfaces/trajectory-path.ts';

const id = (v: number): number => v;

describe('buildPrefix / pathThrough', () => {
  // Iterates (0,0) (10,0) (10.2,0.1) (10.3,0) (20,5): the two sub-pixel moves after (10,0) are dropped.
  const xs = [0, 10, 10.2, 10.3, 20];
  const ys = [0, 0, 0.1, 0, 5];
  const p = buildPrefix(xs, ys, id, id);

  it('keeps only vertices that move at least 0.75 px from the last kept one', () => {
    expect(Array.from(p.at)).toEqual([0, 1, 4]);
    expect(p.d).toBe('M0.0,0.0L10.0,0.0L20.0,5.0');
  });
  it('ends the path exactly at iterate k, dropped or kept', () => {
    expect(pathThrough(p, 0)).toBe('M0.0,0.0');
    expect(pathThrough(p, 1)).toBe('M0.0,0.0L10.0,0.0');
    expect(pathThrough(p, 3)).toBe('M0.0,0.0L10.0,0.0L10.3,0.0');
    expect(pathThrough(p, 4)).toBe(p.d);
    expect(pathThrough(p, 99)).toBe(p.d);
  });
  it('clamps runaway and NaN coordinates so a diverging run still yields a valid path', () => {
    const q = buildPrefix([0, 1e300, NaN], [0, -1e300, 0], id, id);
    expect(q.d).toBe('M0.0,0.0L100000.0,-100000.0L100000.0,0.0');
    expect(pathThrough(q, 1)).toBe('M0.0,0.0L100000.0,-100000.0');
  });
});

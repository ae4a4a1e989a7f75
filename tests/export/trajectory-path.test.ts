import { describe, expect, it } from 'vitest';
import { pixelPath } from '../../src/export/trajectory-path.ts';

const id = (v: number): number => v;

describe('pixelPath', () => {
  it('writes the first vertex absolutely and the rest as relative moves in tenths of a pixel', () => {
    const p = pixelPath([10, 13.04, 13.06, 20], [5, 5, 9.96, 1], 3, id, id);
    // (13.04, 5) and (13.06, 9.96) round to (13, 5) and (13.1, 10).
    expect(p.d).toBe('M10,5l3,0 0.1,5 6.9,-9');
    expect(p.at).toEqual([0, 1, 2, 3]);
    expect([p.x(2), p.y(2)]).toEqual([13.1, 10]);
  });

  it('drops moves under the tolerance but always ends at iteration `last`', () => {
    // Moves of 0.5 px stay under the 0.75 px tolerance until they add up to 1 px from the last kept vertex.
    const xs = [0, 0.5, 1, 1.5, 1.7, 1.8];
    const p = pixelPath(xs, xs.map(() => 0), 4, id, id);
    expect(p.at).toEqual([0, 2, 4]);
    expect(p.d).toBe('M0,0l1,0 0.7,0');
  });

  it('stops at `last` even when more was recorded, and clamps far-away points', () => {
    const p = pixelPath([0, 1, 2e9, 3], [0, 1, Number.NaN, 3], 2, id, id);
    expect(p.at).toEqual([0, 1, 2]);
    expect(p.x(2)).toBe(1e5);
    expect(p.y(2)).toBe(1e5);
  });

  it('is a bare move for a run with only its start', () => {
    expect(pixelPath([1], [2], 0, id, id).d).toBe('M1,2');
  });
});

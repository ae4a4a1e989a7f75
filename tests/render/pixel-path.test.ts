import { describe, expect, it } from 'vitest';
import { decimate, pixelPath } from '../../src/render/pixel-path.ts';
import { polylineD } from '../../src/render/svg-path.ts';

const id = (v: number): number => v;

describe('pixelPath', () => {
  it('applies the scales and rounds to tenths of a pixel', () => {
    const p = pixelPath([1, 2.004, 2.006], [3, 4, 5], (x) => 10 * x, (y) => 100 - y);
    expect(Array.from(p.px)).toEqual([10, 20, 20.1]);
    expect(Array.from(p.py)).toEqual([97, 96, 95]);
  });

  it('clamps runaway coordinates to ±1e5 px and NaN to +1e5 px, so a diverging run still draws', () => {
    const p = pixelPath([0, 1e300, NaN], [0, -1e300, 0], id, id);
    expect(Array.from(p.px)).toEqual([0, 1e5, 1e5]);
    expect(Array.from(p.py)).toEqual([0, -1e5, 0]);
  });
});

describe('decimate', () => {
  // x: 0 → 10, then moves of 0.2, 0.2, 0.2 (0.6 from vertex 1: under 0.75), 0.3 (0.9: kept), 9.1.
  const path = pixelPath([0, 10, 10.2, 10.4, 10.6, 10.9, 20], [0, 0, 0, 0, 0, 0, 0], id, id);

  it('keeps a vertex once it is 0.75 px from the last kept one along x or y, and the range end', () => {
    expect(decimate(path, 0, 6)).toEqual([0, 1, 5, 6]);
    expect(decimate(path, 0, 4)).toEqual([0, 1, 4]);
    expect(decimate(path, 0, 4, false)).toEqual([0, 1]);
    // Along y alone, too: 0.8 px down is kept, 0.7 px is not.
    expect(decimate(pixelPath([0, 0, 0], [0, 0.7, 1.5], id, id), 0, 2, false)).toEqual([0, 2]);
  });

  it('keeps the same vertices in increments from the last kept vertex as in one pass', () => {
    const xs = Array.from({ length: 200 }, (_, i) => 40 * Math.sin(i / 9) + i * 0.05);
    const ys = Array.from({ length: 200 }, (_, i) => 30 * Math.cos(i / 13));
    const p = pixelPath(xs, ys, id, id);
    const kept = [0];
    for (let k = 1; k < 200; k += 7) kept.push(...decimate(p, kept[kept.length - 1], Math.min(199, k + 6), false).slice(1));
    expect(kept).toEqual(decimate(p, 0, 199, false));
  });
});

describe('polylineD', () => {
  it('writes the first vertex absolutely and the rest as relative moves in tenths of a pixel', () => {
    const p = pixelPath([10, 13.04, 13.06, 20], [5, 5, 9.96, 1], id, id);
    expect(polylineD(p.px, p.py, decimate(p, 0, 3))).toBe('M10,5l3,0 0.1,5 6.9,-9');
    expect(polylineD([1], [2])).toBe('M1,2');
    expect(polylineD([0, -1.5, 2], [0, 0.2, 0.2])).toBe('M0,0l-1.5,0.2 3.5,0');
  });
});

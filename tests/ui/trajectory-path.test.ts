import { describe, expect, it } from 'vitest';
import { projectPath } from '../../src/ui/surfaces/trajectory-path.ts';

const id = (v: number): number => v;

describe('projectPath', () => {
  it('skips vertices within 0.75 px of the last kept one, but always ends at the last iterate', () => {
    // (0,0) (10,0) (10.2,0.1) (10.3,0) (20,5) (20.1,5): the moves to 10.2 and 10.3 are dropped; 20.1 is the end.
    const p = projectPath([0, 10, 10.2, 10.3, 20, 20.1], [0, 0, 0.1, 0, 5, 5], id, id);
    expect(p.d).toBe('M0.0,0.0L10.0,0.0L20.0,5.0L20.1,5.0');
    expect(Array.from(p.px)).toEqual(Array.from(Float32Array.from([0, 10, 10.2, 10.3, 20, 20.1])));
  });
  it('applies the scales', () => {
    const p = projectPath([1, 2], [3, 4], (x) => 10 * x, (y) => 100 - y);
    expect(p.d).toBe('M10.0,97.0L20.0,96.0');
  });
  it('clamps runaway and NaN coordinates so a diverging run still yields a valid path', () => {
    const q = projectPath([0, 1e300, NaN], [0, -1e300, 0], id, id);
    expect(q.d).toBe('M0.0,0.0L100000.0,-100000.0L100000.0,0.0');
  });
});

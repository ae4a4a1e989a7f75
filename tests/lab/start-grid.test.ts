import { describe, expect, it } from 'vitest';
import { gridStarts } from '../../src/lab/start-grid.ts';

describe('gridStarts', () => {
  it('puts cell (i, j) at its centre, row-major with j the row', () => {
    const s = gridStarts({ domain: { x: [-2, 2], y: [0, 1] }, nx: 4, ny: 2 });
    expect(s).toHaveLength(16);
    expect([s[0], s[1]]).toEqual([-1.5, 0.25]); // (0, 0)
    expect([s[2], s[3]]).toEqual([-0.5, 0.25]); // (1, 0)
    expect([s[2 * 4], s[2 * 4 + 1]]).toEqual([-1.5, 0.75]); // (0, 1)
    expect([s[14], s[15]]).toEqual([1.5, 0.75]); // (3, 1)
  });
});

import { describe, expect, it } from 'vitest';
import { sampleGrid } from '../../src/math/grid.ts';
import { autoLevels, contourLevels } from '../../src/render/contour-levels.ts';

describe('contourLevels', () => {
  it('spaces linear levels strictly inside the range', () => {
    expect(contourLevels(0, 4, 'linear', 3)).toEqual([1, 2, 3]);
  });
  it('spaces log levels by equal ratios above the minimum, shifted for negative minima', () => {
    // span 10, n 4, D 4: offsets 10·10^-4, 10·10^-3, 10·10^-2, 10·10^-1
    const l = contourLevels(-1, 9, 'log', 4);
    [-0.999, -0.99, -0.9, 0].forEach((v, i) => expect(l[i]).toBeCloseTo(v, 12));
  });
  it('gives no levels for a flat or non-finite range', () => {
    expect(contourLevels(2, 2, 'log')).toEqual([]);
    expect(contourLevels(Infinity, -Infinity, 'linear')).toEqual([]);
  });
});

describe('autoLevels', () => {
  it('chooses log for Rosenbrock (a deep narrow valley) and linear for a plane', () => {
    const rosen = sampleGrid((x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2, { x: [-2, 2], y: [-1, 3] }, 64, 64);
    expect(autoLevels(rosen)).toBe('log');
    const plane = sampleGrid((x, y) => x + y, { x: [-1, 1], y: [-1, 1] }, 16, 16);
    expect(autoLevels(plane)).toBe('linear');
  });
});

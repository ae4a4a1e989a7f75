import { describe, expect, it } from 'vitest';
import { sampleGrid, type Grid } from '../../src/math/grid.ts';
import { bandPaths, contourBands } from '../../src/render/contour-bands.ts';
import { subpaths } from './svg-path-data.ts';

const box = { left: 10, top: 20, width: 200, height: 100 };
const paths = (grid: Grid, levels: number[], tolerance?: number) => bandPaths(contourBands(grid, levels), grid, box, tolerance);

describe('bandPaths', () => {
  it('traces a circle of f = x² + y² at radius √level, every vertex within the tolerance plus grid error', () => {
    // Domain [−2, 2]² on 81 × 81 samples: 0.05 units per cell; the plot maps 4 units to 200 × 100 px.
    const grid = sampleGrid((x, y) => x * x + y * y, { x: [-2, 2], y: [-2, 2] }, 81, 81);
    const [band] = paths(grid, [1]);
    expect(band.level).toBe(1);
    // The band f ≥ 1 is the plot minus the disc: an outer ring along the border and the circle as a hole.
    const all = subpaths(band.d);
    expect(all).toHaveLength(2);
    const ring = all.find((r) => r.every(([px]) => px > 40 && px < 180))!;
    // Centre (0, 0) sits at pixel (110, 70); the unit circle is an ellipse with semi-axes 50 px and 25 px.
    for (const [px, py] of ring) {
      const r = Math.hypot((px - 110) / 50, (py - 70) / 25);
      expect(Math.abs(r - 1)).toBeLessThan(0.02);
    }
    // Marching squares emits one vertex per crossed cell edge: 144 distinct ones at tolerance 0 (measured);
    // the 0.25 px simplification keeps about a fifth.
    expect(subpaths(paths(grid, [1], 0)[0].d).find((r) => r.every(([px]) => px > 40 && px < 180))!.length).toBe(144);
    expect(ring.length).toBeGreaterThan(20);
    expect(ring.length).toBeLessThan(50);
  });

  it('reduces a straight contour to its corners', () => {
    // f = x: the band x ≥ 0 is the right half of the plot, a rectangle.
    const grid = sampleGrid((x) => x, { x: [-1, 1], y: [-1, 1] }, 41, 41);
    const [ring] = subpaths(paths(grid, [0])[0].d);
    expect(ring.length).toBeLessThanOrEqual(6);
    for (const [px] of ring) expect(px === 110 || px >= 210 - 0.1).toBe(true);
  });

  it('places the contour in y-up plot coordinates: f = y, band y ≥ 0.5 is the top quarter', () => {
    const grid = sampleGrid((_, y) => y, { x: [0, 1], y: [-1, 1] }, 21, 21);
    const [ring] = subpaths(paths(grid, [0.5])[0].d);
    const ys = ring.map((p) => p[1]);
    // y = 0.5 maps to top + height·(1 − 0.75) = 45 px; the band reaches up past the plot top (20).
    expect(Math.max(...ys)).toBeCloseTo(45, 5);
    expect(Math.min(...ys)).toBeLessThan(20);
  });

  it('places sample i at grid coordinate i + 0.5 (f = x sampled at x = 0…4, level 2 crosses at 2.5)', () => {
    const g = sampleGrid((x) => x, { x: [0, 4], y: [0, 2] }, 5, 3);
    const [band] = contourBands(g, [2]);
    expect(band.level).toBe(2);
    expect(band.polygons[0][0]).toContainEqual([2.5, 0.5]);
  });
});

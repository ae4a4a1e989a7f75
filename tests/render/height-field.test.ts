import { describe, expect, it } from 'vitest';
import { sampleGrid } from '../../src/math/grid.ts';
import { contourLevels } from '../../src/render/contour-levels.ts';
import { HEIGHT, LIFT, heightScale, keptThrough, pathPositions, surfaceMesh, thinPath, worldFrame } from '../../src/render/height-field.ts';

describe('heightScale', () => {
  it('is linear between the grid min and max for linear levels', () => {
    const h = heightScale({ min: -2, max: 6 }, 'linear');
    expect([h(-2), h(2), h(6), h(10), h(NaN), h(Infinity)]).toEqual([0, 0.5, 1, 1, 1, 1]);
  });
  it('puts each log contour level at its rank / n, so heights match the bands', () => {
    const grid = { min: 1, max: 10001 };
    const h = heightScale(grid, 'log');
    const levels = contourLevels(grid.min, grid.max, 'log', 8);
    levels.forEach((level, i) => expect(h(level)).toBeCloseTo(i / 8, 12));
    expect(h(1)).toBe(0);
    expect(h(1 + 1e-9)).toBe(0); // 13 decades under the span: below the lowest level, on the floor
    expect(h(10001)).toBe(1);
  });
});

describe('surfaceMesh and paths', () => {
  const grid = sampleGrid((x, y) => x * x + y * y, { x: [-2, 2], y: [-1, 1] }, 5, 3);
  it('keeps the domain aspect, longer side 2 units', () => {
    const f = worldFrame(grid.domain);
    expect([f.halfX, f.halfY]).toEqual([1, 0.5]);
    expect(f.toWorld(-2, -1)).toEqual([-1, -0.5]);
    expect(f.toWorld(2, 1)).toEqual([1, 0.5]);
  });
  it('places vertices row-major with z = HEIGHT·h and two triangles per cell', () => {
    const m = surfaceMesh(grid, heightScale(grid, 'linear'));
    expect(m.positions).toHaveLength(15 * 3);
    expect(m.indices).toHaveLength(4 * 2 * 6);
    // vertex (2, 1) is the centre (0, 0): f = 0 = min, on the floor
    expect(Array.from(m.positions.slice(3 * 7, 3 * 7 + 3))).toEqual([0, 0, 0]);
    // corner (0, 0) is (−2, −1): f = 5 = max
    expect(m.positions[2]).toBeCloseTo(HEIGHT, 6);
    expect(Array.from(m.indices.slice(0, 6))).toEqual([0, 1, 6, 0, 6, 5]);
  });
  it('lifts each path point above the surface height of its loss', () => {
    const p = pathPositions([0, 2], [0, 1], [0, 5], grid.domain, heightScale(grid, 'linear'));
    expect(p[2]).toBeCloseTo(LIFT, 6);
    expect(Array.from(p.slice(3, 5))).toEqual([1, 0.5]);
    expect(p[5]).toBeCloseTo(HEIGHT + LIFT, 6);
  });
});

describe('thinned paths and strided meshes (for software WebGL)', () => {
  it('keeps the points that move at least minStep, the first and the last, with their iterations', () => {
    // x moves by 0.0011 per point: every fourth point is 0.0044 ≥ 0.004 from the last kept one.
    const n = 21;
    const p = new Float32Array(n * 3);
    for (let k = 0; k < n; k++) p[3 * k] = k * 0.0011;
    const t = thinPath(p);
    expect(Array.from(t.at)).toEqual([0, 4, 8, 12, 16, 20]);
    expect(t.positions[3 * 1]).toBeCloseTo(0.0044, 6);
    expect([keptThrough(t.at, 0), keptThrough(t.at, 3), keptThrough(t.at, 4), keptThrough(t.at, 19), keptThrough(t.at, 20)]).toEqual([1, 1, 2, 5, 6]);
  });
  it('takes every stride-th sample and the last row and column', () => {
    const big = sampleGrid((x, y) => x + y, { x: [0, 4], y: [0, 4] }, 5, 5);
    const m = surfaceMesh(big, heightScale(big, 'linear'), 3);
    expect(m.positions).toHaveLength(3 * 3 * 3); // columns 0, 3, 4 and rows 0, 3, 4
    expect(Array.from(m.positions.slice(3, 5))).toEqual([0.5, -1]); // sample (3, 0): x = 3
  });
});

import { describe, expect, it } from 'vitest';
import { ribbon } from '../../src/render/ribbon.ts';

describe('ribbon', () => {
  it('turns each segment into two triangles `width` wide, lying flat across its direction', () => {
    const r = ribbon(Float32Array.of(0, 0, 0, 1, 0, 0.5, 1, 2, 0.5), 0.2);
    expect(Array.from(r.vertexEnd)).toEqual([0, 6, 12]);
    expect(r.positions).toHaveLength(12 * 3);
    // First segment along +x: offsets ±0.1 in y, z follows the path.
    const v = Array.from(r.positions.slice(0, 18)).map((x) => Number(x.toFixed(6)));
    expect(v).toEqual([0, -0.1, 0, 1, -0.1, 0.5, 1, 0.1, 0.5, 0, -0.1, 0, 1, 0.1, 0.5, 0, 0.1, 0]);
  });
  it('cuts a dash pattern along the arc length, continuing across segments', () => {
    // Two segments of length 1 along x, dashes 0.6 on, 0.4 off: on [0, 0.6], off to 1, on [1, 1.6], off to 2.
    const r = ribbon(Float32Array.of(0, 0, 0, 1, 0, 0, 2, 0, 0), 0.1, [0.6, 0.4]);
    expect(Array.from(r.vertexEnd)).toEqual([0, 6, 12]);
    const xs = (q: number) => [r.positions[q * 18], r.positions[q * 18 + 3]].map((x) => Number(x.toFixed(6)));
    expect(xs(0)).toEqual([0, 0.6]);
    expect(xs(1)).toEqual([1, 1.6]);
  });
  it('draws a vertical jump with a fixed sideways offset, and nothing for a single point', () => {
    expect(ribbon(Float32Array.of(0.5, 0.5, 0, 0.5, 0.5, 1), 0.2).positions[0]).toBeCloseTo(0.4, 6);
    expect(ribbon(Float32Array.of(0, 0, 0), 0.2)).toEqual({ positions: new Float32Array(0), vertexEnd: Uint32Array.of(0) });
  });
});

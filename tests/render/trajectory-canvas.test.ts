import { describe, expect, it } from 'vitest';
import { LOOKS } from '../../src/render/palette.ts';
import { pixelPath } from '../../src/render/pixel-path.ts';
import { drawForward, drawFull, type CanvasRun } from '../../src/render/trajectory-canvas.ts';

/** Records the path operations a 2D context receives (only the calls trajectory-canvas makes). */
function recorder() {
  const ops: string[] = [];
  const ctx = {
    canvas: { width: 100, height: 100 },
    save() {},
    restore() {},
    setTransform() {},
    clearRect: () => ops.push('clear'),
    setLineDash() {},
    beginPath() {},
    moveTo: (x: number, y: number) => ops.push(`M${x},${y}`),
    lineTo: (x: number, y: number) => ops.push(`L${x},${y}`),
    stroke: () => ops.push('stroke'),
  } as unknown as CanvasRenderingContext2D;
  return { ctx, ops };
}

// x: 0 → 10, then three sub-pixel moves (0.2 px each, total 0.6 < 0.75), then 0.3 more (0.9 ≥ 0.75), then 20.
const run: CanvasRun = {
  id: 'sgd',
  look: LOOKS.sgd,
  path: pixelPath([0, 10, 10.2, 10.4, 10.6, 10.9, 20], new Float64Array(7), (v) => v, (v) => v),
};

describe('drawForward', () => {
  it('strokes nothing and keeps its state while the new iterates stay within 0.75 px of the last drawn vertex', () => {
    const { ctx, ops } = recorder();
    const state = drawFull(ctx, [run], 1, null);
    expect(ops).toEqual(['clear', 'M0,0', 'L10,0', 'stroke']);
    ops.length = 0;
    for (const k of [2, 3, 4]) drawForward(ctx, [run], state, k, null);
    expect(ops).toEqual([]);
    expect(state.lastDrawn).toEqual([1]);
    expect(state.lengths).toEqual([10]);
    expect(state.k).toBe(4);
  });

  it('draws from the last drawn vertex once the path has moved visibly, carrying the dash length on', () => {
    const { ctx, ops } = recorder();
    const state = drawFull(ctx, [run], 1, null);
    drawForward(ctx, [run], state, 4, null);
    ops.length = 0;
    drawForward(ctx, [run], state, 6, null);
    // Vertices 2–4 are within 0.75 px of vertex 1 and skipped; 5 (10.9) and 6 (20) are drawn.
    expect(ops).toEqual(['M10,0', 'L10.9,0', 'L20,0', 'stroke']);
    expect(state.lastDrawn).toEqual([6]);
    expect(state.lengths[0]).toBeCloseTo(20, 9);
  });
});

describe('drawFull', () => {
  it('always ends at vertex k, even after sub-pixel moves, so a redraw shows the exact current point', () => {
    const { ctx, ops } = recorder();
    drawFull(ctx, [run], 4, null);
    expect(ops).toEqual(['clear', 'M0,0', 'L10,0', 'L10.6,0', 'stroke']);
  });
});

import { describe, expect, it } from 'vitest';
import { axisTicks } from '../../src/render/axis-ticks.ts';
import { fitPlot, plotAspect, projection } from '../../src/render/projection.ts';
import { tickLabel } from '../../src/render/tick-label.ts';

describe('projection', () => {
  it('maps the domain onto the box with y up, and inverts', () => {
    const p = projection({ x: [-2, 2], y: [-1, 3] }, { left: 10, top: 20, width: 400, height: 200 });
    expect([p.x(-2), p.x(2), p.x(0)]).toEqual([10, 410, 210]);
    expect([p.y(-1), p.y(3), p.y(1)]).toEqual([220, 20, 120]);
    expect([p.invertX(310), p.invertY(70)]).toEqual([1, 2]);
  });
});

describe('the aspect policy', () => {
  it('keeps equal scales inside [0.5, 1], and [0.8, 1] below 520 px wide', () => {
    const bowl = { x: [-10, 10], y: [-5, 5] } as const;
    expect(plotAspect(bowl, 600)).toBe(0.5);
    expect(plotAspect(bowl, 400)).toBe(0.8);
    expect(plotAspect({ x: [0, 1], y: [0, 3] }, 600)).toBe(1);
    expect(plotAspect({ x: [0, 10], y: [0, 1] }, 600)).toBe(0.5);
  });
  it('fits the largest box with that aspect into an area', () => {
    const square = { x: [0, 1], y: [0, 1] } as const;
    expect(fitPlot(square, { left: 5, top: 6, width: 700, height: 300 })).toEqual({ left: 5, top: 6, width: 300, height: 300 });
    // The bowl in 700 × 300: 600 × 300 at aspect 0.5.
    expect(fitPlot({ x: [-10, 10], y: [-5, 5] }, { left: 0, top: 0, width: 700, height: 300 })).toEqual({ left: 0, top: 0, width: 600, height: 300 });
    // In 700 × 200 it would be 400 wide, under 520: the aspect rises to 0.8 and it narrows to 250.
    expect(fitPlot({ x: [-10, 10], y: [-5, 5] }, { left: 0, top: 0, width: 700, height: 200 })).toEqual({ left: 0, top: 0, width: 250, height: 200 });
  });
});

describe('axis ticks and labels', () => {
  it('gives round ticks at about one per 80 px along x and 60 px along y', () => {
    const t = axisTicks(projection({ x: [-2, 2], y: [-1, 3] }, { left: 0, top: 0, width: 400, height: 200 }));
    expect(t.x.map((v) => v.label)).toEqual(['−2', '−1', '0', '1', '2']);
    expect(t.x[1].at).toBe(100);
    expect(t.y.map((v) => v.value)).toEqual([-1, 0, 1, 2, 3]);
    expect(t.y[0].at).toBe(200);
  });
  it('writes labels without float noise, with a true minus and short exponents', () => {
    expect([0.30000000000000004, -1.5, 0, 250000, 1e-5, 0.001].map(tickLabel)).toEqual(['0.3', '−1.5', '0', '2.5e5', '1e-5', '0.001']);
  });
});

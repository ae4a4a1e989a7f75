/**
 * The curvature lens in the exported figure (issue 11): the same cross and ellipse the app's plot draws
 * (render/curvature-marks.ts) at the point render/lens-point.ts chooses, and a caption saying where.
 * On the bowl x²/10 + y² the Hessian is diag(0.2, 2): eigen-directions (1, 0) with λ = 0.2 and (0, 1) with
 * λ = 2, κ = 10. Arm half-lengths go as 1/√λ in data units (2.236 along x, 0.7071 along y); the longer on
 * screen is 26 px (LENS_RADIUS) each way, the other in proportion through the plot's px per unit.
 */
import { describe, expect, it } from 'vitest';
import { figureRenderer, figureSvg, layoutOf } from '../../src/export/figure.ts';
import { figureSpecForView } from '../../src/export/view-figure.ts';
import { projection } from '../../src/render/projection.ts';
import { decodeView } from '../../src/view/link.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';
import { elements } from './svg-inspect.ts';

const specOf = (link: string) => figureSpecForView(decodeView(link, VOCABULARY).view);
const lensGroups = (svg: string) => elements(svg).filter((e) => e.name === 'g' && e.attrs.class === 'lens');
const inLens = (svg: string, name: string) => elements(svg).filter((e) => e.name === name && e.ancestors.some((a) => a.attrs.class === 'lens'));

describe('the curvature lens in the exported figure', () => {
  it('draws the cross along the eigen-directions at the start, with the ellipse, on s=bowl&lens=start', () => {
    const spec = specOf('s=bowl&lens=start');
    const svg = figureSvg(spec);
    expect(lensGroups(svg)).toHaveLength(1);
    const proj = projection(spec.grid.domain, layoutOf({ ...spec, domain: spec.grid.domain }).panels[0].box);
    const [cx, cy] = [proj.x(-7), proj.y(2)];
    const [sx, sy] = [proj.x(1) - proj.x(0), proj.y(0) - proj.y(1)];
    const [wide, high] = [(1 / Math.sqrt(0.2)) * sx, (1 / Math.sqrt(2)) * sy];
    expect(wide).toBeGreaterThan(high);
    const yHalf = (26 * high) / wide;
    const arms = inLens(svg, 'line').map((e) => ({ arm: e.attrs['data-arm'], x1: +e.attrs.x1, y1: +e.attrs.y1, x2: +e.attrs.x2, y2: +e.attrs.y2 }));
    expect(arms.map((a) => a.arm)).toEqual(['up', 'up']);
    // λ = 2 first (the larger): along (0, 1), vertical; then λ = 0.2 along (1, 0), horizontal, 26 px each way.
    const [steep, flat] = arms;
    expect(steep.x1).toBeCloseTo(cx, 0);
    expect(steep.x2).toBeCloseTo(cx, 0);
    expect(Math.abs(steep.y2 - steep.y1)).toBeCloseTo(2 * yHalf, 0);
    expect(flat.y1).toBeCloseTo(cy, 0);
    expect(flat.y2).toBeCloseTo(cy, 0);
    expect(Math.abs(flat.x2 - flat.x1)).toBeCloseTo(52, 0);
    const [dot] = inLens(svg, 'circle');
    expect([+dot.attrs.cx, +dot.attrs.cy]).toEqual([Math.round(cx * 10) / 10, Math.round(cy * 10) / 10]);
    // The ellipse through the arms' ends: as wide and as high as the cross.
    const pts = inLens(svg, 'path')[0].attrs.d.slice(1, -1).split('L').map((p) => p.split(',').map(Number));
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    expect(Math.max(...xs) - Math.min(...xs)).toBeCloseTo(52, 0);
    expect(Math.max(...ys) - Math.min(...ys)).toBeCloseTo(2 * yHalf, 0);
    expect(yHalf).toBeCloseTo(13.1, 1);
  });

  it('captions where it reads and what it says, and tells the whole reading in <desc>', () => {
    const svg = figureSvg(specOf('s=bowl&lens=start'));
    const texts = elements(svg).filter((e) => e.name === 'text').map((e) => e.text);
    expect(texts).toContain('Curvature lens at the start (−7, 2): κ = 10, SGD stable for lr < 1');
    const desc = elements(svg).find((e) => e.name === 'desc')!.text;
    expect(desc).toContain('It curves most steeply along ±(0, 1) (λ = 2) and least along ±(1, 0) (λ = 0.2). SGD is stable here for lr < 2/λmax = 1.');
  });

  it('draws nothing and says nothing with the lens off', () => {
    const svg = figureSvg(specOf('s=bowl'));
    expect(lensGroups(svg)).toHaveLength(0);
    expect(svg).not.toContain('Curvature lens');
  });

  it('at the current point reads at the inspected entrant\'s point at k, only in its panel and only at k', () => {
    const spec = specOf('s=bowl&opt=sgd,momentum&k=5&insp=1&lens=current&layout=grid');
    const run = spec.runs[1];
    expect(spec.lens?.run).toBe(1);
    expect(spec.lens?.reading.at).toEqual([run.xs[5], run.ys[5]]);
    expect(spec.lens?.caption).toMatch(/^Curvature lens at Momentum's point at iteration 5, \(/);
    const render = figureRenderer(spec);
    const groups = lensGroups(render(5));
    expect(groups).toHaveLength(1);
    expect(groups[0].attrs['clip-path']).toBe('url(#opf-plot1)');
    expect(lensGroups(render(4))).toHaveLength(0);
  });
});

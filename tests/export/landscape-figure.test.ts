import { describe, expect, it } from 'vitest';
import { axisNames, landscapeFigureHeight, landscapeFigureSpec, landscapeFigureSvg, landscapeGrid, planeProjection, type LandscapeRace } from '../../src/export/landscape-figure.ts';
import { landscapeJson } from '../../src/export/landscape-data.ts';

// A bowl f = α² + β² sampled on 5 × 5 over [−2, 2]², two runs walking into it.
const axis = [-2, -1, 0, 1, 2];
const loss = axis.flatMap((b) => axis.map((a) => a * a + b * b));
const data = {
  directions: 'pca' as const,
  explained: [0.625, 0.25] as const,
  axes: { alpha: axis, beta: axis },
  loss: Float64Array.from(loss),
  center: { loss: 0 },
  runs: [
    { entrant: 'sgd', optimizer: 'sgd', path: [[0, 0, 0, 0], [1, 1, 2, 2.5], [1.5, 0.5, 2.5, 2.4]] as [number, number, number, number][], iterations: [0, 3, 6] },
    { entrant: 'adam', optimizer: 'adam', path: [[0, 0, 0, 0], [-1, 0.5, 1.25, NaN]] as [number, number, number, number][], iterations: [0, 3] },
  ],
  line: [
    { entrant: 'sgd', alpha: [-0.25, 0, 1, 1.25], loss: Float64Array.of(3, 2.3, 1, 1.1) },
    { entrant: 'adam', alpha: [-0.25, 0, 1, 1.25], loss: Float64Array.of(3, 2.3, 0.8, 0.9) },
  ],
};
const race: LandscapeRace = {
  entrants: [{ entrant: 'sgd', optimizer: 'sgd', hyper: { lr: 0.2 } }, { entrant: 'adam', optimizer: 'adam', hyper: { lr: 0.003, beta1: 0.9, beta2: 0.999, eps: 1e-8 } }],
  sizes: [784, 64, 16, 10],
  activations: ['sigmoid', 'tanh'],
  init: 'xavier-uniform',
  batchSize: 128,
  epochs: 2,
  trainExamples: 5000,
  schedule: 'fixed',
  seed: 7,
  subset: 2000,
  checkpointEvery: 3,
  center: null,
};

describe('the landscape figure', () => {
  const spec = landscapeFigureSpec(data, race, 960);

  it('samples the loss as a contour grid, β the row', () => {
    const grid = landscapeGrid(spec);
    expect([grid.nx, grid.ny, grid.min, grid.max]).toEqual([5, 5, 0, 8]);
    expect(grid.values[1 * 5 + 4]).toBe(2 * 2 + 1);
    expect(grid.domain).toEqual({ x: [-2, 2], y: [-2, 2] });
  });

  it('names the axes with the explained-variance ratios, and states what it shows', () => {
    expect(axisNames(spec)).toEqual(['α (PC1, 62.5 % of the variance)', 'β (PC2, 25.0 %)']);
    const svg = landscapeFigureSvg(spec);
    expect(svg).toBe(landscapeFigureSvg(spec));
    expect(svg).toContain('α (PC1, 62.5 % of the variance)');
    expect(svg).toContain('a checkpoint&apos;s own loss can differ from the loss on the plane');
    expect(svg).toContain('checkpoints (every 3 updates)');
    expect(svg).toContain('seed 7');
    expect(svg).toContain('paths to iteration 6 (SGD), 3 (Adam)');
    expect(svg).toContain('lr=0.003 β1=0.9');
    expect(svg).toContain('final loss 2.4, on the plane 2.5');
    expect(svg.match(/<path class="b"/g)!.length).toBeGreaterThan(3);
    expect(svg.match(/<g data-entrant=/g)).toHaveLength(2);
  });

  it('projects (α, β) into the plane panel; narrow figures stack their panels and grow taller', () => {
    const p = planeProjection(spec);
    expect(p.x(-2)).toBe(p.box.left);
    expect(p.y(-2)).toBe(p.box.top + p.box.height);
    const narrow = landscapeFigureSpec(data, race, 360);
    expect(landscapeFigureHeight(narrow)).toBeGreaterThan(landscapeFigureHeight(spec));
    expect(planeProjection(narrow).box.width).toBeLessThan(360);
    expect(() => landscapeFigureSvg({ ...spec, width: 100 })).toThrow(/320 to 4000/);
  });

  /** The figure's text elements: class, position, the rest of the tag, content. */
  const textsOf = (svg: string) =>
    [...svg.matchAll(/<text class="([^"]*)" x="([\d.]+)" y="([\d.]+)"([^>]*)>([^<]*)<\/text>/g)].map((m) => ({ cls: m[1], x: Number(m[2]), y: Number(m[3]), rest: m[4], content: m[5] }));

  it('wraps a legend line too long for its column instead of cutting its numbers (the app at 1280 px: 833 px wide)', () => {
    const long = { ...data, runs: [data.runs[0], { ...data.runs[1], path: [[0, 0, 0, 0], [-1, 0.5, 0.8563, 0.8524]] as [number, number, number, number][] }] };
    const svg = landscapeFigureSvg(landscapeFigureSpec(long, race, 833));
    expect(svg).not.toContain('…');
    const texts = textsOf(svg);
    const at = texts.findIndex((t) => t.content.startsWith('final loss 0.8524'));
    expect(`${texts[at].content} ${texts[at + 1].content}`).toBe('final loss 0.8524, on the plane 0.8563');
    expect(texts[at + 1].y - texts[at].y).toBe(13);
    expect(texts[at + 2].content).toMatch(/^lr=0.003 β1=0.9/);
    // The colour bar (its "loss" label) still comes below the taller legend.
    const legendBottom = Math.max(...texts.filter((t) => t.cls === 'd' && t.content.startsWith('lr=')).map((t) => t.y));
    const barLabel = texts.find((t) => t.content === 'loss' && !t.rest.includes('rotate'))!;
    expect(barLabel.y - 10).toBeGreaterThan(legendBottom);
  });

  it('keeps the loss line\'s y-axis title at least 30 px right of the contour plot', () => {
    for (const width of [720, 833, 1200]) {
      const svg = landscapeFigureSvg(landscapeFigureSpec(data, race, width));
      const plane = /<clipPath id="opl-plane"><rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/.exec(svg)!;
      const title = textsOf(svg).find((t) => t.content === 'loss' && t.rest.includes('rotate(-90'))!;
      expect(title.x - (Number(plane[1]) + Number(plane[2]))).toBeGreaterThanOrEqual(30);
    }
  });

  it('exports the issue\'s JSON with non-finite losses as null', () => {
    const json = landscapeJson(data, { seed: 7 });
    expect(Object.keys(json)).toEqual(['config', 'directions', 'explained', 'axes', 'loss', 'center', 'runs', 'line']);
    expect(json.runs[1].path[1]).toEqual([-1, 0.5, 1.25, null]);
    expect(json.loss[0]).toBe(8);
  });
});

/**
 * The two renderers of src/render's geometry draw the same thing: the exported SVG string and the app's
 * trajectory canvas (here a recording double), for the same view in the same plot box, give the same
 * vertices for every trajectory, end the path where the SVG puts the run's marker glyph, and draw the
 * start glyph the app draws. And one rule for non-finite samples holds in the SVG string and in the
 * band paths the app's contour layer draws.
 */
import { describe, expect, it } from 'vitest';
import { plainEntrants } from '../../src/view/entrants.ts';
import type { Grid } from '../../src/math/grid.ts';
import { bandColour } from '../../src/render/colour-scale.ts';
import { bandPaths, contourBands } from '../../src/render/contour-bands.ts';
import { COMPACT_MARKER_R, RUN_MARKER_R, START_GLYPH, runGlyph } from '../../src/render/markers.ts';
import { pixelPath } from '../../src/render/pixel-path.ts';
import { projection } from '../../src/render/projection.ts';
import { outlineD } from '../../src/render/svg-path.ts';
import { drawForward, drawFull, type CanvasRun } from '../../src/render/trajectory-canvas.ts';
import { figureSvg, layoutOf, type FigureSpec } from '../../src/export/figure.ts';
import { figureSpecForView } from '../../src/export/view-figure.ts';
import { defaultView } from '../../src/view/fields.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';
import { getSurface } from '../../surfaces/index.ts';
import { subpaths } from '../render/svg-path-data.ts';
import { elements } from './svg-inspect.ts';

/** A 2D context double that records each stroked polyline with its colour. */
function recordingCanvas() {
  const strokes: { colour: string; points: [number, number][] }[] = [];
  let current: [number, number][] = [];
  const ctx = {
    canvas: { width: 2000, height: 2000 },
    strokeStyle: '',
    lineWidth: 1,
    globalAlpha: 1,
    lineDashOffset: 0,
    save() {},
    restore() {},
    setTransform() {},
    clearRect: () => strokes.splice(0),
    setLineDash() {},
    beginPath: () => (current = []),
    moveTo: (x: number, y: number) => current.push([x, y]),
    lineTo: (x: number, y: number) => current.push([x, y]),
    stroke() {
      strokes.push({ colour: String(ctx.strokeStyle), points: current });
    },
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, strokes };
}

function spec(layout: 'overlay' | 'grid', k?: number): FigureSpec {
  const v = defaultView(getSurface('rosenbrock')!, VOCABULARY);
  return figureSpecForView({ ...v, entrants: plainEntrants(['sgd', 'momentum', 'nag', 'adam']), steps: 400, k: k ?? null, layout }, { width: 720, height: 480 });
}

for (const layout of ['overlay', 'grid'] as const) {
  describe(`the SVG string and the canvas draw the same geometry (${layout})`, () => {
    const s = spec(layout, 250);
    const els = elements(figureSvg(s));
    const panels = layoutOf({ ...s, domain: s.grid.domain }).panels;

    it('same trajectory vertices, the marker glyph at the path end, the start glyph at the start', () => {
      expect(panels).toHaveLength(layout === 'grid' ? 4 : 1);
      for (const panel of panels) {
        const proj = projection(s.grid.domain, panel.box);
        const runs: CanvasRun[] = panel.runs.map((i) => ({ id: s.runs[i].optimizer, look: s.runs[i].look, path: pixelPath(s.runs[i].xs, s.runs[i].ys, proj.x, proj.y) }));
        const { ctx, strokes } = recordingCanvas();
        drawFull(ctx, runs, s.k, null);
        expect(strokes).toHaveLength(runs.length);
        for (const [j, run] of runs.entries()) {
          const group = els.find((e) => e.attrs['data-optimizer'] === run.id)!;
          const kids = els.filter((e) => e.ancestors.at(-1) === group);
          const svgPoints = subpaths(kids.find((e) => e.attrs.class === 'p')!.attrs.d);
          expect(svgPoints).toHaveLength(1);
          expect(svgPoints[0]).toEqual(strokes[j].points);
          expect(strokes[j].colour).toBe(run.look.color);
          // Hundreds of iterates, decimated to the vertices that move at least 0.75 px.
          expect(svgPoints[0].length).toBeGreaterThan(10);
          expect(svgPoints[0].length).toBeLessThan(s.k + 1);
          const [ex, ey] = strokes[j].points.at(-1)!;
          const r = layout === 'grid' ? COMPACT_MARKER_R : RUN_MARKER_R;
          const glyph = runGlyph(s.runs[panel.runs[j]].look.marker, run.look.color, r);
          const marker = kids.find((e) => e.attrs.class?.startsWith('m'))!;
          expect(marker.attrs.d).toBe(outlineD(glyph[0].outline, ex, ey));
          expect(marker.attrs.fill).toBe(run.look.color);
        }
      }
      const starts = els.filter((e) => e.name === 'g' && e.attrs.class === 'start');
      expect(starts).toHaveLength(panels.length);
      starts.forEach((g, i) => {
        const proj = projection(s.grid.domain, panels[i].box);
        const paths = els.filter((e) => e.ancestors.at(-1) === g);
        expect(paths.map((p) => p.attrs.d)).toEqual(START_GLYPH.map((part) => outlineD(part.outline, proj.x(s.start[0]), proj.y(s.start[1]))));
        expect(paths.map((p) => p.attrs.fill)).toEqual(['#fff', '#111']);
      });
    });

    it('draws the same vertices when playback advances frame by frame', () => {
      const proj = projection(s.grid.domain, panels[0].box);
      const run = s.runs[panels[0].runs[0]];
      const runs: CanvasRun[] = [{ id: run.optimizer, look: run.look, path: pixelPath(run.xs, run.ys, proj.x, proj.y) }];
      const { ctx, strokes } = recordingCanvas();
      const state = drawFull(ctx, runs, 0, null);
      for (let k = 1; k <= s.k; k += 3) drawForward(ctx, runs, state, Math.min(k, s.k), null);
      const drawn = strokes.flatMap((st, i) => (i === 0 ? st.points : st.points.slice(1)));
      const svg = subpaths(els.find((e) => e.ancestors.at(-1)?.attrs['data-optimizer'] === run.optimizer && e.attrs.class === 'p')!.attrs.d)[0];
      // The frames stop at the last vertex that moved visibly; the still figure also draws the end point.
      expect(svg.slice(0, drawn.length)).toEqual(drawn);
      expect(svg.length - drawn.length).toBeLessThanOrEqual(1);
    });
  });
}

describe('one rule for non-finite samples: NaN and +∞ above every level, −∞ below every level', () => {
  /** 5 × 5 samples of f = 1 over [0, 4]², except the centre sample. */
  const gridWith = (centre: number): Grid => {
    const values = new Float64Array(25).fill(1);
    values[12] = centre;
    return { nx: 5, ny: 5, domain: { x: [0, 4], y: [0, 4] }, values, min: 1, max: 1 };
  };
  const levels = [0.5, 2];
  /** Even-odd point-in-path over every ring of `d`. */
  const inside = (d: string, x: number, y: number): boolean => {
    let odd = false;
    for (const ring of subpaths(d)) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
      }
    }
    return odd;
  };
  const cases: [string, number, boolean][] = [
    ['−∞', -Infinity, false],
    ['+∞', Infinity, true],
    ['NaN', NaN, true],
  ];

  for (const [name, value, high] of cases) {
    it(`a ${name} sample is ${high ? 'inside every band (the highest colour)' : 'outside every band (the background)'}`, () => {
      const grid = gridWith(value);
      const base = spec('overlay');
      const figure: FigureSpec = { ...base, grid, levels, levelMode: 'linear', runs: [], minima: [], start: [0, 0] };
      const box = layoutOf({ ...figure, domain: grid.domain }).panels[0].box;
      const proj = projection(grid.domain, box);
      const [cx, cy] = [proj.x(2), proj.y(2)];
      const [ox, oy] = [proj.x(1), proj.y(1)];
      // The app's contour layer: bandPaths in its own box, same rule.
      const app = bandPaths(contourBands(grid, levels), grid, { left: 0, top: 0, width: 400, height: 400 });
      const appAt = (d: string, gx: number, gy: number) => inside(d, gx * 100, 400 - gy * 100);
      expect(app.map((b) => appAt(b.d, 2, 2))).toEqual([high, high]);
      expect(app.map((b) => appAt(b.d, 1, 1))).toEqual([true, false]);
      // The SVG string: band paths are identified by their fill (rank i + 1 for level i).
      const els = elements(figureSvg(figure));
      const band = (i: number) => els.find((e) => e.attrs.class === 'b' && e.attrs.fill === bandColour(i + 1, 2))?.attrs.d ?? '';
      expect([inside(band(0), cx, cy), inside(band(1), cx, cy)]).toEqual([high, high]);
      expect([inside(band(0), ox, oy), inside(band(1), ox, oy)]).toEqual([true, false]);
    });
  }
});

/**
 * Nothing is cut off at the smallest export size: every text and shape of a figure lies inside its
 * viewBox at 480 × 360 (and 480 × 300) for a long expression and seven runs, overlaid and as small
 * multiples, also with the curvature lens's caption, and texts do not overlap one another. Checked twice: with the layout's own text widths, and
 * independently by resvg, which lays the text out in DejaVu Sans (wider than the fonts the figure asks
 * for first) and measures everything but the clipped plot contents, whose clip boxes are checked instead.
 */
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { plotAspect } from '../../src/render/projection.ts';
import { textWidth } from '../../src/render/text-width.ts';
import { figureSvg, layoutOf } from '../../src/export/figure.ts';
import { figureSpecForView } from '../../src/export/view-figure.ts';
import { decodeView } from '../../src/view/link.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';
import { subpaths } from '../render/svg-path-data.ts';
import { elements, wellFormed } from './svg-inspect.ts';

const LONG =
  'sin(x)*cos(y) + 0.1*(x^2 + y^2) + sqrt(abs(x*y)) + exp(-x^2 - y^2)*log(1 + x^2) + tanh(x - y) + atan(x*y)/(1 + cosh(x)) + x^4/500 + 0.01*sinh(y/3)^2';
const views = {
  'long expression, 7 runs, overlaid': `f=${encodeURIComponent(LONG)}&dom=-5,5,-5,5&start=1,1`,
  'long expression, 7 runs, small multiples': `f=${encodeURIComponent(LONG)}&dom=-5,5,-5,5&start=1,1&layout=grid`,
  'Rosenbrock, small multiples': 's=rosenbrock&layout=grid',
  'Styblinski–Tang (negative values), overlaid': 's=styblinski-tang&k=17',
  'long expression, the lens at the current point, small multiples (its caption under the expression)': `f=${encodeURIComponent(LONG)}&dom=-5,5,-5,5&start=1,1&layout=grid&k=3&insp=1&lens=current`,
} as const;

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function textBox(attrs: Record<string, string>, text: string): Box {
  const size = Number(attrs['font-size']);
  const mono = attrs.class?.split(' ').includes('e');
  const bold = /\b(h|k)\b/.test(attrs.class ?? '');
  const w = textWidth(text, { size, family: mono ? 'mono' : 'sans', bold });
  const x = Number(attrs.x);
  const x0 = attrs['text-anchor'] === 'end' ? x - w : attrs['text-anchor'] === 'middle' ? x - w / 2 : x;
  return { x0, x1: x0 + w, y0: Number(attrs.y) - 0.8 * size, y1: Number(attrs.y) + 0.25 * size };
}

const overlap = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

for (const [name, hash] of Object.entries(views)) {
  for (const [width, height] of [[480, 360], [480, 300]]) {
    describe(`${name} at ${width} × ${height}`, () => {
      const { view } = decodeView(hash, VOCABULARY);
      const spec = figureSpecForView(view, { width, height });
      const svg = figureSvg(spec);
      const els = elements(svg);
      const inView = (b: Box, what: string) => {
        expect(b.x0, what).toBeGreaterThanOrEqual(0);
        expect(b.y0, what).toBeGreaterThanOrEqual(0);
        expect(b.x1, what).toBeLessThanOrEqual(width);
        expect(b.y1, what).toBeLessThanOrEqual(height);
      };

      it('keeps every text inside the viewBox, without overlaps', () => {
        expect(wellFormed(svg)).toBe(true);
        const texts = els.filter((e) => e.name === 'text').map((e) => ({ e, box: textBox(e.attrs, e.text) }));
        expect(texts.length).toBeGreaterThan(20);
        for (const { e, box } of texts) inView(box, `"${e.text}"`);
        // Labels beside markers lie on the plot (over bands and paths); every other text has its own place.
        const placed = texts.filter((t) => !t.e.attrs.class.split(' ').includes('l'));
        for (let i = 0; i < placed.length; i++) {
          for (let j = i + 1; j < placed.length; j++) {
            expect(overlap(placed[i].box, placed[j].box), `"${placed[i].e.text}" and "${placed[j].e.text}"`).toBe(false);
          }
        }
      });

      it('keeps every shape inside the viewBox (clipped ones inside their clip box)', () => {
        const clipped = (e: (typeof els)[number]) => e.attrs['clip-path'] !== undefined || e.ancestors.some((a) => a.attrs['clip-path'] !== undefined);
        for (const e of els) {
          if (e.name === 'rect' && e.attrs.x !== undefined && !clipped(e)) {
            inView({ x0: +e.attrs.x, y0: +e.attrs.y, x1: +e.attrs.x + +e.attrs.width, y1: +e.attrs.y + +e.attrs.height }, `rect in <${e.ancestors.at(-1)?.name}>`);
          }
          if (e.name === 'path' && !clipped(e) && !e.ancestors.some((a) => a.name === 'mask')) {
            for (const [x, y] of subpaths(e.attrs.d).flat()) inView({ x0: x, y0: y, x1: x, y1: y }, `path ${e.attrs.d.slice(0, 30)}`);
          }
        }
      });

      it('shows the iteration, every run with its hyperparameters, and the start, in plots that keep their aspect', () => {
        const texts = els.filter((e) => e.name === 'text').map((e) => e.text);
        expect(texts.some((t) => /^iteration \d+ of \d+/.test(t))).toBe(true);
        expect(texts).toContain('start');
        const all = texts.join(' ');
        for (const run of spec.runs) {
          expect(all).toContain(run.name);
          for (const part of run.detail.split(' ')) expect(all).toContain(part);
        }
        for (const panel of layoutOf({ ...spec, domain: spec.grid.domain }).panels) {
          // 40, not 45, since the legend reserves the scoreboard's longer texts ("touched at 715, won't stay"):
          // Rosenbrock's seven panels are 44 px wide at 480 × 360.
          expect(panel.box.width).toBeGreaterThan(height < 360 ? 30 : 40);
          expect(panel.box.height / panel.box.width).toBeCloseTo(plotAspect(spec.grid.domain, panel.box.width), 1);
        }
      });

      it('fits in the viewBox as resvg lays it out in DejaVu Sans', () => {
        const unclipped = svg
          .replace(/<g clip-path="[^"]*">.*?<\/g>/g, '')
          .replace(/<g class="start" clip-path="[^"]*">.*?<\/g>/g, '')
          .replace(/<path[^>]*clip-path="[^"]*"[^>]*\/>/g, '')
          .replace(/<rect width="\d+" height="\d+" fill="#fff"\/>/, '');
        const fonts = { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans', monospaceFamily: 'DejaVu Sans Mono' };
        const b = new Resvg(unclipped, { font: fonts }).getBBox()!;
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.y).toBeGreaterThanOrEqual(0);
        expect(b.x + b.width).toBeLessThanOrEqual(width);
        expect(b.y + b.height).toBeLessThanOrEqual(height);
      });
    });
  }
}

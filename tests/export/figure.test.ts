import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainEntrants } from '../../src/view/entrants.ts';
import { sampleGrid } from '../../src/math/grid.ts';
import { figureSvg, type FigureSpec } from '../../src/export/figure.ts';
import { formatNumber, shownIndex } from '../../src/render/race-status.ts';
import { figureSpecForView } from '../../src/export/view-figure.ts';
import { raceForView } from '../../src/view/race.ts';
import { defaultView } from '../../src/view/fields.ts';
import type { ViewState } from '../../src/view/state.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';
import { getSurface } from '../../surfaces/index.ts';
import { decodePng, pixelStats } from './png-pixels.ts';
import { elements, wellFormed } from './svg-inspect.ts';

/** Bowl, SGD + Adam, 40 steps: small enough to snapshot. */
function smallView(): ViewState {
  const v = defaultView(getSurface('bowl')!, VOCABULARY);
  return { ...v, entrants: plainEntrants(['sgd', 'momentum', 'adam']), steps: 40 };
}
const SMALL = { width: 520, height: 340 };

function checkSafe(svg: string): void {
  for (const el of elements(svg)) {
    expect(['script', 'foreignObject', 'iframe', 'image', 'use', 'a']).not.toContain(el.name);
    for (const [name, value] of Object.entries(el.attrs)) {
      expect(name, `attribute ${name} on <${el.name}>`).not.toMatch(/^on/i);
      expect(name).not.toMatch(/href$/i);
      if (name !== 'xmlns') expect(value).not.toMatch(/(https?:|javascript:|data:)/i);
      for (const m of value.matchAll(/url\(([^)]*)\)/g)) expect(m[1]).toMatch(/^#opf-/);
    }
  }
  expect(svg).not.toMatch(/@import|@font-face|<script/i);
}

describe('figureSvg on a small bowl race', () => {
  const view = smallView();
  const svg = figureSvg(figureSpecForView(view, SMALL));
  const els = elements(svg);

  it('is well-formed, self-contained XML with a viewBox, <title> and <desc>', () => {
    expect(wellFormed(svg)).toBe(true);
    checkSafe(svg);
    const root = els[0];
    expect(root.name).toBe('svg');
    expect(root.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(root.attrs.viewBox).toBe('0 0 520 340');
    expect(els.find((e) => e.name === 'title')!.text).toBe('Elongated bowl');
    // The description carries the scoreboard at iteration 40: SGD settles at 23; Momentum (78) and Adam (63)
    // have not touched 0.001 by then.
    const desc = els.find((e) => e.name === 'desc')!.text;
    expect(desc).toContain('f(x, y) = x^2/10 + y^2');
    expect(desc).toContain('Iterations until f − f* stays ≤ 0.001 (reached and stayed)');
    for (const said of ['SGD: 23', 'Momentum: not reached', 'Adam: not reached']) expect(desc).toContain(said);
  });

  it('has one trajectory path per optimizer, each with an end marker, one start marked "start", plus contour paths', () => {
    const groups = els.filter((e) => e.name === 'g' && e.attrs['data-optimizer']);
    expect(groups.map((g) => g.attrs['data-optimizer'])).toEqual(['sgd', 'momentum', 'adam']);
    for (const g of groups) {
      const kids = els.filter((e) => e.ancestors.at(-1) === g);
      expect(kids.filter((e) => e.attrs.class === 'p')).toHaveLength(1);
      expect(kids.filter((e) => e.attrs.class === 'm')).toHaveLength(1);
    }
    // Issue 8: the app's start glyph, once (not a ring per run), labelled.
    expect(els.filter((e) => e.name === 'g' && e.attrs.class === 'start')).toHaveLength(1);
    expect(els.filter((e) => e.name === 'text').map((e) => e.text)).toContain('start');
    // Bowl has 18 log levels inside its range, each traced as one filled band path.
    expect(els.filter((e) => e.name === 'path' && e.attrs.class === 'b').length).toBe(18);
  });

  it('labels both axes and lists each optimizer with its iterations to target', () => {
    const texts = els.filter((e) => e.name === 'text').map((e) => e.text);
    expect(texts).toContain('x');
    expect(texts).toContain('y');
    expect(texts).toContain('iterations until f − f* stays ≤ 0.001');
    // Tick labels at the bowl's domain ends (x ∈ [−10, 10], y ∈ [−5, 5]), written with a true minus.
    expect(texts).toEqual(expect.arrayContaining(['−10', '10', '−5', '5']));
    expect(texts).toContain('23');
    expect(texts.filter((t) => t === 'not reached')).toHaveLength(2);
  });

  it('rounds coordinates to one decimal', () => {
    for (const el of els.filter((e) => e.name === 'path')) expect(el.attrs.d).not.toMatch(/\d\.\d\d/);
  });

  it('is deterministic and matches the stored snapshot', async () => {
    expect(figureSvg(figureSpecForView(smallView(), SMALL))).toBe(svg);
    await expect(svg).toMatchFileSnapshot('__snapshots__/bowl-small.svg');
  });

  it('renders to a non-blank image with an independent renderer (rsvg-convert)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'opf-'));
    writeFileSync(join(dir, 'f.svg'), svg);
    execFileSync('rsvg-convert', ['-o', join(dir, 'f.png'), join(dir, 'f.svg')]);
    const px = decodePng(readFileSync(join(dir, 'f.png')));
    expect([px.width, px.height]).toEqual([520, 340]);
    const stats = pixelStats(px);
    // Contour fills cover most of the plot (≈ 190 × 230 px) and the palette adds strong colours.
    expect(stats.nonWhite).toBeGreaterThan(30_000);
    expect(stats.distinct).toBeGreaterThan(50);
  });
});

describe('escaping user-controlled text', () => {
  const hostile = ['</svg><script>alert(1)</script>', '" onload="alert(1)', "' onmouseover='x", 'a & b <c> \u0001\uFFFF'];
  const base: FigureSpec = figureSpecForView(smallView(), SMALL);

  for (const text of hostile) {
    it(`keeps ${JSON.stringify(text)} as text in the title, the expression line and the description`, () => {
      const svg = figureSvg({ ...base, title: text, expr: text, runs: base.runs.map((r) => ({ ...r, name: text })) });
      expect(wellFormed(svg)).toBe(true);
      checkSafe(svg);
      const els = elements(svg);
      const clean = text.replace(/[\u0001\uFFFF]/g, '\uFFFD');
      expect(els.find((e) => e.name === 'title')!.text).toBe(clean);
      expect(els.find((e) => e.name === 'desc')!.text).toContain(`f(x, y) = ${clean}`);
      expect(els.filter((e) => e.name === 'text').map((e) => e.text)).toContain(`f(x, y) = ${clean}`);
      expect(els.filter((e) => e.name === 'script')).toHaveLength(0);
      expect(els[0].name).toBe('svg');
      expect(els.filter((e) => e.name === 'svg')).toHaveLength(1);
    });
  }
});

describe('figure bounds and sizes', () => {
  it('refuses sizes outside [480, 4000] × [300, 4000] with a clear message', () => {
    const spec = figureSpecForView(smallView(), SMALL);
    expect(() => figureSvg({ ...spec, width: 100 })).toThrow(/width must be a whole number of pixels from 480 to 4000, got 100/);
    expect(() => figureSvg({ ...spec, height: 300.5 })).toThrow(/height/);
  });

  it('keeps a default-size figure of every registry surface under 200 KB', () => {
    for (const def of VOCABULARY.surfaces) {
      const svg = figureSvg(figureSpecForView(defaultView(def, VOCABULARY)));
      expect(svg.length, def.id).toBeLessThan(200_000);
    }
  });

  it('draws a diverged run up to its last finite point and says where it diverged', () => {
    const v = { ...smallView(), entrants: plainEntrants(['sgd']), hyper: { ...smallView().hyper, sgd: { lr: 5 } } };
    const runs = raceForView(v);
    expect(runs[0].diverged).toBe(true);
    const svg = figureSvg(figureSpecForView(v, SMALL, runs));
    expect(wellFormed(svg)).toBe(true);
    expect(elements(svg).map((e) => e.text)).toContain(`diverged at ${runs[0].divergedAt}`);
  });

  it('says in the legend when a run touched the target but left, in the scoreboard\'s words (issue 9)', () => {
    // The default bowl at its end, iteration 200: RMSprop touched 0.001 at 32 and ends at 0.0246;
    // Adam touched it at 63 and stays from 84.
    const v: ViewState = { ...defaultView(getSurface('bowl')!, VOCABULARY), entrants: plainEntrants(['rmsprop', 'adam']) };
    const texts = elements(figureSvg(figureSpecForView(v, SMALL))).filter((e) => e.name === 'text').map((e) => e.text);
    expect(texts).toContain('touched at 32, then left it');
    expect(texts).toContain('84 (touched at 63)');
  });

  it('says so when no target is set, and lists f at the iteration shown instead of iterations to target', () => {
    const spec: FigureSpec = { ...figureSpecForView(smallView(), SMALL), target: null };
    const els = elements(figureSvg(spec));
    const texts = els.filter((e) => e.name === 'text').map((e) => e.text);
    expect(texts).toContain('no target set: f shown');
    expect(texts.some((t) => t.startsWith('iterations until'))).toBe(false);
    // SGD reached 0.001 at 23 on this race; without a target its row shows f at iteration 40 instead.
    for (const r of spec.runs) expect(texts).toContain(formatNumber(r.losses[shownIndex(r, spec.k)]));
    expect(texts).not.toContain('23');
    expect(els.find((e) => e.name === 'desc')!.text).toContain('No target is set; f at iteration 40: SGD: ');
  });

  it('accepts a flat surface (no contour levels) without drawing bands', () => {
    const grid = sampleGrid(() => 1, { x: [0, 1], y: [0, 1] }, 10, 10);
    const svg = figureSvg({
      title: 'flat', expr: '1', grid, levels: [], levelMode: 'linear', runs: [], target: 0, k: 0, steps: 0, start: [0.5, 0.5],
      minima: [], minimumLabel: 'minimum', layout: 'overlay', width: 480, height: 300,
    });
    expect(wellFormed(svg)).toBe(true);
    expect(elements(svg).filter((e) => e.attrs.class === 'b')).toHaveLength(0);
  });
});

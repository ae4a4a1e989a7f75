/**
 * The sweep figure (sweep-figure-input.ts → sweep-scene.ts → src/export/sweep-svg.ts) with real values: on
 * x²/10 + y² from (3, 2) (λmax = 2) SGD's stability rule stands at lr = 1 and is labelled with its formula;
 * its runs at lr ≥ 1.1 sit in the "diverged" row and those below 1 on the iterations axis; the legend states
 * the window sweep-window.ts computes; the header states the race swept.
 */
import { describe, expect, it } from 'vitest';
import { runSweepJob } from '../../src/lab/sweep-runs.ts';
import { sweepSvg } from '../../src/export/sweep-svg.ts';
import { labFigureSvg } from '../../src/export/lab-figure.ts';
import { sweepFigureInput } from '../../src/render/sweep-figure-input.ts';
import { nearestPoint, sweepScene } from '../../src/render/sweep-scene.ts';
import { decodeView } from '../../src/view/link.ts';
import type { SweepLab } from '../../src/view/state.ts';
import { sweepJobForView } from '../../src/view/sweep.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';
import { raceForView } from '../../src/view/race.ts';
import { textWidth } from '../../src/render/text-width.ts';

const hash = `f=${encodeURIComponent('x^2/10 + y^2')}&start=3,2&target=0.001&steps=2000&noise=0.01&seed=7&opt=sgd,adam:lr=0.1&lab=sweep:from=0.5:to=1.6:points=12`;
const view = decodeView(hash, VOCABULARY).view;
const lab = view.lab as SweepLab;
const runs = runSweepJob(sweepJobForView(view, lab));
const input = sweepFigureInput(view, lab, runs);
const scene = sweepScene(input, { width: 720, height: 480 });
const svg = sweepSvg(input, scene);

describe('the sweep figure', () => {
  it('reads its grid from the link', () => {
    expect(lab).toEqual({ kind: 'sweep', from: 0.5, to: 1.6, points: 12, y: 'settled', param: null });
  });

  it("puts SGD's stability rule at lr = 2/λmax = 1, one rule for the start and the minimum (a quadratic)", () => {
    const { box } = scene;
    const x1 = box.left + ((0 - Math.log10(0.5)) / (Math.log10(1.6) - Math.log10(0.5))) * box.width;
    expect(scene.rules).toHaveLength(1);
    expect(scene.rules[0].x).toBeCloseTo(x1, 9);
    expect(scene.rules[0].label).toBe('SGD: lr < 2/λmax = 1 at the start and minimum');
    expect(svg).toContain('>lr &lt; 2/λmax = 1</text>');
  });

  it('draws runs at lr ≥ 1.1 in the diverged row and runs below 1 on the iterations axis', () => {
    const sgd = scene.points.filter((p) => p.entrant === 0);
    expect(sgd).toHaveLength(12);
    const row = scene.bands.find((b) => b.kind === 'diverged')!;
    for (const p of sgd) {
      if (p.value >= 1.1) {
        expect(p.kind, `lr ${p.value}`).toBe('diverged');
        expect(p.y).toBeGreaterThanOrEqual(row.top);
        expect(p.y).toBeLessThanOrEqual(row.top + row.height);
      }
      if (p.value < 1) expect(p.kind, `lr ${p.value}`).toBe('settled');
    }
    // 0.5·3.2^(i/11): four values from 1.165 up, and 1.048, just above the limit, diverges within 2000 steps too.
    expect(sgd.filter((p) => p.kind === 'diverged').map((p) => Number(p.value.toPrecision(4)))).toEqual([1.048, 1.165, 1.295, 1.439, 1.6]);
    // The diverged runs are crosses in the file, each with its entrant and value.
    expect(svg.match(/<path data-e="0" data-v="[\d.]+"/g)).toHaveLength(5);
  });

  it("states the window: 0.5 … 0.5·3.2^(6/11) ≈ 0.943, 0.28 decades, and the best value's iterations", () => {
    const w = runs[0].window!;
    expect(w.low).toBe(0.5);
    expect(w.high).toBeCloseTo(0.5 * 3.2 ** (6 / 11), 12);
    expect(w.decades).toBeCloseTo(Math.log10(3.2 ** (6 / 11)), 12);
    const best = runs[0].results.find((r) => r.value === w.best)!;
    const legend = scene.texts.map((t) => t.text).join(' ');
    expect(legend).toContain(`best on the grid ${Number(w.best.toPrecision(3))}: ${best.settled} iterations; window 0.28 decades (0.5 … 0.943)`);
    expect(legend).toContain('lr < 2/λmax: 1 at the start, 1 at the minimum');
  });

  it('states the surface, the race and each entrant with its other hyperparameters', () => {
    expect(svg).toContain('<title id="ops-title">Learning-rate sweep on a custom surface</title>');
    for (const part of ['f(x, y) = x^2/10 + y^2', 'start (3, 2)', 'budget 2000 updates', 'target f − f* ≤ 0.001', 'gradient noise σ = 0.01, seed 7', 'grid 0.5 … 1.6, 12 log-spaced values']) {
      expect(svg).toContain(part);
    }
    // A typed expression's SGD starts at the registry's lr 0.01 (off this grid, so no current-value mark).
    expect(svg).toContain('>SGD, lr now 0.01</text>');
    // The legend line wraps in the drawing; the <desc> holds it whole.
    expect(svg).toContain('Adam lr=0.1 (β1=0.9 β2=0.999 ε=1e-8), lr now 0.1 best on the grid ');
  });

  it('picks the run nearest a click, within reach', () => {
    const p = scene.points[3];
    expect(nearestPoint(scene, p.x + 2, p.y - 1, 10)).toBe(p);
    expect(nearestPoint(scene, 0, 0, 10)).toBeNull();
  });

  it('is what labFigureSvg gives for the view, and nothing for the race', () => {
    expect(labFigureSvg(view, { width: 720, height: 480 })).toBe(svg);
    expect(labFigureSvg({ ...view, lab: null }, { width: 720, height: 480 })).toBeNull();
  });

  it('plots the final gap on a log axis with the target line when y=gap', () => {
    const gap = sweepScene(sweepFigureInput(view, { ...lab, y: 'gap' }, runs), { width: 720, height: 480 });
    expect(gap.bands.map((b) => b.kind)).toEqual(['diverged']);
    expect(gap.targetY).not.toBeNull();
    const settled = gap.points.filter((p) => p.entrant === 0 && p.kind === 'gap');
    expect(settled.every((p) => p.y > gap.targetY!)).toBe(true);
  });
});

describe('a sweep of another hyperparameter (lab param)', () => {
  it('says which in the title and on the x axis, and draws no stability rule or note (limits are for lr)', () => {
    const beta = decodeView('s=bowl&opt=momentum,nag&lab=sweep:points=11:param=beta', VOCABULARY).view;
    const betaSvg = labFigureSvg(beta, { width: 720, height: 480 })!;
    expect(betaSvg).toContain('Sweep of beta on Elongated bowl');
    expect(betaSvg).toContain('>beta (log scale)<');
    expect(betaSvg).not.toContain('λmax');
    expect(betaSvg).not.toContain('Dashed rules');
    // The default sweep of the same race: the learning rate, with Momentum's limit and its note.
    const lr = labFigureSvg({ ...beta, lab: { ...(beta.lab as SweepLab), param: null } }, { width: 720, height: 480 })!;
    expect(lr).toContain('Learning-rate sweep on Elongated bowl');
    expect(lr).toContain('>lr (log scale)<');
    expect(lr).toContain('Dashed rules: stability limits from the Hessian.');
  });
});

describe('the default sweep of the bowl (SGD and Momentum, their limits at lr 1 and 1.9)', () => {
  const bowl = decodeView('s=bowl&opt=sgd,momentum&lab=sweep', VOCABULARY).view;
  const bowlLab = bowl.lab as SweepLab;
  const bowlRuns = runSweepJob(sweepJobForView(bowl, bowlLab));
  const bowlInput = sweepFigureInput(bowl, bowlLab, bowlRuns);

  it("calls the grid's best the best on the grid: the race's own lr 0.9, off the grid, settles sooner", () => {
    // The grid 1e-4 … 10 in 61 log steps has 10^(-1/12) ≈ 0.825 (24 iterations) and then 1 (diverges); 0.9 is not on it.
    expect(bowlRuns[0].results.map((r) => r.value)).not.toContain(0.9);
    expect(bowlRuns[0].window!.best).toBeCloseTo(10 ** (-1 / 12), 12);
    expect(raceForView(bowl)[0].settled).toBe(23);
    const legend = sweepScene(bowlInput, { width: 720, height: 'auto' }).texts.map((t) => t.text).join(' ');
    expect(legend).toContain('SGD, lr now 0.9');
    expect(legend).toContain('best on the grid 0.825: 24 iterations');
    expect(legend).not.toMatch(/(^|; )best 0/);
    expect(legend).toContain('Large marker: the best value on the grid');
  });

  // A text's painted box: its width along the baseline (text-width.ts), 0.8 of its size above the baseline and
  // 0.25 below, and the 1.5 px white halo of a label over the plot (class "l"); rotated −90° about (x, y).
  const paintedBox = (t: ReturnType<typeof sweepScene>['texts'][number]) => {
    const len = textWidth(t.text, { size: t.size, bold: /\b(h|k)\b/.test(t.cls), family: t.cls === 'e' ? 'mono' : 'sans' });
    const halo = t.cls.split(' ').includes('l') ? 1.5 : 0;
    const from = t.anchor === 'end' ? -len : t.anchor === 'middle' ? -len / 2 : 0;
    const along = [from - halo, from + len + halo];
    const across = [-0.8 * t.size - halo, 0.25 * t.size + halo];
    return t.rotate === -90
      ? { x0: t.x + across[0], x1: t.x + across[1], y0: t.y - along[1], y1: t.y - along[0] }
      : { x0: t.x + along[0], x1: t.x + along[1], y0: t.y + across[0], y1: t.y + across[1] };
  };

  // 375: a phone's export; 351: the figure in the app's column on a 375 px wide screen.
  for (const width of [375, 351]) {
    it(`keeps at least 4 px between any two texts' painted boxes at ${width} px, so a rule fits between two labels untouched`, () => {
      const scene = sweepScene(bowlInput, { width, height: 'auto' });
      const rotated = scene.texts.filter((t) => t.rotate === -90 && t.cls === 't l');
      // Both rules are labelled: SGD's on the left of its rule, Momentum's facing away on the right of its.
      expect(rotated.map((t) => t.text)).toEqual(['lr < 2/λmax = 1', 'lr < 2(1+β)/((1−d)·λmax) = 1.9']);
      const [sgd, momentum] = scene.rules;
      expect(paintedBox(rotated[0]).x1).toBeLessThanOrEqual(sgd.x);
      expect(paintedBox(rotated[1]).x0).toBeGreaterThanOrEqual(momentum.x);
      const boxes = scene.texts.map((t) => ({ text: t.text, rotated: t.rotate === -90, ...paintedBox(t) }));
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i], boxes[j]];
          const gap = Math.max(b.x0 - a.x1, a.x0 - b.x1, b.y0 - a.y1, a.y0 - b.y1);
          // Stacked legend lines are 14 px apart, closer than 4 px but not touching; a rotated label keeps 4 px.
          expect(gap, `"${a.text}" and "${b.text}"`).toBeGreaterThanOrEqual(a.rotated || b.rotated ? 4 : 0);
        }
      }
      // No rule label's box reaches another entrant's rule (its own is the nearest).
      for (const t of rotated) {
        const box = paintedBox(t);
        const others = [...scene.rules].sort((p, q) => Math.abs(p.x - t.x) - Math.abs(q.x - t.x)).slice(1);
        for (const r of others) expect(r.x < box.x0 - 2 || r.x > box.x1 + 2, `"${t.text}" and the rule at ${r.x}`).toBe(true);
      }
    });
  }
});

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
    expect(legend).toContain(`best ${Number(w.best.toPrecision(3))}: ${best.settled} iterations; window 0.28 decades (0.5 … 0.943)`);
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
    expect(svg).toContain('Adam lr=0.1 (β1=0.9 β2=0.999 ε=1e-8), lr now 0.1 best ');
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

/**
 * The inspector's marks (src/render/inspector-marks.ts) and their place in the exported figure: arrows from
 * θ_k whose tips are θ_k + (step) in pixels, NAG's look-ahead point at the tip of the carried velocity, the
 * effective-rate ellipse of the adaptive rules, and the figure drawing them only at the inspected iteration.
 */
import { describe, expect, it } from 'vitest';
import { inspectorMarks } from '../../src/render/inspector-marks.ts';
import { projection } from '../../src/render/projection.ts';
import { figureSpecForView } from '../../src/export/view-figure.ts';
import { figureRenderer } from '../../src/export/figure.ts';
import { inspectView } from '../../src/view/inspect.ts';
import { decodeView } from '../../src/view/link.ts';
import { raceForView } from '../../src/view/race.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';

// x from −10 to 10 and y from −5 to 5 onto 400 × 200 px: 20 px per unit both ways, y upward.
const proj = projection({ x: [-10, 10], y: [-5, 5] }, { left: 0, top: 0, width: 400, height: 200 });
const view = (hash: string) => decodeView(hash, VOCABULARY).view;

describe('inspector marks', () => {
  it('Momentum on the bowl at k = 1: the taken step is the plain step plus the carried velocity', () => {
    const v = view('#s=bowl&steps=10&opt=momentum');
    const [r] = raceForView(v);
    const { inspection, parts } = inspectView(v, 0, 1, r);
    const marks = inspectorMarks({ theta: inspection.theta, g: inspection.next!.g, parts: parts! }, proj);
    const by = Object.fromEntries(marks.arrows.map((a) => [a.kind, a]));
    expect(Object.keys(by).sort()).toEqual(['carry', 'plain', 'taken']);
    // θ₁ = (−6.86, 1.6) → (62.8, 68) px; taken (0.2632, −0.68) → (+5.264, +13.6) px; carry (0.126, −0.36) → (+2.52, +7.2) px.
    expect(by.taken).toMatchObject({ x1: 62.8, y1: 68, x2: 68.1, y2: 81.6 });
    expect(by.carry).toMatchObject({ x2: 65.3, y2: 75.2 });
    expect(by.taken.head).not.toBe('');
    expect(marks.ellipse).toBeNull();
  });

  it('NAG: the look-ahead point is the tip of the carried velocity; its gradient step leaves from there', () => {
    const v = view('#s=bowl&steps=10&opt=nag');
    const [r] = raceForView(v);
    const { inspection, parts } = inspectView(v, 0, 3, r);
    const marks = inspectorMarks({ theta: inspection.theta, g: inspection.next!.g, parts: parts! }, proj);
    const carry = marks.arrows.find((a) => a.kind === 'carry')!;
    const ahead = marks.arrows.find((a) => a.kind === 'ahead')!;
    expect(marks.point).toEqual({ x: carry.x2, y: carry.y2 });
    expect([ahead.x1, ahead.y1]).toEqual([carry.x2, carry.y2]);
  });

  it('Adam: the ellipse has semi-axes η_eff·‖g‖ (first step: 0.3/1.4·‖g‖ and 0.075·‖g‖)', () => {
    const v = view('#s=bowl&steps=10&opt=adam');
    const [r] = raceForView(v);
    const { inspection, parts } = inspectView(v, 0, 0, r);
    const marks = inspectorMarks({ theta: inspection.theta, g: inspection.next!.g, parts: parts! }, proj);
    const norm = Math.hypot(1.4, 4);
    expect(marks.ellipse!.rx).toBeCloseTo((0.3 / 1.4) * norm * 20, 0);
    expect(marks.ellipse!.ry).toBeCloseTo(0.075 * norm * 20, 0);
  });

  it('the exported figure draws them for insp= at k only', () => {
    const v = view('#s=bowl&steps=50&opt=sgd,momentum&k=4&insp=1');
    const spec = figureSpecForView(v);
    expect(spec.inspector).toMatchObject({ run: 1, k: 4 });
    const render = figureRenderer(spec);
    expect(render(4)).toContain('data-arrow="carry"');
    expect(render(4).match(/data-arrow="taken"/g)).toHaveLength(1);
    expect(render(5)).not.toContain('data-arrow');
    expect(figureSpecForView(view('#s=bowl&steps=50&opt=sgd,momentum&k=4')).inspector).toBeUndefined();
  });
});

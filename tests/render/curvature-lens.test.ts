/**
 * The curvature lens: the Hessian's eigenpairs from compiled symbolic second derivatives, the panel's
 * sentences, and the plot's cross and ellipse, on surfaces whose curvature is worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { readLens } from '../../src/render/curvature-lens.ts';
import { lensMarks, LENS_RADIUS } from '../../src/render/curvature-marks.ts';
import { projection } from '../../src/render/projection.ts';
import { limitAt } from '../../src/lab/limits.ts';
import { compileExpression } from '../../src/math/expression/index.ts';
import type { HessianAt } from '../../src/lab/limits.ts';

function hessianOf(text: string): HessianAt {
  const c = compileExpression(text);
  if (!c.ok) throw new Error(c.error.message);
  const h = c.value.hessian();
  if (!h) throw new Error(`no Hessian for ${text}`);
  return h;
}

describe('eigenvalues of compiled Hessians', () => {
  it('a quadratic 3x² + 2xy + 3y²: H = [[6, 2], [2, 6]], λ = 8 and 4 along (1, 1) and (1, −1)', () => {
    const r = readLens(hessianOf('3*x^2 + 2*x*y + 3*y^2'), [0.4, -2]);
    expect(r.hessian).toEqual([6, 2, 6]);
    expect(r.eigenvalues[0]).toBeCloseTo(8, 12);
    expect(r.eigenvalues[1]).toBeCloseTo(4, 12);
    expect(Math.abs(r.eigenvectors[0][0])).toBeCloseTo(Math.SQRT1_2, 12);
    expect(r.eigenvectors[0][0] * r.eigenvectors[0][1]).toBeCloseTo(0.5, 12);
    expect(r.condition).toBeCloseTo(2, 12);
    expect(r.sgdLimit).toBeCloseTo(0.25, 12);
  });
  it('Rosenbrock at (1, 1): H = [[802, −400], [−400, 200]], λ = 501 ± √250601 ≈ 1001.6 and 0.3994', () => {
    const r = readLens(hessianOf('(1-x)^2 + 100*(y-x^2)^2'), [1, 1]);
    expect(r.eigenvalues[0]).toBeCloseTo(501 + Math.sqrt(250601), 9); // 1001.6006
    expect(r.eigenvalues[1]).toBeCloseTo(501 - Math.sqrt(250601), 9); // 0.399361
    expect(r.eigenvalues[0]).toBeCloseTo(1001.6, 1);
    expect(r.eigenvalues[1]).toBeCloseTo(0.3994, 4);
    expect(r.condition).toBeCloseTo(2508, 0);
  });
});

describe('the lens text', () => {
  it('on the elongated bowl x²/10 + y²: κ = 10 and SGD stable for lr < 1, the steep axis y', () => {
    const r = readLens(hessianOf('x^2/10 + y^2'), [-7, 2]);
    expect(r.shape).toBe('bowl');
    expect(r.sentences).toEqual([
      'A bowl: κ = λmax/λmin = 10. It curves most steeply along ±(0, 1) (λ = 2) and least along ±(1, 0) (λ = 0.2).',
      'SGD is stable here for lr < 2/λmax = 1.',
    ]);
  });
  it('gives the same limit as the sweep’s stability marks (one implementation)', () => {
    const h = hessianOf('(1-x)^2 + 100*(y-x^2)^2');
    expect(readLens(h, [-1.2, 1]).sgdLimit).toBe(limitAt('sgd', { lr: 0.1 }, h, [-1.2, 1]).lr);
  });
  it('on the saddle x² − y² + y⁴/4 at the origin: descends along ±(0, 1) with λ = −2', () => {
    const r = readLens(hessianOf('x^2 - y^2 + y^4/4'), [0, 0]);
    expect(r.shape).toBe('saddle');
    expect(r.condition).toBeNull();
    expect(r.sentences).toEqual([
      'A saddle: along ±(0, 1) the curvature is negative (λ = −2), so a step that way descends, and ever more steeply: the slope grows by 2 per unit moved.',
      'Along ±(1, 0) it curves up (λ = 2); κ is undefined.',
      'SGD is stable here for lr < 2/λmax = 1.',
    ]);
  });
  it('at a hilltop gives no limit, and at a non-finite Hessian says so', () => {
    const top = readLens(hessianOf('-(x^2) - 3*y^2'), [0, 0]);
    expect(top.shape).toBe('hilltop');
    expect(top.sgdLimit).toBeNull();
    expect(top.sentences[0]).toMatch(/most steeply along ±\(0, 1\)/) // λ = −6 along y;
    const bad = readLens(hessianOf('sqrt(x) + y^2'), [0, 1]);
    expect(bad.shape).toBe('undefined');
    expect(bad.sgdLimit).toBeNull();
  });
});

describe('the lens marks', () => {
  // Domain [−10, 10] × [−5, 5] on a 400 × 200 box: 20 px per unit on both axes, y up.
  const proj = projection({ x: [-10, 10], y: [-5, 5] }, { left: 0, top: 0, width: 400, height: 200 });
  it('on the bowl: arms along x and y with lengths in the ratio √(2/0.2) = √10, the longer LENS_RADIUS px', () => {
    const r = readLens(hessianOf('x^2/10 + y^2'), [0, 0]);
    const m = lensMarks(r, [0, 0], proj)!;
    expect([m.cx, m.cy]).toEqual([200, 100]);
    const [steep, flat] = m.arms;
    expect(steep).toMatchObject({ kind: 'up', x1: 200, x2: 200 });
    expect(Math.abs(steep.y2 - steep.y1) / 2).toBeCloseTo(LENS_RADIUS / Math.sqrt(10), 0);
    expect(flat).toMatchObject({ kind: 'up', y1: 100, y2: 100 });
    expect(Math.abs(flat.x2 - flat.x1) / 2).toBe(LENS_RADIUS);
    // The ellipse starts at the steep arm's end, 26/√10 = 8.2 px above the point, and passes the flat arm's.
    expect(m.ellipse).toMatch(/^M200,91.8L/);
    expect(m.ellipse).toContain('L174,100L');
  });
  it('on the saddle: the descending arm is marked down, and there is no ellipse', () => {
    const r = readLens(hessianOf('x^2 - y^2'), [1, 1]);
    const m = lensMarks(r, [1, 1], proj)!;
    expect(m.arms.map((a) => a.kind)).toEqual(['up', 'down']);
    expect(m.ellipse).toBe('');
  });
  it('draws nothing for a non-finite curvature', () => {
    expect(lensMarks({ eigenvalues: [NaN, 1], eigenvectors: [[1, 0], [0, 1]] }, [0, 0], proj)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { compileExpression, expressionObjective, type CompiledExpression } from '../../src/math/expression/index.ts';
import { SURFACES } from '../../surfaces/index.ts';

function compiled(text: string, mode: 'auto' | 'codegen' | 'closure' = 'auto'): CompiledExpression {
  const r = compileExpression(text, { mode });
  if (!r.ok) throw new Error(`expected ${text} to compile: ${r.error.message}`);
  return r.value;
}

function hessianAt(c: CompiledExpression, x: number, y: number): [number, number, number, number] {
  const h = c.hessian();
  if (!h) throw new Error(`no Hessian for ${c.source}`);
  const out = new Float64Array(3);
  const v = h(x, y, out);
  return [v, out[0], out[1], out[2]];
}

describe('Hessian: worked values', () => {
  it('Rosenbrock at its minimum (1, 1): [[802, −400], [−400, 200]]', () => {
    // f = (1 − x)² + 100(y − x²)²; f_xx = 2 − 400(y − x²) + 800x² = 2 − 0 + 800; f_xy = −400x; f_yy = 200
    expect(hessianAt(compiled('(1-x)^2 + 100*(y-x^2)^2'), 1, 1)).toEqual([0, 802, -400, 200]);
  });

  it('elongated bowl x^2/10 + y^2: constant [[0.2, 0], [0, 2]]', () => {
    const [v, xx, xy, yy] = hessianAt(compiled('x^2/10 + y^2'), -7, 2);
    expect(v).toBeCloseTo(8.9, 14);
    expect(xx).toBeCloseTo(0.2, 15);
    expect(xy).toBe(0);
    expect(yy).toBe(2);
  });

  it('x^3*y^2 + exp(x*y) at (1, 2): f_xx = 24 + 4e², f_xy = 12 + 3e², f_yy = 2 + e²', () => {
    // f_xx = 6xy² + y²e^{xy}; f_xy = 6x²y + e^{xy} + xy·e^{xy}; f_yy = 2x³ + x²e^{xy}
    const e2 = Math.exp(2);
    const [v, xx, xy, yy] = hessianAt(compiled('x^3*y^2 + exp(x*y)'), 1, 2);
    expect(v).toBeCloseTo(4 + e2, 13);
    expect(xx).toBeCloseTo(24 + 4 * e2, 12);
    expect(xy).toBeCloseTo(12 + 3 * e2, 12);
    expect(yy).toBeCloseTo(2 + e2, 12);
  });

  it('sin(x)*cos(y) at (π/2, 0), its maximum: [[−1, 0], [0, −1]]', () => {
    const [v, xx, xy, yy] = hessianAt(compiled('sin(x)*cos(y)'), Math.PI / 2, 0);
    expect(v).toBe(1);
    expect(xx).toBe(-1);
    expect(Math.abs(xy)).toBeLessThan(1e-15);
    expect(yy).toBe(-1);
  });

  it('codegen and closures give bit-identical Hessians', () => {
    for (const text of ['(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2', 'sin(x)*cos(y) + log(1 + x^2*y^2)']) {
      const a = hessianAt(compiled(text, 'codegen'), 0.7, -1.3);
      const b = hessianAt(compiled(text, 'closure'), 0.7, -1.3);
      expect(b).toEqual(a);
    }
  });

  it('is compiled once, on first request, and reached through the objective', () => {
    const c = compiled('x^4 - 2*x^2 + y^2');
    expect(c.hessian()).toBe(c.hessian());
    const objective = expressionObjective(c);
    const h = objective.hessian?.();
    const out = new Float64Array(3);
    h!(1, 0, out);
    // f_xx = 12x² − 4 = 8 at x = 1; f_yy = 2
    expect([...out]).toEqual([8, 0, 2]);
  });
});

describe('Hessian against central differences of the exact gradient', () => {
  // H_ij ≈ (g_i(p + h e_j) − g_i(p − h e_j)) / 2h, h = 1e-5·max(1, |p_j|): O(h²) truncation, O(ε|g|/h) rounding.
  const points: [number, number][] = [
    [0.3, -0.7],
    [-1.1, 0.4],
    [1.7, 1.2],
  ];
  for (const s of SURFACES) {
    it(`${s.id}: every entry agrees to 1e-5 relative`, () => {
      const c = compiled(s.expr);
      const g = new Float64Array(2);
      const gradAt = (x: number, y: number): [number, number] => {
        c.grad(x, y, g);
        return [g[0], g[1]];
      };
      for (const [x, y] of points) {
        const [, xx, xy, yy] = hessianAt(c, x, y);
        const hx = 1e-5 * Math.max(1, Math.abs(x));
        const hy = 1e-5 * Math.max(1, Math.abs(y));
        const [gxp, gyp] = gradAt(x + hx, y);
        const [gxm, gym] = gradAt(x - hx, y);
        const [gxq] = gradAt(x, y + hy);
        const [gxr] = gradAt(x, y - hy);
        const [, gys] = gradAt(x, y + hy);
        const [, gyt] = gradAt(x, y - hy);
        const fdXX = (gxp - gxm) / (2 * hx);
        const fdXY = (gxq - gxr) / (2 * hy);
        const fdYX = (gyp - gym) / (2 * hx);
        const fdYY = (gys - gyt) / (2 * hy);
        const scale = Math.max(1, Math.abs(xx), Math.abs(xy), Math.abs(yy));
        expect(Math.abs(xx - fdXX) / scale).toBeLessThan(1e-5);
        expect(Math.abs(xy - fdXY) / scale).toBeLessThan(1e-5);
        expect(Math.abs(xy - fdYX) / scale).toBeLessThan(1e-5);
        expect(Math.abs(yy - fdYY) / scale).toBeLessThan(1e-5);
      }
    });
  }
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileExpression, expressionObjective, type CompiledExpression } from '../../src/math/expression/index.ts';

function compiled(text: string, mode: 'auto' | 'codegen' | 'closure' = 'auto'): CompiledExpression {
  const r = compileExpression(text, { mode });
  if (!r.ok) throw new Error(`expected ${text} to compile: ${r.error.message}`);
  return r.value;
}

function gradAt(c: CompiledExpression, x: number, y: number): [number, number, number] {
  const out = new Float64Array(2);
  const v = c.grad(x, y, out);
  return [v, out[0], out[1]];
}

const ROSENBROCK = '(1-x)^2 + 100*(y-x^2)^2';
const BEALE = '(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2';

describe('compileExpression: worked values', () => {
  it('Rosenbrock at (-1.2, 1): f = 2.2² + 100·(1 − 1.44)² = 4.84 + 19.36 = 24.2', () => {
    // ∂f/∂x = −2(1 − x) − 400x(y − x²) = −4.4 − 400·(−1.2)·(−0.44) = −4.4 − 211.2 = −215.6
    // ∂f/∂y = 200(y − x²) = 200·(−0.44) = −88
    const c = compiled(ROSENBROCK);
    const [v, gx, gy] = gradAt(c, -1.2, 1);
    expect(v).toBeCloseTo(24.2, 12);
    expect(c.f(-1.2, 1)).toBe(v);
    expect(gx).toBeCloseTo(-215.6, 11);
    expect(gy).toBeCloseTo(-88, 12);
  });

  it('Rosenbrock has an exactly zero gradient at its minimum (1, 1)', () => {
    // −2(1 − 1) − 400·1·(1 − 1) is −0 in IEEE arithmetic; compare magnitudes.
    expect(gradAt(compiled(ROSENBROCK), 1, 1).map(Math.abs)).toEqual([0, 0, 0]);
  });

  it('Beale at (1, 1): f = 1.5² + 2.25² + 2.625² = 14.203125, ∇f = (0, 27.75)', () => {
    // ∂f/∂x = Σ 2·r_i·(y^i − 1) = 0 at y = 1; ∂f/∂y = 2·1.5·x + 2·2.25·2xy + 2·2.625·3xy² = 3 + 9 + 15.75
    const [v, gx, gy] = gradAt(compiled(BEALE), 1, 1);
    expect(v).toBe(14.203125);
    expect(gx).toBe(0);
    expect(gy).toBeCloseTo(27.75, 12);
  });

  it('Beale vanishes with zero gradient at its minimum (3, 0.5)', () => {
    // residuals: 1.5 − 3 + 1.5 = 0, 2.25 − 3 + 0.75 = 0, 2.625 − 3 + 0.375 = 0
    const [v, gx, gy] = gradAt(compiled(BEALE), 3, 0.5);
    expect(v).toBe(0);
    expect(gx).toBeCloseTo(0, 12);
    expect(gy).toBeCloseTo(0, 12);
  });

  it('elongated bowl x^2/10 + y^2 at (-7, 2): f = 4.9 + 4 = 8.9, ∇f = (x/5, 2y) = (-1.4, 4)', () => {
    const [v, gx, gy] = gradAt(compiled('x^2/10 + y^2'), -7, 2);
    expect(v).toBeCloseTo(8.9, 14);
    expect(gx).toBeCloseTo(-1.4, 14);
    expect(gy).toBe(4);
  });

  it('reports the simplified partials as text and TeX', () => {
    const c = compiled(ROSENBROCK);
    expect(c.derivatives).toEqual({ dfdx: '-(2 * (1 - x)) - 400 * x * (y - x ^ 2)', dfdy: '200 * (y - x ^ 2)' });
    expect(c.tex.f).toBe('{\\left(1- x\\right)}^{2}+100\\cdot{\\left( y-{ x}^{2}\\right)}^{2}');
    expect(c.tex.dfdy).toBe('200\\cdot\\left( y-{ x}^{2}\\right)');
  });

  it('differentiates over the reals: d/dx (x^2)^(1/2) is x/|x|, not 1', () => {
    const c = compiled('(x^2)^(1/2)');
    expect(gradAt(c, -2, 0)[1]).toBe(-1);
    expect(gradAt(c, 3, 0)[1]).toBe(1);
  });

  it('knows pi and e as numbers and accepts implicit multiplication (2x, 3 pi y)', () => {
    const c = compiled('2x + 3 pi y + e');
    expect(c.f(1, 1)).toBe(2 + 3 * Math.PI + Math.E);
    expect(gradAt(c, 0, 0).slice(1)).toEqual([2, 3 * Math.PI]);
  });

  it('log takes an optional base: log(x, 2) = ln x / ln 2, d/dx = 1/(x ln 2)', () => {
    const c = compiled('log(x, 2)');
    expect(c.f(8, 0)).toBeCloseTo(3, 15);
    expect(gradAt(c, 4, 0)[1]).toBeCloseTo(1 / (4 * Math.LN2), 15);
    // d/dy log(x, y) = −ln x / (y ln² y): at (e, e) that is −1/e
    expect(gradAt(compiled('log(x, y)'), Math.E, Math.E)[2]).toBeCloseTo(-1 / Math.E, 15);
  });

  it('returns non-finite values as data, not errors', () => {
    const c = compiled('1/x + sqrt(y)');
    expect(c.f(0, 1)).toBe(Infinity);
    expect(c.f(1, -1)).toBeNaN();
    const [, gx] = gradAt(c, 0, 1);
    expect(gx).toBe(-Infinity);
  });

  it('trims the source but indexes errors into the untrimmed text', () => {
    expect(compiled('  x + y  ').source).toBe('x + y');
    const r = compileExpression('  x + z');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ token: 'z', index: 6 });
  });

  it('writes the gradient into a Float32Array too', () => {
    const out = new Float32Array(2);
    compiled('x^2/10 + y^2').grad(-7, 2, out);
    expect(Array.from(out)).toEqual([Math.fround(-1.4), 4]);
  });
});

describe('expressionObjective', () => {
  it('is a 2-D Objective whose oracle matches f and writes ∇f into the caller array', () => {
    const o = expressionObjective(compiled(ROSENBROCK));
    const p = new Float64Array([-1.2, 1]);
    const g = new Float64Array(2);
    expect(o.dim).toBe(2);
    expect(o.value(p)).toBeCloseTo(24.2, 12);
    expect(o.gradient(p, g)).toBe(o.value(p));
    expect(g[0]).toBeCloseTo(-215.6, 11);
    expect(g[1]).toBeCloseTo(-88, 12);
  });
});

describe('compile modes', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("'auto' uses codegen where new Function works", () => {
    expect(compiled('x*y').mode).toBe('codegen');
    expect(compiled('x*y', 'closure').mode).toBe('closure');
  });

  it("'auto' falls back to closures when new Function is forbidden (CSP)", () => {
    vi.stubGlobal('Function', function forbidden() {
      throw new EvalError("Refused to evaluate a string as JavaScript because 'unsafe-eval' is not allowed");
    });
    const c = compiled(ROSENBROCK);
    expect(c.mode).toBe('closure');
    expect(gradAt(c, -1.2, 1)[2]).toBeCloseTo(-88, 12);
    expect(() => compileExpression('x', { mode: 'codegen' })).toThrow(EvalError);
  });
});

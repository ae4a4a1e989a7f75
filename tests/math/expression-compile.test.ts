import { describe, expect, it } from 'vitest';
import { compileExpression, expressionObjective } from '../../src/math/expression/index.ts';
import { gradientSource, valueSource } from '../../src/math/expression/codegen.ts';
import { partial } from '../../src/math/expression/differentiate.ts';
import { toIr } from '../../src/math/expression/ir.ts';
import { parseExpression } from '../../src/math/expression/parse.ts';
import { gradcheck, gradientAgrees } from '../../src/math/gradcheck.ts';

// Every function of the language appears at least once, away from its singularities on the sample box.
const SMOOTH: string[] = [
  'sin(x*y) + cos(x - y)',
  'tan(x/3) * y',
  'sec(x/3) + csc(y/4 + 2) + cot(y/4 + 2)',
  'asin(x/3) + acos(y/3)',
  'atan(x*y)',
  'sinh(x/2) + cosh(y/2) + tanh(x*y)',
  'sech(x) + csch(y + 4) + coth(y + 4)',
  'asinh(x*y) + acosh(y^2 + 1.5) + atanh(x/3)',
  'exp(-(x^2 + y^2))',
  'log(x^2 + y^2 + 1)',
  'log10(x^2 + 2) * y',
  'log(x^2 + 2, y^2 + 3)',
  'sqrt(x^2 + y^2 + 1)',
  'abs(x - 5) * y + abs(y + 5)',
  '(x + 3)^y',
  '2^x + e^y + pi*x',
  '(1-x)^2 + 100*(y-x^2)^2',
  '(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2',
  '(x^2+y-11)^2 + (x+y^2-7)^2',
  '20 + x^2 - 10 cos(2 pi x) + y^2 - 10 cos(2 pi y)',
  '-20 exp(-0.2 sqrt(0.5 (x^2 + y^2))) - exp(0.5 (cos(2 pi x) + cos(2 pi y))) + e + 20',
  '(4 - 2.1 x^2 + x^4/3) x^2 + x y + (-4 + 4 y^2) y^2',
  '-x/(y + 4) + x^3/(1 + y^2)',
  Array.from({ length: 12 }, (_, i) => `${i + 2}*x^${(i % 5) + 1}*y`).join('+'),
];

/** Deterministic points in [-2.5, 2.5]² (a fixed low-discrepancy walk, no Math.random). */
function samplePoints(n: number): [number, number][] {
  const pts: [number, number][] = [];
  for (let i = 1; i <= n; i++) pts.push([((i * 0.6180339887) % 1) * 5 - 2.5, ((i * 0.7548776662) % 1) * 5 - 2.5]);
  return pts;
}

describe('exact partials agree with central differences', () => {
  it.each(SMOOTH)('%s', (text) => {
    const r = compileExpression(text);
    if (!r.ok) throw new Error(r.error.message);
    const objective = expressionObjective(r.value);
    for (const p of samplePoints(60)) {
      const report = gradcheck(objective, p);
      if (!gradientAgrees(report, 1e-6)) {
        throw new Error(`${text} at (${p}): analytic ${report.analytic}, numeric ${report.numeric}`);
      }
    }
  });
});

describe('codegen and closure modes', () => {
  it.each(SMOOTH)('give bit-identical f and ∇f: %s', (text) => {
    const a = compileExpression(text, { mode: 'codegen' });
    const b = compileExpression(text, { mode: 'closure' });
    if (!a.ok || !b.ok) throw new Error('compile failed');
    const ga = new Float64Array(2);
    const gb = new Float64Array(2);
    // includes points outside some domains (NaN) and poles (±Infinity): those must match too
    for (const [x, y] of [...samplePoints(40), [0, 0], [-4, 3], [1e6, -1e-6]] as [number, number][]) {
      expect(Object.is(a.value.f(x, y), b.value.f(x, y))).toBe(true);
      expect(Object.is(a.value.grad(x, y, ga), b.value.grad(x, y, gb))).toBe(true);
      expect(Object.is(ga[0], gb[0]) && Object.is(ga[1], gb[1])).toBe(true);
    }
  });
});

function sources(text: string): string {
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const f = toIr(parsed.node);
  const dx = partial(parsed.node, 'x');
  const dy = partial(parsed.node, 'y');
  if (!f.ok || !dx.ok || !dy.ok) throw new Error('not in the language');
  return valueSource(f.expr) + gradientSource(f.expr, dx.expr, dy.expr);
}

// Everything generated code may contain; whatever is left after removing these came from elsewhere.
const ALLOWED_TOKENS =
  /"use strict"|\b(?:return|function|const|f|grad|x|y|out|t\d+)\b|Math\.(?:sin|cos|tan|asin|acos|atan|sinh|cosh|tanh|asinh|acosh|atanh|exp|log|log10|sqrt|abs|pow)\b|\d+(?:\.\d+)?(?:e[+-]\d+)?|[()[\]{};,=+\-*/]/g;

describe('generated source', () => {
  it.each([
    '(1-x)^2 + 100*(y-x^2)^2',
    'e*x + pi*y + exp(e) - log(pi, 10) + sec(x) + coth(y)',
    '00001.50*x + 2.5e-3 y + 1e400 + .5',
    'x^2/10 + y^2',
  ])('is made only of fixed spellings, parameter names and formatted numbers: %s', (text) => {
    expect(sources(text).replace(ALLOWED_TOKENS, '').trim()).toBe('');
  });

  it('spells numbers from their values, never copying the typed digits', () => {
    const src = sources('00001.50*x + 2.5E-3*y + 1e400');
    expect(src).not.toContain('00001.50');
    expect(src).not.toContain('2.5E-3');
    expect(src).toContain('1.5');
    expect(src).toContain('0.0025');
    expect(src).toContain('(1/0)'); // 1e400 overflows to Infinity
  });

  it('never names pi or e: they become their numeric values', () => {
    const src = sources('e*x + pi*y');
    expect(src).not.toMatch(/\b(?:e|pi)\b/);
    expect(src).toContain(String(Math.E));
    expect(src).toContain(String(Math.PI));
  });

  it('computes a subexpression shared by f and ∂f once (Rosenbrock: y − x²)', () => {
    // f = (1−x)² + 100(y−x²)², ∂f/∂x = −2(1−x) − 400x(y−x²), ∂f/∂y = 200(y−x²)
    expect(gradientSourceOf('(1-x)^2 + 100*(y-x^2)^2')).toBe(
      '"use strict";return function grad(x,y,out){const t0=(1-x);const t1=(x*x);const t2=(y-t1);' +
        'out[0]=((-(2*t0))-((400*x)*t2));out[1]=(200*t2);return ((t0*t0)+(100*(t2*t2)));};',
    );
  });

  it('writes squares and cubes as products of a stored base, other powers with Math.pow', () => {
    const parsed = parseExpression('(x+y)^3 + x^2.5');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const f = toIr(parsed.node);
    if (!f.ok) throw new Error(f.reason);
    expect(valueSource(f.expr)).toBe(
      '"use strict";return function f(x,y){const t0=(x+y);return (((t0*t0)*t0)+Math.pow(x,2.5));};',
    );
  });
});

function gradientSourceOf(text: string): string {
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const f = toIr(parsed.node);
  const dx = partial(parsed.node, 'x');
  const dy = partial(parsed.node, 'y');
  if (!f.ok || !dx.ok || !dy.ok) throw new Error('not in the language');
  return gradientSource(f.expr, dx.expr, dy.expr);
}

describe('bounded work near the 500-character limit', () => {
  // Each of these made some mathjs step exponential before the size guard and the TeX handler.
  it.each([
    ['a 250-term sum', '+x'.repeat(250)],
    ['a 40-term polynomial', Array.from({ length: 40 }, (_, i) => `${i + 2}*x^${(i % 5) + 1}*y`).join('+').slice(0, 420)],
    ['80 nested sin', 'sin('.repeat(80) + 'x' + ')'.repeat(80)],
    ['100 nested squares', '('.repeat(100) + 'x' + ')^2'.repeat(100)],
  ])('compiles %s and gets its gradient right', (_name, text) => {
    const r = compileExpression(text.replace(/\+$/, ''));
    if (!r.ok) throw new Error(r.error.message);
    const report = gradcheck(expressionObjective(r.value), [0.3, 0.7]);
    expect(gradientAgrees(report, 1e-6)).toBe(true);
    expect(r.value.tex.dfdx.length).toBeGreaterThan(0);
  });
});

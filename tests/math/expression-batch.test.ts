/**
 * The batched forms (CompiledExpression.batch, the batched engine's oracle) give, point by point, the
 * numbers of the scalar f and grad bit for bit, in both compile modes: on every registry surface over its
 * domain and beyond (where some overflow to ±∞ or NaN), on expressions using every function of the
 * language, and at special points (±0, ±∞, NaN, huge coordinates). The gradient form's f is f's own.
 */
import { describe, expect, it } from 'vitest';
import { compileExpression, expressionObjective } from '../../src/math/expression/index.ts';
import { SURFACES } from '../../surfaces/index.ts';

const LANGUAGE = [
  'sin(x*y) + cos(x - y) + tan(x/3) * y',
  'sec(x/3) + csc(y/4 + 2) + cot(y/4 + 2)',
  'asin(x/3) + acos(y/3) + atan(x*y)',
  'sinh(x/2) + cosh(y/2) + tanh(x*y) + sech(x) + csch(y + 4) + coth(y + 4)',
  'asinh(x*y) + acosh(y^2 + 1.5) + atanh(x/3)',
  'exp(-(x^2 + y^2)) + log(x^2 + y^2 + 1) + log10(x^2 + 2) * y + log(x^2 + 2, y^2 + 3)',
  'sqrt(x^2 + y^2 + 1) + abs(x - 5) * y + abs(y + 5)',
  '(x + 3)^y + 2^x + e^y + pi*x + x^3/(1 + y^2)',
];

/** A domain-covering grid stretched 3× beyond the domain, plus special values. */
function points(domain: { x: readonly [number, number]; y: readonly [number, number] }): Float64Array {
  const out: number[] = [];
  const wide = (r: readonly [number, number], t: number) => r[0] - (r[1] - r[0]) + 3 * (r[1] - r[0]) * t;
  for (let j = 0; j < 23; j++) for (let i = 0; i < 23; i++) out.push(wide(domain.x, i / 22), wide(domain.y, j / 22));
  const special = [0, -0, 1, -1, 1e6, -1e6, 1e200, -1e300, Infinity, -Infinity, NaN, 5e-324];
  for (const a of special) for (const b of special) out.push(a, b);
  return Float64Array.from(out);
}

function expectBatchMatchesScalar(text: string, mode: 'codegen' | 'closure', P: Float64Array): void {
  const r = compileExpression(text, { mode });
  if (!r.ok) throw new Error(r.error.message);
  const c = r.value;
  const n = P.length / 2;
  const F = new Float64Array(n);
  const FG = new Float64Array(n);
  const G = new Float64Array(2 * n);
  const batch = c.batch();
  batch.value(P, F, 0, n);
  batch.gradient(P, G, FG, 0, n);
  const out = new Float64Array(2);
  for (let i = 0; i < n; i++) {
    const x = P[2 * i];
    const y = P[2 * i + 1];
    const f = c.f(x, y);
    const gf = c.grad(x, y, out);
    // Object.is: bit-level for these purposes (tells −0 from 0, NaN equals NaN).
    const same = Object.is(F[i], f) && Object.is(FG[i], f) && Object.is(gf, f) && Object.is(G[2 * i], out[0]) && Object.is(G[2 * i + 1], out[1]);
    if (!same) throw new Error(`${text} (${mode}) at (${x}, ${y}): batch f ${F[i]} / ${FG[i]}, ∇ ${G[2 * i]}, ${G[2 * i + 1]}; scalar f ${f} / ${gf}, ∇ ${out[0]}, ${out[1]}`);
  }
  // A sub-range writes only its own slots.
  const part = new Float64Array(n).fill(7);
  batch.value(P, part, 3, 5);
  expect([part[2], part[5]]).toEqual([7, 7]);
  expect([part[3], part[4]]).toEqual([F[3], F[4]]);
}

describe('batched f and ∇f ≡ scalar, bit for bit', () => {
  for (const s of SURFACES) {
    it(`surface ${s.id}`, () => {
      for (const mode of ['codegen', 'closure'] as const) expectBatchMatchesScalar(s.expr, mode, points(s.domain));
    });
  }
  it.each(LANGUAGE)('%s', (text) => {
    for (const mode of ['codegen', 'closure'] as const) expectBatchMatchesScalar(text, mode, points({ x: [-2.5, 2.5], y: [-2.5, 2.5] }));
  });
  it('expressionObjective carries the batched forms, compiled once', () => {
    const r = compileExpression('(1-x)^2 + 100*(y-x^2)^2');
    if (!r.ok) throw new Error(r.error.message);
    const o = expressionObjective(r.value);
    expect(o.batch?.()).toBe(r.value.batch());
  });
});

/**
 * f* for a typed function (issue 9): the lowest value over the estimation box, found on a grid and
 * polished with the exact gradient and Hessian; the box is the domain grown to contain the start.
 */
import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../src/math/expression/index.ts';
import { estimateMinimum } from '../../src/math/minimum.ts';
import { EXPRESSION_DOMAIN, estimateFStar, estimationDomain } from '../../src/view/fstar.ts';

const PI_BOX = { x: [-Math.PI, Math.PI], y: [-Math.PI, Math.PI] } as const;

function inputs(text: string, hessian = true) {
  const c = compileExpression(text);
  if (!c.ok) throw new Error(c.error.message);
  return { f: c.value.f, grad: c.value.grad, hessian: hessian ? c.value.hessian() : null };
}

describe('estimateMinimum', () => {
  it('sin(x)·cos(y) on [−π, π]²: −1, at (−π/2, 0) or (π/2, ±π)', () => {
    const m = estimateMinimum(inputs('sin(x)*cos(y)'), PI_BOX)!;
    expect(m.value).toBeCloseTo(-1, 12);
    expect(Math.sin(m.at[0]) * Math.cos(m.at[1])).toBeCloseTo(-1, 12);
    expect(Math.abs(Math.abs(m.at[0]) - Math.PI / 2)).toBeLessThan(1e-6);
  });

  it('x^4 − 2x^2 + y^2: −1 at (±1, 0), two equal basins', () => {
    const m = estimateMinimum(inputs('x^4 - 2x^2 + y^2'), EXPRESSION_DOMAIN)!;
    expect(m.value).toBeCloseTo(-1, 12);
    expect(Math.abs(m.at[0])).toBeCloseTo(1, 6);
    expect(m.at[1]).toBeCloseTo(0, 6);
  });

  it('polishes below the grid: a minimum between samples, (0.123, −0.456) on a 101-point grid of [−5, 5]²', () => {
    const m = estimateMinimum(inputs('(x - 0.123)^2 + 3*(y + 0.456)^2 - 2'), EXPRESSION_DOMAIN)!;
    // The nearest sample, (0.1, −0.5), is at −2 + 0.023² + 3·0.044² = −1.993663; Newton lands on the minimum.
    expect(m.value).toBeCloseTo(-2, 14);
    expect(m.at[0]).toBeCloseTo(0.123, 10);
    expect(m.at[1]).toBeCloseTo(-0.456, 10);
  });

  it('finds the lowest of several basins (Styblinski–Tang: −78.332 at (−2.9035, −2.9035))', () => {
    const m = estimateMinimum(inputs('(x^4 - 16*x^2 + 5*x + y^4 - 16*y^2 + 5*y)/2'), EXPRESSION_DOMAIN)!;
    expect(m.value).toBeCloseTo(-78.33233140754282, 10);
  });

  it('without a Hessian, gradient steps still polish the grid value', () => {
    const m = estimateMinimum(inputs('x^4 - 2x^2 + y^2', false), EXPRESSION_DOMAIN)!;
    expect(m.value).toBeCloseTo(-1, 8);
  });

  it('unbounded below: the lowest value on the box, on its boundary (x − y: −10 at (−5, 5))', () => {
    const m = estimateMinimum(inputs('x - y'), EXPRESSION_DOMAIN)!;
    expect(m.value).toBe(-10);
    expect(m.at).toEqual([-5, 5]);
  });

  it('skips non-finite samples and gives null where there is no finite value', () => {
    // √x is NaN for x < 0: the minimum 0 sits on the edge of where f is defined, at (0, 1).
    expect(estimateMinimum(inputs('sqrt(x) + (y - 1)^2'), EXPRESSION_DOMAIN)!.value).toBe(0);
    expect(estimateMinimum(inputs('sqrt(-1 - x^2)'), EXPRESSION_DOMAIN)).toBeNull();
  });
});

describe('estimationDomain and estimateFStar', () => {
  it('is the domain itself when it holds the start, else grown past the start by 25 % of the new range', () => {
    expect(estimationDomain(EXPRESSION_DOMAIN, [1, -2])).toEqual(EXPRESSION_DOMAIN);
    // x: the start 8 is 13 from the far end −5; the side reaches 8 + 0.25·13 = 11.25. y: −7 → −7 − 0.25·12 = −10.
    expect(estimationDomain(EXPRESSION_DOMAIN, [8, -7])).toEqual({ x: [-5, 11.25], y: [-10, 5] });
  });

  it('estimates once per expression and box (memoised), 0 where nothing can be estimated', () => {
    expect(estimateFStar('sin(x)*cos(y)', PI_BOX)).toBeCloseTo(-1, 12);
    expect(estimateFStar('x^4 - 2x^2 + y^2', EXPRESSION_DOMAIN)).toBeCloseTo(-1, 12);
    expect(estimateFStar('sqrt(-1 - x^2)', EXPRESSION_DOMAIN)).toBe(0);
    const t = performance.now();
    for (let i = 0; i < 100; i++) estimateFStar('sin(x)*cos(y)', PI_BOX);
    expect(performance.now() - t).toBeLessThan(20);
  });
});

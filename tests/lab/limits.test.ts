/**
 * The limits a sweep marks, from the compiled Hessian at a point: on x²/10 + y² (λmax = 2 everywhere)
 * SGD's is 2/2 = 1 and Momentum's (β 0.9, d 0.5) 2·1.9/(0.5·2) = 3.8; on Rosenbrock at its minimum (1, 1)
 * the Hessian is [[802, −400], [−400, 200]], λmax = 501 + √(301² + 400²) = 1001.6…, so SGD's is 2/λmax.
 */
import { describe, expect, it } from 'vitest';
import { hasStepLimit, limitAt } from '../../src/lab/limits.ts';
import { compileExpression } from '../../src/math/expression/index.ts';

function hessianOf(expr: string) {
  const c = compileExpression(expr);
  if (!c.ok) throw new Error(c.error.message);
  const h = c.value.hessian();
  if (!h) throw new Error('no Hessian');
  return h;
}

describe('limitAt', () => {
  it('gives SGD lr < 1 and Momentum lr < 2(1+β)/((1−d)λmax) on x²/10 + y²', () => {
    const h = hessianOf('x^2/10 + y^2');
    expect(limitAt('sgd', { lr: 0.1 }, h, [3, 2])).toEqual({ at: [3, 2], lambdaMax: 2, lr: 1 });
    expect(limitAt('momentum', { lr: 0.1, beta: 0.9, dampening: 0.5 }, h, [0, 0]).lr).toBeCloseTo(3.8, 12);
    expect(limitAt('adam', { lr: 0.1 }, h, [0, 0]).lr).toBeNull();
    expect([hasStepLimit('sgd'), hasStepLimit('momentum'), hasStepLimit('nag')]).toEqual([true, true, false]);
  });

  it('uses the local Hessian on Rosenbrock', () => {
    const l = limitAt('sgd', { lr: 1e-3 }, hessianOf('(1 - x)^2 + 100*(y - x^2)^2'), [1, 1]);
    expect(l.lambdaMax).toBeCloseTo(501 + Math.hypot(301, 400), 9);
    expect(l.lr).toBeCloseTo(2 / (501 + 500.6006392), 9);
  });

  it('has no limit where no curvature is positive (at a maximum, λmax < 0)', () => {
    expect(limitAt('sgd', { lr: 0.1 }, hessianOf('-(x^2) - y^2'), [0, 0]).lr).toBeNull();
  });
});

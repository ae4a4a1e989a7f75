/**
 * Curvature from the Hessian and the stability limits it gives, checked on quadratics where they are
 * exact: on x²/10 + y² (H = diag(0.2, 2), κ = 10) SGD is stable for lr < 1 and Momentum (β 0.9, d 0)
 * for lr < 1.9; a run just inside each limit converges and one 10 % above it diverges.
 */
import { describe, expect, it } from 'vitest';
import { curvature } from '../../src/math/curvature.ts';
import { momentumLimit, sgdLimit } from '../../src/lab/stability.ts';
import { compileExpression, expressionObjective } from '../../src/math/expression/index.ts';
import { getOptimizer } from '../../src/optim/index.ts';
import { run } from '../../src/run/run.ts';

describe('curvature', () => {
  it('reads κ = 10 on the elongated bowl x²/10 + y²', () => {
    const c = curvature([0.2, 0, 2]);
    expect(c.eigenvalues).toEqual([2, 0.2]);
    expect(c.condition).toBeCloseTo(10, 12);
    expect(c.eigenvectors[0].map(Math.abs)).toEqual([0, 1]);
  });
  it('finds the axes of the bowl turned 45°: H = [[1.1, −0.9], [−0.9, 1.1]]', () => {
    const c = curvature([1.1, -0.9, 1.1]);
    expect(c.eigenvalues[0]).toBeCloseTo(2, 12);
    expect(c.eigenvalues[1]).toBeCloseTo(0.2, 12);
    const [vx, vy] = c.eigenvectors[0];
    expect(Math.abs(vx)).toBeCloseTo(Math.SQRT1_2, 12);
    expect(vx * vy).toBeCloseTo(-0.5, 12); // along (1, −1)
    const [wx, wy] = c.eigenvectors[1];
    expect(vx * wx + vy * wy).toBeCloseTo(0, 12);
  });
  it('has no condition number at a saddle, and a descending direction of negative curvature', () => {
    const c = curvature([2, 0, -2]); // x² − y²
    expect(c.condition).toBeNull();
    expect(c.eigenvalues).toEqual([2, -2]);
    expect(c.eigenvectors[1].map(Math.abs)).toEqual([0, 1]);
  });
});

describe('stability limits', () => {
  const compiled = compileExpression('x^2/10 + y^2');
  if (!compiled.ok) throw new Error(compiled.error.message);
  const objective = expressionObjective(compiled.value);
  const lambdaMax = curvature([0.2, 0, 2]).eigenvalues[0];
  const ends = (id: 'sgd' | 'momentum', hyper: Record<string, number>) =>
    run({ objective, optimizer: getOptimizer(id), hyper, start: [3, 2], steps: 3000, target: 1e-8 });

  it('SGD: lr < 2/λmax = 1', () => {
    const limit = sgdLimit(lambdaMax)!;
    expect(limit).toBe(1);
    expect(ends('sgd', { lr: 0.95 * limit }).settled).not.toBeNull();
    expect(ends('sgd', { lr: 1.1 * limit }).diverged).toBe(true);
  });
  it('Momentum: lr < 2(1+β)/((1−d)λmax) = 1.9 for β 0.9, d 0, and 19 for d = β', () => {
    const limit = momentumLimit(lambdaMax, 0.9, 0)!;
    expect(limit).toBeCloseTo(1.9, 12);
    expect(momentumLimit(lambdaMax, 0.9, 0.9)).toBeCloseTo(19, 10);
    expect(ends('momentum', { lr: 0.95 * limit, beta: 0.9, dampening: 0 }).settled).not.toBeNull();
    expect(ends('momentum', { lr: 1.1 * limit, beta: 0.9, dampening: 0 }).diverged).toBe(true);
  });
  it('gives no limit without positive curvature', () => {
    expect(sgdLimit(0)).toBeNull();
    expect(momentumLimit(-1, 0.9, 0)).toBeNull();
  });
});

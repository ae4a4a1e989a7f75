/**
 * The stability limits a sweep marks (issue 10): for an entrant whose rule has one (SGD: lr < 2/λmax;
 * heavy-ball Momentum with dampening d: lr < 2(1 + β)/((1 − d)·λmax), stability.ts), the limit on its lr
 * from the Hessian at a point, λmax being the larger eigenvalue of [[f_xx, f_xy], [f_xy, f_yy]]
 * (curvature.ts). Exact on a quadratic; a local guide elsewhere. Other optimizers have no such limit (null).
 * curvatureAt is the one reading of the Hessian at a point, for these marks and the curvature lens
 * (src/render/curvature-lens.ts).
 */
import { curvature, type Curvature } from '../math/curvature.ts';
import type { Hyper } from '../optim/types.ts';
import { momentumLimit, sgdLimit } from './stability.ts';

export interface PointLimit {
  readonly at: readonly [number, number];
  readonly lambdaMax: number;
  /** The largest stable lr there, or null where the curvature gives none (λmax ≤ 0). */
  readonly lr: number | null;
}

/** Writes [f_xx, f_xy, f_yy] into out (the compiled expression's `hessian()`). */
export type HessianAt = (x: number, y: number, out: Float64Array) => number;

/** Whether the optimizer has a closed-form lr limit here. */
export const hasStepLimit = (optimizerId: string): boolean => optimizerId === 'sgd' || optimizerId === 'momentum';

/** The limit's rule as figures and tables write it. */
export const limitFormula = (optimizerId: string): string => (optimizerId === 'sgd' ? 'lr < 2/λmax' : 'lr < 2(1+β)/((1−d)·λmax)');

export function stepLimit(optimizerId: string, hyper: Hyper, lambdaMax: number): number | null {
  if (optimizerId === 'sgd') return sgdLimit(lambdaMax);
  if (optimizerId === 'momentum') return momentumLimit(lambdaMax, hyper.beta, hyper.dampening);
  return null;
}

/** The Hessian's entries [f_xx, f_xy, f_yy] at a point, and their eigenpairs. */
export interface PointCurvature extends Curvature {
  readonly at: readonly [number, number];
  readonly hessian: readonly [number, number, number];
}

export function curvatureAt(hessian: HessianAt, at: readonly [number, number]): PointCurvature {
  const h = new Float64Array(3);
  hessian(at[0], at[1], h);
  return { ...curvature(h), at: [at[0], at[1]], hessian: [h[0], h[1], h[2]] };
}

export function limitAt(optimizerId: string, hyper: Hyper, hessian: HessianAt, at: readonly [number, number]): PointLimit {
  const lambdaMax = curvatureAt(hessian, at).eigenvalues[0];
  return { at: [at[0], at[1]], lambdaMax, lr: Number.isFinite(lambdaMax) ? stepLimit(optimizerId, hyper, lambdaMax) : null };
}

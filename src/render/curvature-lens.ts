/**
 * The curvature lens's words (issue 11): what the Hessian H at a point says about the surface there, read
 * once by src/lab/limits.ts (curvatureAt: eigenvalues λ₁ ≥ λ₂ and unit eigenvectors of
 * [[f_xx, f_xy], [f_xy, f_yy]], src/math/curvature.ts) and the SGD limit lr < 2/λmax from
 * src/lab/stability.ts — the same functions the learning-rate sweep's stability marks use.
 *
 *   both λ > 0   a bowl: κ = λmax/λmin, "SGD is stable here for lr < 2/λmax = …"
 *   λ₂ < 0 < λ₁  a saddle: along ±v₂ the surface curves down, so a step that way descends, and
 *                f(θ + s·v₂) ≈ f(θ) + s·g·v₂ − ½|λ₂|s²: it falls ever faster, |λ₂| per unit moved in slope
 *   both λ ≤ 0   a hilltop or ridge: no positive curvature, no step-size limit
 * The limit is exact on a quadratic and local elsewhere (d2l.ai §12.3; Goh 2017).
 */
import { curvatureAt, type HessianAt, type PointCurvature } from '../lab/limits.ts';
import { sgdLimit } from '../lab/stability.ts';
import { formatNumber } from './race-status.ts';

export type LensShape = 'bowl' | 'saddle' | 'hilltop' | 'flat' | 'undefined';

export interface LensReading extends PointCurvature {
  readonly shape: LensShape;
  /** lr < this keeps SGD stable here; null without positive curvature. */
  readonly sgdLimit: number | null;
  /** Plain sentences for the panel and the figure, in reading order. */
  readonly sentences: readonly string[];
}

/** A direction ±v, its sign fixed so its first non-zero component is positive: "(0.7071, −0.7071)". */
export function directionText(v: readonly [number, number]): string {
  const flip = v[0] < 0 || (v[0] === 0 && v[1] < 0);
  const [x, y] = flip ? [-v[0], -v[1]] : v;
  return `(${formatNumber(x === 0 ? 0 : x)}, ${formatNumber(y === 0 ? 0 : y)})`;
}

function shapeOf(l1: number, l2: number): LensShape {
  if (!Number.isFinite(l1) || !Number.isFinite(l2)) return 'undefined';
  if (l2 > 0) return 'bowl';
  if (l1 > 0 && l2 < 0) return 'saddle';
  if (l1 > 0) return 'flat';
  return 'hilltop';
}

function lensSentences(c: PointCurvature, limit: number | null, shape: LensShape): string[] {
  const [l1, l2] = c.eigenvalues;
  const [v1, v2] = c.eigenvectors.map(directionText);
  const f = formatNumber;
  const stable = limit === null ? [] : [`SGD is stable here for lr < 2/λmax = ${f(limit)}.`];
  switch (shape) {
    case 'undefined':
      return ['The Hessian is not finite here, so the curvature cannot be read.'];
    case 'bowl':
      return [`A bowl: κ = λmax/λmin = ${f(c.condition ?? NaN)}. It curves most steeply along ±${v1} (λ = ${f(l1)}) and least along ±${v2} (λ = ${f(l2)}).`, ...stable];
    case 'saddle':
      return [
        `A saddle: along ±${v2} the curvature is negative (λ = ${f(l2)}), so a step that way descends, and ever more steeply: the slope grows by ${f(-l2)} per unit moved.`,
        `Along ±${v1} it curves up (λ = ${f(l1)}); κ is undefined.`,
        ...stable,
      ];
    case 'flat':
      return [`Flat along ±${v2} (λ = ${f(l2)}): κ is infinite. It curves up along ±${v1} (λ = ${f(l1)}).`, ...stable];
    case 'hilltop':
      return [
        `No direction curves up (λ = ${f(l1)} and ${f(l2)}): every step away descends, most steeply along ±${v2}. No positive curvature, so no step-size limit from it.`,
      ];
  }
}

export function readLens(hessian: HessianAt, at: readonly [number, number]): LensReading {
  const c = curvatureAt(hessian, at);
  const [l1, l2] = c.eigenvalues;
  const shape = shapeOf(l1, l2);
  const limit = shape === 'undefined' ? null : sgdLimit(l1);
  return { ...c, shape, sgdLimit: limit, sentences: lensSentences(c, limit, shape) };
}

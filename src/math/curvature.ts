/**
 * Curvature at a point from the Hessian H = [[f_xx, f_xy], [f_xy, f_yy]] (symmetric 2×2):
 * eigenvalues λ₁ ≥ λ₂ = m ± √(((f_xx − f_yy)/2)² + f_xy²) with m = (f_xx + f_yy)/2, and unit eigenvectors;
 * (the root of larger magnitude from that formula, the other as det H divided by it, which keeps its digits);
 * the condition number κ = λmax/λmin where both are positive (the bowl-shaped case), else null.
 * The curvature lens and the learning-rate sweep's stability limits read it (see src/lab/stability.ts).
 * Eigenvectors use the formula that stays accurate when f_xy is tiny: for λ₁, (λ₁ − f_yy, f_xy) or
 * (f_xy, λ₁ − f_xx), whichever is longer; λ₂'s is λ₁'s turned by 90°.
 */
export interface Curvature {
  /** λ₁ ≥ λ₂. */
  readonly eigenvalues: readonly [number, number];
  /** Unit eigenvectors of λ₁ and λ₂. */
  readonly eigenvectors: readonly [readonly [number, number], readonly [number, number]];
  /** λ₁/λ₂ when both are positive, else null (a saddle, a ridge or flat). */
  readonly condition: number | null;
}

/** From the Hessian's entries [f_xx, f_xy, f_yy], as `Objective.hessian` writes them. */
export function curvature(h: ArrayLike<number>): Curvature {
  const fxx = h[0];
  const fxy = h[1];
  const fyy = h[2];
  const m = (fxx + fyy) / 2;
  const d = Math.hypot((fxx - fyy) / 2, fxy);
  // The root of larger magnitude from m ± d, the other from λ₁λ₂ = det H, so neither loses digits to cancellation.
  const big = m >= 0 ? m + d : m - d;
  const other = big === 0 ? 0 : (fxx * fyy - fxy * fxy) / big;
  const l1 = Math.max(big, other);
  const l2 = Math.min(big, other);
  let vx: number;
  let vy: number;
  const ax = l1 - fyy;
  const bx = fxy;
  const ay = fxy;
  const by = l1 - fxx;
  if (Math.hypot(ax, bx) >= Math.hypot(ay, by)) [vx, vy] = [ax, bx];
  else [vx, vy] = [ay, by];
  const n = Math.hypot(vx, vy);
  if (n === 0) [vx, vy] = [1, 0];
  else [vx, vy] = [vx / n, vy / n];
  return {
    eigenvalues: [l1, l2],
    eigenvectors: [
      [vx, vy],
      [-vy, vx],
    ],
    condition: l2 > 0 ? l1 / l2 : null,
  };
}

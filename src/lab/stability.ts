/**
 * Step-size stability limits of the gradient methods on a quadratic with largest Hessian eigenvalue λmax
 * (d2l.ai §12.3 and §12.6; Goh 2017, "Why Momentum Really Works"). Along that eigenvector the iteration
 * is linear, and it stays bounded exactly when:
 *   SGD:        θ ← θ − η·λ·θ                       |1 − ηλ| < 1      ⇔  η < 2/λmax
 *   Momentum:   v ← β·v + (1−d)·λθ, θ ← θ − η·v     ⇔  η < 2(1 + β) / ((1 − d)·λmax)
 * (the heavy ball's characteristic polynomial z² − (1 + β − η(1−d)λ)z + β has both roots inside the unit
 * circle iff 0 < η(1−d)λ < 2(1 + β), for 0 ≤ β < 1). On a non-quadratic surface they are local: exact at
 * a point's Hessian, a guide elsewhere. No positive curvature (λmax ≤ 0): no limit (null).
 */
export function sgdLimit(lambdaMax: number): number | null {
  return lambdaMax > 0 ? 2 / lambdaMax : null;
}

export function momentumLimit(lambdaMax: number, beta: number, dampening: number): number | null {
  return lambdaMax > 0 && dampening < 1 ? (2 * (1 + beta)) / ((1 - dampening) * lambdaMax) : null;
}

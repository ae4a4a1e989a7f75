/**
 * A plane through parameter space: θ(α, β) = origin + α·d₁ + β·d₂ (Li et al. 2018, §3; origin θ₀ for PCA,
 * the centre run's final weights for random directions). Points are written in doubles, then stored as
 * Float32 (the network's element type).
 * Projection of a point θ onto the plane is least squares, min ‖origin + α d₁ + β d₂ − θ‖², through the
 * 2 × 2 normal equations
 *   [d₁·d₁  d₁·d₂] [α]   [d₁·(θ − origin)]
 *   [d₁·d₂  d₂·d₂] [β] = [d₂·(θ − origin)],
 * which is exact for points on the plane and needs no orthogonality (random directions are only nearly so).
 */
export interface Plane {
  readonly origin: Float32Array;
  readonly d1: Float64Array;
  readonly d2: Float64Array;
}

export function planePoint(plane: Plane, alpha: number, beta: number, out: Float32Array): Float32Array {
  const { origin, d1, d2 } = plane;
  for (let i = 0; i < origin.length; i++) out[i] = origin[i] + alpha * d1[i] + beta * d2[i];
  return out;
}

export function projectOntoPlane(plane: Plane, theta: ArrayLike<number>): [number, number] {
  const { origin, d1, d2 } = plane;
  let a11 = 0;
  let a12 = 0;
  let a22 = 0;
  let b1 = 0;
  let b2 = 0;
  for (let i = 0; i < origin.length; i++) {
    const r = theta[i] - origin[i];
    a11 += d1[i] * d1[i];
    a12 += d1[i] * d2[i];
    a22 += d2[i] * d2[i];
    b1 += d1[i] * r;
    b2 += d2[i] * r;
  }
  const det = a11 * a22 - a12 * a12;
  if (!(det > 0)) throw new Error('the two directions are parallel, so they span no plane');
  return [(a22 * b1 - a12 * b2) / det, (a11 * b2 - a12 * b1) / det];
}

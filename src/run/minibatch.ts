/**
 * Real mini-batches where a surface has data (the linear-regression loss over its 100 points): the loss is
 * the mean of per-point losses, and a mini-batch gradient is the exact gradient of the mean over a batch
 * of them (the course's batch / mini-batch / stochastic comparison, not synthetic noise).
 *
 * The points are visited in a seeded random order, reshuffled (Fisher–Yates) at the start of every epoch,
 * in consecutive batches of `size`; an epoch whose size does not divide the points ends with a smaller
 * batch (100 points in batches of 32: 32, 32, 32, 4), as PyTorch's DataLoader does by default. `size` =
 * all the points is the full-data gradient, summed point by point (so it equals the surface's symbolic
 * gradient up to rounding). The shuffle stream is seeded from `seed` xor a constant, so a race with both
 * noise and mini-batches draws them from independent streams of the one seed. Each call is one step: the
 * oracle allocates nothing, and returns the batch's loss (a trajectory records the full-data loss).
 */
import type { GradientOracle } from '../math/objective.ts';
import type { Vec } from '../math/vector.ts';
import { createRng, shuffleInPlace } from './random.ts';

/** A loss that is the mean of per-point losses. */
export interface PointData {
  readonly points: number;
  /** The mean loss over the points order[from], …, order[from + count − 1]; its gradient into grad. */
  subsetGradient(order: Uint32Array, from: number, count: number, p: Vec, grad: Vec): number;
}

/** Keeps the shuffle stream apart from the noise stream of the same seed. */
const SHUFFLE_SALT = 0x9e3779b9;

export function miniBatchOracle(data: PointData, size: number, seed: number): GradientOracle {
  const n = data.points;
  if (!Number.isInteger(size) || size < 1 || size > n) throw new RangeError(`batch size must be a whole number from 1 to ${n}, got ${size}`);
  const rng = createRng((seed ^ SHUFFLE_SALT) >>> 0);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let at = n;
  return (p, grad) => {
    if (at >= n) {
      shuffleInPlace(order, rng);
      at = 0;
    }
    const count = Math.min(size, n - at);
    const loss = data.subsetGradient(order, at, count, p, grad);
    at += count;
    return loss;
  };
}

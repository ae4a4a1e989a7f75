/**
 * Inverted dropout (course form): keep each hidden unit with probability p and scale the kept ones by
 * 1/p, so inference needs no rescaling.  mask_i = [u_i < p]/p,  a = h ⊙ mask,  dh = da ⊙ mask.
 * The mask stream comes from a seeded Rng, so every optimizer in a race sees the same masks.
 */
import type { FloatArray } from './float-array.ts';
import type { Rng } from '../run/random.ts';

export function dropoutForward(H: FloatArray, A: FloatArray, mask: FloatArray, n: number, keepProb: number, rng: Rng): void {
  const scale = 1 / keepProb;
  for (let i = 0; i < n; i++) {
    const k = rng.uniform() < keepProb ? scale : 0;
    mask[i] = k;
    A[i] = H[i] * k;
  }
}

export function dropoutBackward(D: FloatArray, mask: FloatArray, n: number): void {
  for (let i = 0; i < n; i++) D[i] *= mask[i];
}

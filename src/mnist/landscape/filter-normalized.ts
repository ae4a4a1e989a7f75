/**
 * Random filter-normalized directions (Li et al. 2018, §4, with `--xignore biasbn`): a Gaussian direction
 * d ~ N(0, I) over the packed parameters, in which every filter — for a dense layer, one row of W, one unit's
 * incoming weights — is rescaled to the norm of the same row of the reference weights θ*:
 *   d_row ← d_row · ‖θ*_row‖ / ‖d_row‖,
 * and biases, batch-norm γ and β are zeroed, so the plane moves the weights only, in the scale of each unit.
 * Two directions come from one seeded stream (seed + 4: train.ts takes seed … seed + 3), the first one first.
 */
import type { ParamLayout } from '../layout.ts';
import { createRng, type Rng } from '../../run/random.ts';

export const DIRECTION_SEED_OFFSET = 4;

export function filterNormalizedDirection(layout: ParamLayout, reference: ArrayLike<number>, rng: Rng): Float64Array {
  const d = new Float64Array(layout.size);
  for (const s of layout.layers) {
    for (let o = 0; o < s.nOut; o++) {
      const row = s.w + o * s.nIn;
      let dd = 0;
      let rr = 0;
      for (let i = row; i < row + s.nIn; i++) {
        d[i] = rng.normal();
        dd += d[i] * d[i];
        rr += reference[i] * reference[i];
      }
      const scale = dd > 0 ? Math.sqrt(rr / dd) : 0;
      for (let i = row; i < row + s.nIn; i++) d[i] *= scale;
    }
  }
  return d;
}

export function filterNormalizedPair(layout: ParamLayout, reference: ArrayLike<number>, seed: number): readonly [Float64Array, Float64Array] {
  const rng = createRng(seed + DIRECTION_SEED_OFFSET);
  const d1 = filterNormalizedDirection(layout, reference, rng);
  return [d1, filterNormalizedDirection(layout, reference, rng)];
}

/**
 * Exponentially weighted averages of a series (Andrew Ng, Deep Learning Specialization, course 2 week 2,
 * "Exponentially weighted averages" and "Bias correction"):
 *   v_0 = 0,  v_t = β·v_{t−1} + (1 − β)·θ_t,  bias-corrected  v̂_t = v_t / (1 − β^t)
 * v_t averages roughly the last 1/(1 − β) values; starting from v_0 = 0 it is too small early on (by the
 * factor 1 − β^t, the weight the terms so far carry), which the correction divides out. Adam's moments
 * m and v are this average of g and g² (src/optim/moments.ts).
 *
 * The course's figure averages a year of daily London temperatures; demoTemperatures is a stand-in with
 * the same shape: 55 − 20·cos(2πt/365) °F plus seeded N(0, 6²) noise, days t = 1 … 365.
 */
import { createRng } from './random.ts';

export function ewa(series: ArrayLike<number>, beta: number, corrected: boolean): Float64Array {
  const out = new Float64Array(series.length);
  let v = 0;
  let power = 1;
  for (let t = 0; t < series.length; t++) {
    v = beta * v + (1 - beta) * series[t];
    power *= beta;
    out[t] = corrected ? v / (1 - power) : v;
  }
  return out;
}

export const DEMO_SEED = 7;
const DEMO_DAYS = 365;

export function demoTemperatures(seed = DEMO_SEED, days = DEMO_DAYS): Float64Array {
  const rng = createRng(seed);
  const out = new Float64Array(days);
  for (let t = 1; t <= days; t++) out[t - 1] = 55 - 20 * Math.cos((2 * Math.PI * t) / 365) + 6 * rng.normal();
  return out;
}

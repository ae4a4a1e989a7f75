/**
 * Exponential moving average with bias correction, the smoothing TensorBoard applies to loss curves:
 *   m_t = w·m_{t−1} + (1 − w)·x_t,  m_0 = 0,  shown value m_t / (1 − w^t).
 * Non-finite values (a diverged run) are passed through as NaN and do not poison later points.
 * The average runs over every value; only every k-th is written (i = 0, k, 2k, … into out[0], out[1], …),
 * so a thinned curve is smoothed over all the data with no array of the whole length.
 */
export function smoothEma(values: ArrayLike<number>, weight: number, out: Float64Array, k = 1): number {
  let m = 0;
  let n = 0;
  let written = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    const finite = Number.isFinite(x);
    if (finite) {
      n++;
      m = weight * m + (1 - weight) * x;
    }
    if (i % k === 0) out[written++] = finite ? m / (1 - weight ** n) : NaN;
  }
  return written;
}

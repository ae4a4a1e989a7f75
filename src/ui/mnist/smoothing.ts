/**
 * Exponential moving average with bias correction, the smoothing TensorBoard applies to loss curves:
 *   m_t = w·m_{t−1} + (1 − w)·x_t,  m_0 = 0,  shown value m_t / (1 − w^t).
 * Non-finite values (a diverged run) are passed through as NaN and do not poison later points.
 */
export function smoothEma(values: ArrayLike<number>, weight: number, out: number[] = []): number[] {
  out.length = values.length;
  let m = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (!Number.isFinite(x)) {
      out[i] = NaN;
      continue;
    }
    n++;
    m = weight * m + (1 - weight) * x;
    out[i] = m / (1 - weight ** n);
  }
  return out;
}

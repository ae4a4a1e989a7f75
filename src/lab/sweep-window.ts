/**
 * The robustness score of a learning-rate sweep: the best grid value (fewest iterations to settle; ties go
 * to the smaller value, the safer one), and the **window**, the longest unbroken run of consecutive grid
 * values that all settle and contains the best one, reported as log₁₀(high/low) decades (0 when only the
 * best value settles). No settled value: no best, no window.
 */
export interface SweepPoint {
  readonly value: number;
  /** Iterations to settle within the target, or null (never settled, or diverged). */
  readonly settled: number | null;
}

export interface SweepWindow {
  /** Index of the best value in the sweep. */
  readonly best: number;
  readonly low: number;
  readonly high: number;
  readonly decades: number;
}

export function sweepWindow(points: readonly SweepPoint[]): SweepWindow | null {
  let best = -1;
  for (let i = 0; i < points.length; i++) {
    const s = points[i].settled;
    if (s !== null && (best < 0 || s < points[best].settled!)) best = i;
  }
  if (best < 0) return null;
  let lo = best;
  let hi = best;
  while (lo > 0 && points[lo - 1].settled !== null) lo--;
  while (hi < points.length - 1 && points[hi + 1].settled !== null) hi++;
  const low = points[lo].value;
  const high = points[hi].value;
  return { best, low, high, decades: Math.log10(high / low) };
}

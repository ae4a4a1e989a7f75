/**
 * A log-spaced grid of hyperparameter values, as learning-rate sweeps use (DeepOBS, AlgoPerf): `points`
 * values from `from` to `to` inclusive, value_i = 10^(log₁₀from + i·(log₁₀to − log₁₀from)/(points − 1)),
 * clipped to the parameter's valid range [min, max] (values outside are dropped, not moved, so the grid
 * stays evenly spaced in log space). The ends are the exact bounds given, not 10^(log₁₀ …) round trips.
 */
export interface LogGridSpec {
  readonly from: number;
  readonly to: number;
  readonly points: number;
}

export function logGrid({ from, to, points }: LogGridSpec, range: { min: number; max: number } = { min: 0, max: Infinity }): number[] {
  if (!(from > 0 && to > from)) throw new RangeError(`a log grid needs 0 < from < to, got from ${from}, to ${to}`);
  if (!Number.isInteger(points) || points < 2) throw new RangeError(`a log grid needs at least 2 points, got ${points}`);
  const a = Math.log10(from);
  const b = Math.log10(to);
  const values: number[] = [];
  for (let i = 0; i < points; i++) {
    const v = i === 0 ? from : i === points - 1 ? to : 10 ** (a + ((b - a) * i) / (points - 1));
    if (v >= range.min && v <= range.max) values.push(v);
  }
  return values;
}

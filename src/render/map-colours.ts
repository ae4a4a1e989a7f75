/**
 * The start-point map's colour keys (issue 10), as plain data for the app's canvas and every figure.
 *
 * Iterations: the iterations until the gap f − f* is within the target and stays there (`settled`), on
 * one scale shared by every panel, in bins whose edges follow 0, 1, 2, 5, 10, 20, 50, … (a log-like scale
 * with round edges), from the largest edge ≤ the smallest count to the smallest edge > the largest; bin b
 * of B has viridis at (b + ½)/B, purple for the fewest iterations, yellow for the most. Runs that never
 * settle within the budget are light grey ("not reached"), runs that diverged red: neither is on viridis.
 *
 * Basins: which minimum a run ends in (src/lab/basins.ts), one categorical colour per minimum (Okabe–Ito
 * and Paul Tol hues, no red or grey, repeating after ten), light grey for a run that ends at no minimum
 * (still travelling when the budget ran out) and the same red for diverged runs.
 */
import { interpolateViridis } from 'd3-scale-chromatic';
import { color } from 'd3-color';

export const NOT_REACHED = '#dcdcdc';
export const DIVERGED = '#d7191c';
export const BASIN_COLOURS: readonly string[] = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#CC79A7', '#44AA99', '#999933', '#AA4499', '#332288'];

export interface IterationBin {
  /** Counts in [from, to). */
  readonly from: number;
  readonly to: number;
  readonly colour: string;
  readonly label: string;
}

const edgeAt = (n: number): number => (n === 0 ? 0 : [1, 2, 5][(n - 1) % 3] * 10 ** Math.floor((n - 1) / 3));

/** Bins covering the counts lo … hi (0 ≤ lo ≤ hi). */
export function iterationBins(lo: number, hi: number): IterationBin[] {
  let first = 0;
  while (edgeAt(first + 1) <= lo) first++;
  let last = first + 1;
  while (edgeAt(last) <= hi) last++;
  const count = last - first;
  return Array.from({ length: count }, (_, b) => {
    const from = edgeAt(first + b);
    const to = edgeAt(first + b + 1);
    return { from, to, colour: color(interpolateViridis((b + 0.5) / count))!.formatHex(), label: to - from === 1 ? `${from}` : `${from}–${to - 1}` };
  });
}

/** The bin index of a count (bins from iterationBins, covering it). */
export function binOf(bins: readonly IterationBin[], count: number): number {
  let lo = 0;
  let hi = bins.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bins[mid].from <= count) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export const basinColour = (index: number): string => BASIN_COLOURS[index % BASIN_COLOURS.length];

/**
 * The colour key of the contour bands as plain data: the band colours in order, and round-number ticks
 * placed where their value sits along the bar (at = 0 at the low end, 1 at the high end).
 *
 * The bar shows the n + 1 band colours as equal steps, rank r over [r, r + 1]/(n + 1), so level i sits
 * at (i + 1)/(n + 1); between levels the position follows the levels' own spacing (contour-levels.ts),
 * which makes the bar a continuous scale of f:
 *   linear levels, min + span·(i + 1)/(n + 1):  at(v) = (v − min)/span, linear over [min, max];
 *   log levels, min + span·10^(−D + D·i/n):     at(v) = (1 + n·(log10((v − min)/span) + D)/D)/(n + 1),
 *     a log scale of v − min reaching down to span·10^(−D − D/n) at the low end.
 * Ticks: linear levels take d3's ticks over [min, max] (about one per 80 px); log levels take d3's
 * log-scale ticks (powers of ten, every decade while one fits per 40 px) of v − min, each moved to the roundest value of v at that power (for min = 0, the powers of ten
 * themselves). Ticks are then thinned, every other one, until their labels (11 px) no longer collide
 * along a bar `lengthPx` long.
 */
import { ticks } from 'd3-array';
import { scaleLog } from 'd3-scale';
import { bandColours } from './colour-scale.ts';
import { LOG_DECADES, type LevelMode } from './contour-levels.ts';
import { textWidth } from './text-width.ts';
import { tickLabel } from './tick-label.ts';

export interface BarTick {
  readonly value: number;
  /** Position along the bar, 0 (low end) to 1 (high end). */
  readonly at: number;
  readonly label: string;
}

export interface ColourBar {
  /** Band colours, rank 0 (below the lowest level) first. */
  readonly colours: readonly string[];
  readonly ticks: readonly BarTick[];
  readonly log: boolean;
}

const BAR_TICK_FONT = 11;
const LABEL_GAP = 8;

export function colourBar(min: number, max: number, mode: LevelMode, levels: readonly number[], lengthPx: number): ColourBar {
  const n = levels.length;
  const span = max - min;
  const colours = bandColours(n);
  if (n === 0 || !(span > 0)) {
    return { colours, ticks: Number.isFinite(min) ? [{ value: min, at: 0.5, label: tickLabel(min) }] : [], log: false };
  }
  const log = mode === 'log';
  const D = LOG_DECADES;
  const at = log ? (v: number) => (1 + (n * (Math.log10((v - min) / span) + D)) / D) / (n + 1) : (v: number) => (v - min) / span;
  let values: number[];
  if (log) {
    // A count below the number of decades gives powers of ten only (every decade while they fit).
    const offsets = scaleLog().domain([span * 10 ** (-D - D / n), span]).ticks(Math.min(Math.floor(D + D / n), Math.max(2, Math.floor(lengthPx / 40))));
    values = offsets.map((t) => {
      const unit = 10 ** Math.floor(Math.log10(t));
      return Number((Math.round((min + t) / unit) * unit).toPrecision(12));
    });
  } else {
    values = ticks(min, max, Math.max(3, Math.floor(lengthPx / 80)));
  }
  const placed = [...new Set(values)]
    .filter((v) => v > min || !log)
    .map((v) => ({ value: v, at: at(v), label: tickLabel(v) }))
    .filter((t) => t.at >= -1e-9 && t.at <= 1 + 1e-9);
  return { colours, ticks: thin(placed, lengthPx), log };
}

/** Every other tick dropped until neighbouring labels keep LABEL_GAP px apart. */
function thin(list: BarTick[], lengthPx: number): BarTick[] {
  let out = list;
  const width = (t: BarTick): number => textWidth(t.label, { size: BAR_TICK_FONT });
  const collides = (ts: BarTick[]): boolean =>
    ts.some((t, i) => i > 0 && (t.at - ts[i - 1].at) * lengthPx < (width(t) + width(ts[i - 1])) / 2 + LABEL_GAP);
  while (out.length > 2 && collides(out)) out = out.filter((_, i) => i % 2 === 0);
  return out;
}

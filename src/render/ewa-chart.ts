/**
 * The exponentially-weighted-averages chart (issue 11, Lessons), as plain geometry: the course's figure
 * (Deep Learning Specialization, course 2 week 2) redrawn on src/run/ewa.ts's demo year — daily values as
 * dots, and their averages with β = 0.9 (about the last 10 days) and β = 0.98 (about the last 50), each
 * with and without bias correction v_t/(1 − β^t). Without it, β = 0.98 starts near 0 and needs weeks to
 * catch up; with it, both start on the data. src/export/ewa-figure.ts writes it as SVG.
 */
import { demoTemperatures, DEMO_SEED, ewa } from '../run/ewa.ts';
import { axisTicks, type Tick } from './axis-ticks.ts';
import { projection, type PlotBox } from './projection.ts';
import { polylineD } from './svg-path.ts';
import { wrapText } from './text-width.ts';

export interface EwaLine {
  readonly label: string;
  readonly color: string;
  readonly dash: string;
  readonly d: string;
  /** The averages themselves, one per day. */
  readonly values: Float64Array;
}

export interface EwaChart {
  readonly width: number;
  /** Legend entries per row (two on a wide chart, one on a narrow one), drawn above the plot. */
  readonly legendColumns: number;
  readonly height: number;
  readonly box: PlotBox;
  readonly ticks: { readonly x: Tick[]; readonly y: Tick[] };
  /** The daily values as dots: pixel centres. */
  readonly dots: readonly (readonly [number, number])[];
  readonly lines: readonly EwaLine[];
  readonly title: string;
  /** The title broken to fit the width, at titleSize px. */
  readonly titleLines: readonly string[];
  readonly titleSize: number;
  /** Baseline of the first legend row. */
  readonly legendTop: number;
  readonly caption: string;
  readonly xName: string;
  readonly yName: string;
}

const LINES = [
  { beta: 0.9, corrected: true, color: '#c62828', dash: '' },
  { beta: 0.9, corrected: false, color: '#c62828', dash: '5 3' },
  { beta: 0.98, corrected: true, color: '#2e7d32', dash: '' },
  { beta: 0.98, corrected: false, color: '#6a1b9a', dash: '' },
] as const;

const TITLE = 'Exponentially weighted averages, with and without bias correction';

export function ewaChart(width = 640, height = 400, seed = DEMO_SEED): EwaChart {
  const series = demoTemperatures(seed);
  const legendColumns = width >= 520 ? 2 : 1;
  const legendRows = Math.ceil(LINES.length / legendColumns);
  const titleSize = width >= 520 ? 14 : 12;
  const titleLines = wrapText(TITLE, width - 16, { size: titleSize, bold: true });
  const legendTop = 20 + titleLines.length * (titleSize + 4);
  const top = legendTop + legendRows * 16 + 6;
  const box: PlotBox = { left: 46, top, width: width - 62, height: height - top - 76 };
  const proj = projection({ x: [0, series.length], y: [0, 90] }, box);
  const days = Array.from(series, (_, i) => proj.x(i + 1));
  const lines = LINES.map(({ beta, corrected, color, dash }) => {
    const values = ewa(series, beta, corrected);
    return {
      label: `β = ${beta}, ${corrected ? 'bias-corrected' : 'no correction'}`,
      color,
      dash,
      values,
      d: polylineD(days, Array.from(values, (v) => proj.y(v))),
    };
  });
  return {
    width,
    legendColumns,
    height,
    box,
    ticks: axisTicks(proj),
    dots: Array.from(series, (v, i) => [Math.round(days[i] * 10) / 10, Math.round(proj.y(v) * 10) / 10] as const),
    lines,
    title: TITLE,
    titleLines,
    titleSize,
    legendTop,
    caption: `Daily values θₜ (dots): 55 − 20·cos(2πt/365) + N(0, 6²), seed ${seed}. vₜ = β·vₜ₋₁ + (1 − β)·θₜ from v₀ = 0; corrected: vₜ/(1 − βᵗ).`,
    xName: 'day t',
    yName: '°F',
  };
}

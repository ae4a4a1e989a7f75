/**
 * Where everything in an exported figure goes, as plain data (boxes, baselines, font sizes, wrapped
 * lines), computed from the figure's size, domain and texts; figure.ts writes it as SVG. Text is measured
 * with src/render/text-width.ts (the widths of a wide font), so from the smallest size (480 × 300) up
 * nothing leaves the viewBox and nothing overlaps: long texts wrap and shrink, and only the expression
 * may, as a last resort, end in "…" (the full expression is in the figure's <desc>).
 *
 * Header: the title, with the iteration shown right-aligned on its line (or on a line of its own when
 * they do not fit side by side); then `f(x, y) = …` in monospace, wrapped into at most 2 lines (3 from
 * 420 px high), shrinking from 11.5 to 8.5 px before it is cut; then, when the figure has one, a caption
 * note (the curvature lens's) in at most 2 lines of 11 to 9 px.
 * Plots at the left, keeping the domain's aspect (render/projection.ts): overlay, one plot with every run
 * and axes named x and y; grid (small multiples), one panel per run, same domain, titled with its run's
 * name in the number of columns that gives the largest plots (names must fit), tick labels on the left
 * column and the bottom row, "start" labelled in the first panel. With no runs, grid falls back to overlay.
 * A column at their right, both layouts: the legend (per run a line-and-marker sample, the name and its
 * value on one line, or the value under the name when they do not fit; the hyperparameters below in
 * small type, wrapped) and the colour bar at its foot, captioned "f" at its left. Legend type shrinks
 * from 12/10 px to 9/8 px until the rows fit. Plots and column are centred together, across and down.
 */
import { ticks } from 'd3-array';
import type { Domain } from '../math/grid.ts';
import { fitPlot, type PlotBox } from '../render/projection.ts';
import { ellipsize, fitText, textWidth } from '../render/text-width.ts';
import { tickLabel } from '../render/tick-label.ts';

export type Anchor = 'start' | 'middle' | 'end';

export interface TextAt {
  readonly x: number;
  /** Baseline. */
  readonly y: number;
  readonly size: number;
  readonly anchor: Anchor;
}

export interface TextLine extends TextAt {
  readonly text: string;
}

export interface TextBlock extends TextAt {
  readonly lines: readonly string[];
  readonly lineHeight: number;
}

export interface LegendEntry {
  /** Line-and-marker sample: from (x, y) rightwards `width` px. */
  readonly sample: { readonly x: number; readonly y: number; readonly width: number };
  readonly name: TextLine;
  /** Where the run's value (iterations to target, or f) goes; its text changes with the iteration. */
  readonly value: TextAt;
  readonly detail: TextBlock;
}

export interface PanelLayout {
  readonly box: PlotBox;
  /** Indices of the runs drawn in this panel. */
  readonly runs: readonly number[];
  /** Small multiples: the run's name above its panel. */
  readonly title: TextLine | null;
  readonly xTickLabels: boolean;
  readonly yTickLabels: boolean;
  /** Italic x and y beside the axes. */
  readonly axisNames: boolean;
  /** Label the start ("start") and the first minimum beside their markers. */
  readonly startLabel: boolean;
  readonly minimumLabel: boolean;
  /** Small multiples' panels use the smaller run markers, as the app's do. */
  readonly compact: boolean;
}

export interface FigureLayout {
  readonly title: TextLine;
  readonly meta: TextAt;
  readonly expr: TextBlock;
  /** A caption line under the expression (the curvature lens's), or null. */
  readonly note: TextBlock | null;
  readonly panels: readonly PanelLayout[];
  readonly legend: { readonly heading: TextLine; readonly entries: readonly LegendEntry[] };
  readonly bar: { readonly box: PlotBox; readonly caption: TextLine; readonly tickY: number; readonly tickSize: number };
}

export interface LayoutRun {
  readonly name: string;
  /** Hyperparameters, one line. */
  readonly detail: string;
  /** The widest text the run's value shows at any iteration. */
  readonly valueSample: string;
}

export interface LayoutInput {
  readonly width: number;
  readonly height: number;
  readonly layout: 'overlay' | 'grid';
  readonly title: string;
  readonly expr: string;
  readonly domain: Domain;
  readonly runs: readonly LayoutRun[];
  /** The widest text the meta line shows at any iteration. */
  readonly metaSample: string;
  /** Says what the values are ("iterations to f ≤ 0.001"). */
  readonly heading: string;
  readonly barCaption: string;
  /** A caption under the expression, wrapped into at most 2 lines; absent: none. */
  readonly note?: string;
}

const PAD = 12;
export const TICK_FONT = 11;
/** x tick labels' baseline below the plot, and the x axis name's. */
export const X_TICK_BASELINE = 17;
export const X_NAME_BASELINE = 31;
/** From the y tick labels' right edge to the plot. */
export const Y_TICK_GAP = 8;
const AXIS_NAME_W = 10;
const SAMPLE_W = 22;
const GAP = 6;
const COLUMN_GAP = 20;
const BAR_H = 10;
/** Below the lowest plot: its x tick labels, and (overlay) the x axis name. */
const BELOW_PLOTS = 42;
/** Legend type sizes (name, detail) and the gap under each row, largest first: the first that fits is used. */
const ROW_SIZES: readonly (readonly [number, number, number])[] = [[12, 10, 6], [11, 9.5, 5], [10, 9, 4], [9, 8, 2]];
const PANEL_TITLE: readonly number[] = [11, 10, 9];

/** Widest tick label any tick count could give along this extent. */
function tickWidth([v0, v1]: readonly [number, number]): number {
  let w = 0;
  for (let c = 2; c <= 12; c++) for (const v of ticks(v0, v1, c)) w = Math.max(w, textWidth(tickLabel(v), { size: TICK_FONT }));
  return Math.ceil(w);
}

interface Header {
  readonly title: TextLine;
  readonly meta: TextAt;
  readonly expr: TextBlock;
  readonly note: TextBlock | null;
  readonly bottom: number;
}

function header(input: LayoutInput): Header {
  const avail = input.width - 2 * PAD;
  const titleFit = fitText(input.title, avail * 0.6, 1, [16, 14, 12], 'sans', true);
  const titleW = textWidth(titleFit.lines[0], { size: titleFit.size, bold: true });
  const title: TextLine = { text: titleFit.lines[0], x: PAD, y: PAD + titleFit.size, size: titleFit.size, anchor: 'start' };
  let meta: TextAt = { x: input.width - PAD, y: title.y, size: 11, anchor: 'end' };
  let y = title.y;
  if (titleW + 16 + textWidth(input.metaSample, { size: 11 }) > avail) {
    const size = fitText(input.metaSample, avail, 1, [11, 10, 9]).size;
    y += size + 4;
    meta = { x: PAD, y, size, anchor: 'start' };
  }
  const fit = fitText(`f(x, y) = ${input.expr}`, avail, input.height < 420 ? 2 : 3, [11.5, 10.5, 9.5, 8.5], 'mono');
  const lineHeight = Math.round(fit.size * 13) / 10;
  const exprY = y + 4 + Math.round(fit.size * 10.5) / 10;
  const expr: TextBlock = { lines: fit.lines, x: PAD, y: exprY, size: fit.size, anchor: 'start', lineHeight };
  const exprBottom = exprY + (fit.lines.length - 1) * lineHeight + 0.3 * fit.size;
  if (input.note === undefined) return { title, meta, expr, note: null, bottom: exprBottom };
  const noteFit = fitText(input.note, avail, 2, [11, 10, 9]);
  const noteHeight = Math.round(noteFit.size * 13) / 10;
  const noteY = exprBottom + 4 + noteFit.size;
  const note: TextBlock = { lines: noteFit.lines, x: PAD, y: noteY, size: noteFit.size, anchor: 'start', lineHeight: noteHeight };
  return { title, meta, expr, note, bottom: noteY + (noteFit.lines.length - 1) * noteHeight + 0.3 * noteFit.size };
}

/**
 * One run's legend entry in a column `width` px wide at (x, top). The hyperparameters wrap at the detail
 * size, or one px smaller, into 2 lines, else 3 at the smaller size; a name too long for the column
 * shrinks by up to 2 px.
 */
function entry(run: LayoutRun, x: number, top: number, width: number, [nameSize, detailSize, gap]: readonly [number, number, number]): { entry: LegendEntry; bottom: number } {
  const valueSize = detailSize + 1;
  const indent = SAMPLE_W + GAP;
  const textW = width - indent;
  const valueW = textWidth(run.valueSample, { size: valueSize });
  const sideBySide = textWidth(run.name, { size: nameSize, bold: true }) + 10 + valueW <= textW;
  const name = fitText(run.name, sideBySide ? textW - valueW - 10 : textW, 1, [nameSize, nameSize - 1, nameSize - 2], 'sans', true);
  const nameY = top + nameSize;
  const valueY = sideBySide ? nameY : nameY + 2 + valueSize;
  let detail = fitText(run.detail, textW, 2, [detailSize, detailSize - 1]);
  if (detail.lines.some((l) => l.endsWith('…'))) detail = fitText(run.detail, textW, 3, [detailSize - 1]);
  const lines = run.detail === '' ? [] : detail.lines;
  const lineHeight = Math.round(detail.size * 12) / 10;
  const detailY = valueY + 2 + lineHeight;
  return {
    entry: {
      sample: { x, y: nameY - 4, width: SAMPLE_W },
      name: { text: name.lines[0], x: x + indent, y: nameY, size: name.size, anchor: 'start' },
      value: sideBySide ? { x: x + width, y: valueY, size: valueSize, anchor: 'end' } : { x: x + indent, y: valueY, size: valueSize, anchor: 'start' },
      detail: { lines, x: x + indent, y: detailY, size: detail.size, anchor: 'start', lineHeight },
    },
    bottom: valueY + 2 + lines.length * lineHeight + gap,
  };
}

/** The column's width: what its widest row asks for, within [150, 42 % of the figure]. */
function columnWidth(input: LayoutInput): number {
  const want = Math.max(
    140,
    textWidth(input.heading, { size: 11 }),
    ...input.runs.map((r) => SAMPLE_W + GAP + Math.max(textWidth(r.name, { size: 12, bold: true }) + 10 + textWidth(r.valueSample, { size: 11 }), textWidth(r.detail, { size: 10 }))),
  );
  return Math.ceil(Math.min(want, Math.max(150, 0.42 * input.width)));
}

/**
 * The legend from `top` down, then the colour bar at the column's foot, its caption at its left: level
 * with the plots' bottom edge, or lower (down to the x tick labels' row) when the rows need the room.
 */
function column(input: LayoutInput, x: number, width: number, top: number, plotsBottom: number): Pick<FigureLayout, 'legend' | 'bar'> {
  const heading: TextLine = { text: ellipsize(input.heading, width, { size: 11 }), x, y: top + 8, size: 11, anchor: 'start' };
  const barBlock = BAR_H;
  const lowest = input.height - PAD - 16;
  let rows: { entries: LegendEntry[]; bottom: number } = { entries: [], bottom: heading.y + 10 };
  for (const sizes of ROW_SIZES) {
    rows = { entries: [], bottom: heading.y + 10 };
    for (const run of input.runs) {
      const e = entry(run, x, rows.bottom, width, sizes);
      rows.entries.push(e.entry);
      rows.bottom = e.bottom;
    }
    if (rows.bottom + 8 + barBlock <= lowest) break;
  }
  const barBottom = Math.min(lowest, Math.max(plotsBottom, Math.ceil(rows.bottom + 8 + barBlock)));
  const captionW = Math.ceil(textWidth(input.barCaption, { size: 11 })) + 6;
  const bar: PlotBox = { left: x + captionW, top: barBottom - BAR_H, width: width - captionW, height: BAR_H };
  return {
    legend: { heading, entries: rows.entries },
    bar: { box: bar, caption: { text: input.barCaption, x, y: bar.top + 9, size: 11, anchor: 'start' }, tickY: bar.top + BAR_H + 13, tickSize: 11 },
  };
}

/** Height of the legend and colour bar at the largest type size. */
function legendHeight(input: LayoutInput, width: number): number {
  const c = column(input, 0, width, 0, 0);
  return c.bar.box.top + c.bar.box.height;
}

interface Plots {
  readonly panels: PanelLayout[];
  /** Edges of the plots' block. */
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

function overlayPlots(input: LayoutInput, area: PlotBox): Plots {
  const fitted = fitPlot(input.domain, area);
  const box: PlotBox = { ...fitted, left: fitted.left + Math.floor((area.width - fitted.width) / 2), top: fitted.top + Math.floor((area.height - fitted.height) / 2) };
  const panel: PanelLayout = {
    box,
    runs: input.runs.map((_, i) => i),
    title: null,
    xTickLabels: true,
    yTickLabels: true,
    axisNames: true,
    startLabel: true,
    minimumLabel: true,
    compact: false,
  };
  return { panels: [panel], top: box.top, right: box.left + box.width, bottom: box.top + box.height };
}

function gridPlots(input: LayoutInput, area: PlotBox): Plots {
  const n = input.runs.length;
  // Neighbouring panels' end tick labels (…, 10 | −10, …) need room between the panels.
  const gapX = Math.max(14, tickWidth(input.domain.x) + 6);
  // A panel's title may reach into the gap after it.
  const title = (w: number) => input.runs.map((r) => fitText(r.name, w + gapX - 6, 1, PANEL_TITLE, 'sans', true));
  const titleH = PANEL_TITLE[0] + 4;
  const gapY = X_TICK_BASELINE + 4;
  let best: { cols: number; plot: PlotBox; named: boolean } | null = null;
  for (let cols = 1; cols <= n; cols++) {
    const rows = Math.ceil(n / cols);
    const cellW = (area.width - (cols - 1) * gapX) / cols;
    const cellH = (area.height - rows * titleH - (rows - 1) * gapY) / rows;
    if (cellW <= 0 || cellH <= 0) continue;
    const plot = fitPlot(input.domain, { left: 0, top: 0, width: cellW, height: cellH });
    if (plot.width <= 0 || plot.height <= 0) continue;
    const named = title(plot.width).every((t, i) => t.lines[0] === input.runs[i].name);
    const larger = !best || plot.width * plot.height > best.plot.width * best.plot.height;
    if (!best || (named && !best.named) || (named === best.named && larger)) best = { cols, plot, named };
  }
  const cols = best?.cols ?? 1;
  const plot = best?.plot ?? { left: 0, top: 0, width: 0, height: 0 };
  const rows = Math.ceil(n / cols);
  const blockW = cols * plot.width + (cols - 1) * gapX;
  const blockH = rows * (titleH + plot.height) + (rows - 1) * gapY;
  const x0 = area.left + Math.floor((area.width - blockW) / 2);
  const y0 = area.top + Math.floor((area.height - blockH) / 2);
  const titles = title(plot.width);
  const panels = input.runs.map((_, i): PanelLayout => {
    const col = i % cols;
    const row = Math.floor(i / cols);
    const top = y0 + row * (titleH + plot.height + gapY);
    const x = x0 + col * (plot.width + gapX);
    return {
      box: { left: x, top: top + titleH, width: plot.width, height: plot.height },
      runs: [i],
      title: { text: titles[i].lines[0], x, y: top + PANEL_TITLE[0], size: titles[i].size, anchor: 'start' },
      xTickLabels: row === rows - 1,
      yTickLabels: col === 0,
      axisNames: false,
      startLabel: i === 0,
      minimumLabel: false,
      compact: true,
    };
  });
  return { panels, top: y0, right: x0 + blockW, bottom: y0 + blockH };
}

export function figureLayout(input: LayoutInput): FigureLayout {
  const head = header(input);
  const grid = input.layout === 'grid' && input.runs.length > 0;
  const colW = columnWidth(input);
  const left = PAD + (grid ? 0 : AXIS_NAME_W + GAP) + tickWidth(input.domain.y) + Y_TICK_GAP;
  const top = Math.ceil(head.bottom + 12);
  const area: PlotBox = { left, top, width: input.width - PAD - colW - COLUMN_GAP - left, height: input.height - BELOW_PLOTS - top };
  const plots = grid ? gridPlots(input, area) : overlayPlots(input, area);
  // The plots are centred in their area; the column follows them, from their top down, or from the
  // area's top when the legend needs the height.
  const colTop = Math.min(plots.top, Math.max(top, plots.bottom - legendHeight(input, colW)));
  return { ...head, panels: plots.panels, ...column(input, plots.right + COLUMN_GAP, colW, colTop, plots.bottom) };
}

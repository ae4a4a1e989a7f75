/**
 * The sweep figure's geometry as plain data (issue 10), laid out for a width and a height (or 'auto': a
 * plot about half as high as wide, for the app's column). The SVG writer (src/export/sweep-svg.ts) draws it
 * for the app, the exports, the embed page and the CLI alike, and the app picks clicked points from it.
 *
 *   x  the swept value, log₁₀ scale over the grid's ends as asked
 *   y  `settled`: iterations until f − f* stays within the target (linear, 0 … budget), with a band at
 *      the top for "not reached" (did not settle within the budget); `gap`: the final gap f − f* (log, at
 *      most 20 decades below 1; a smaller gap, or one ≤ 0 with f at or below f*, sits on the bottom edge),
 *      with the target as a dashed line
 *   a "diverged" row above everything, one lane per entrant, marked with the entrant's marker
 *
 * One line per entrant in its colour and dash through its grid values (broken where a run diverged), a dot
 * at each; the best value on the grid (fewest iterations to settle; sweep-window.ts) as its marker on the
 * line; its current value as its marker in a strip under the x axis; for SGD and Momentum the stability
 * limits (limits.ts) as vertical rules labelled with their formula and value, one rule where the start's
 * and the minimum's agree (a quadratic), close rules' labels facing apart (placeRuleLabels). A legend names
 * each entrant with its other hyperparameters, best value on the grid, iterations there, window in decades
 * and limits; a header states the surface and the race swept. "On the grid", because the race's own value
 * may lie between grid values and do better (the bowl's SGD: lr 0.9 settles in 23, the grid's best 0.825
 * in 24); the sweep claims only what it ran.
 */
import { ticks } from 'd3-array';
import { limitFormula } from '../lab/limits.ts';
import { LEGEND_MARKER_R, runGlyph, type Glyph } from './markers.ts';
import type { PlotBox } from './projection.ts';
import { formatNumber } from './race-status.ts';
import type { SweepFigureEntrant, SweepFigureInput } from './sweep-figure-input.ts';
import { ellipsize, textWidth, wrapText, type TextFont } from './text-width.ts';
import { tickLabel } from './tick-label.ts';

export interface SceneText {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly size: number;
  readonly anchor: 'start' | 'middle' | 'end';
  /** h heading, e expression, t muted, k bold. */
  readonly cls: string;
  /** Degrees about (x, y). */
  readonly rotate?: number;
}

export interface SweepScenePoint {
  readonly entrant: number;
  readonly value: number;
  readonly x: number;
  readonly y: number;
  readonly kind: 'settled' | 'not-reached' | 'diverged' | 'gap';
  /** What the point says, e.g. "SGD, lr 0.1: 24 iterations". */
  readonly text: string;
}

export interface SweepScene {
  readonly width: number;
  readonly height: number;
  /** Everything between the axes, bands and rows included. */
  readonly box: PlotBox;
  /** Bands across the top of the box: "not reached" (settled mode) and the "diverged" row. */
  readonly bands: readonly { readonly top: number; readonly height: number; readonly kind: 'not-reached' | 'diverged' }[];
  /** Pixel y of faint horizontal grid lines (the y ticks). */
  readonly gridY: readonly number[];
  /** Pixel x of the x axis's major ticks. */
  readonly tickX: readonly number[];
  /** Horizontal dashed line at the target (gap mode with a target). */
  readonly targetY: number | null;
  readonly lines: readonly { readonly entrant: number; readonly xs: readonly number[]; readonly ys: readonly number[] }[];
  readonly points: readonly SweepScenePoint[];
  readonly rules: readonly { readonly entrant: number; readonly x: number; readonly label: string; readonly dash: string }[];
  /** Marker glyphs: best values on their lines, current values under the axis, legend samples. */
  readonly glyphs: readonly { readonly x: number; readonly y: number; readonly glyph: Glyph; readonly entrant: number }[];
  /** Each entrant's line sample in the legend. */
  readonly legend: readonly { readonly entrant: number; readonly y: number; readonly x0: number; readonly x1: number }[];
  readonly texts: readonly SceneText[];
  readonly entrants: readonly SweepFigureEntrant[];
}

const PAD = 12;
const LEFT = 58;
const TITLE: TextFont = { size: 15, bold: true };
const EXPR: TextFont = { size: 12, family: 'mono' };
const SMALL: TextFont = { size: 11 };
const TICK = 10;
const LINE = 14;
/** The "diverged" row's height per entrant lane, and the "not reached" band's. */
const LANE = 5;
const BAND = 18;
/** Below the box: the current-value strip, tick labels, the axis name. */
const STRIP = 14;
const BELOW = STRIP + 34;
const SAMPLE = 30;
/** The gap axis spans at most this many decades below 1; smaller gaps sit on its bottom edge. */
const GAP_DECADES = 20;

const num = (v: number) => tickLabel(Number(v.toPrecision(3)));

/** The legend's lines for one entrant: its name and other hyperparameters, then what its sweep found. */
function legendText(e: SweepFigureEntrant): [string, string] {
  const r = e.run;
  const head = `${e.name}${e.detail ? ` (${e.detail})` : ''}, ${r.param} now ${num(e.current)}`;
  const best = r.window ? r.results.find((x) => x.value === r.window!.best)! : null;
  const parts = [
    r.results.length === 0
      ? 'no grid value in its range'
      : best && r.window
        ? `best on the grid ${num(r.window.best)}: ${best.settled} iterations; window ${r.window.decades.toFixed(2)} decades (${num(r.window.low)} … ${num(r.window.high)})`
        : 'no value settles',
  ];
  if (r.limits) {
    const { start, minimum } = r.limits;
    const at = (lr: number | null) => (lr === null ? 'none' : num(lr));
    parts.push(`${limitFormula(r.optimizer)}: ${at(start.lr)} at the start, ${minimum ? `${at(minimum.lr)} at the minimum` : 'no minimum found'}`);
  }
  return [head, parts.join('; ')];
}

const NOTE =
  'Dots: one run per grid value. Large marker: the best value on the grid (fewest iterations to settle). Marker under the axis: the race\'s current value.';
/** Only where a rule is drawn: limits are for lr alone (limits.ts). */
const RULES_NOTE = ' Dashed rules: stability limits from the Hessian.';

/**
 * A rule's label runs down from the top of the box beside its rule, rotated: on its left, else on its right
 * where the left would come within RULE_LABEL_CLEAR px of a label already there (the band labels, a rule's
 * label to its left) or touch another rule, so two close rules' labels face apart (SGD's lr 1 and Momentum's
 * 1.9 on the bowl at 375 px); where neither side is clear the label is left out, as the legend holds the values.
 * A label's painted extent across x is its glyphs (0.8 of the size above the baseline, 0.25 below, as
 * marker-label.ts measures) and the 1.5 px halo of class "l".
 */
const RULE_LABEL_CLEAR = 4;
const HALO = 1.5;
function placeRuleLabels(labels: readonly { x: number; text: string }[], rules: readonly { x: number }[], box: PlotBox, texts: SceneText[]): void {
  const above = 0.8 * TICK;
  const below = 0.25 * TICK;
  /** Painted x extent of a rotated label with its baseline at b: the glyphs rise towards −x. */
  const extent = (b: number): [number, number] => [b - above - HALO, b + below + HALO];
  const taken: [number, number][] = texts
    .filter((t) => t.cls === 't l' && !t.rotate)
    .map((t) => [t.x - HALO, t.x + textWidth(t.text, { size: t.size }) + HALO]);
  const clear = ([a, b]: [number, number], own: number) =>
    a >= box.left &&
    b <= box.left + box.width &&
    taken.every(([c, d]) => a >= d + RULE_LABEL_CLEAR || b <= c - RULE_LABEL_CLEAR) &&
    rules.every((r) => r.x === own || r.x < a - 2 || r.x > b + 2);
  for (const { x, text } of [...labels].sort((p, q) => p.x - q.x)) {
    // 4 px between the rule and the glyphs, on either side.
    const baseline = [x - 4 - below, x + 4 + above].find((b) => clear(extent(b), x));
    if (baseline === undefined) continue;
    taken.push(extent(baseline));
    texts.push({ x: baseline, y: box.top + 4, text: ellipsize(text, box.height - 8, { size: TICK }), size: TICK, anchor: 'end', cls: 't l', rotate: -90 });
  }
}

export function sweepScene(input: SweepFigureInput, size: { width: number; height: number | 'auto' }): SweepScene {
  const { width } = size;
  const texts: SceneText[] = [];
  const inner = width - 2 * PAD;
  // Header: title, expression, the race swept.
  let y = PAD + 14;
  const title = wrapText(input.title, inner, TITLE);
  for (const [i, line] of title.slice(0, 2).entries()) {
    const last = i === 1 && title.length > 2;
    texts.push({ x: PAD, y, text: last ? ellipsize(`${line} ${title.slice(2).join(' ')}`, inner, TITLE) : line, size: TITLE.size, anchor: 'start', cls: 'h' });
    y += 18;
  }
  texts.push({ x: PAD, y, text: ellipsize(`f(x, y) = ${input.expr}`, inner, EXPR), size: EXPR.size, anchor: 'start', cls: 'e' });
  for (const line of wrapText(input.about.join(' · '), inner, SMALL)) {
    y += LINE;
    texts.push({ x: PAD, y, text: line, size: SMALL.size, anchor: 'start', cls: 't' });
  }
  const boxTop = y + 14;

  // Legend lines, measured first so a fixed height knows what is left for the plot.
  const columns = width >= 640 ? 2 : 1;
  const columnWidth = (inner - (columns - 1) * 16) / columns;
  const textWidthMax = columnWidth - SAMPLE - 6;
  const legendLines = input.entrants.map((e) => {
    const [head, found] = legendText(e);
    return { head: wrapText(head, textWidthMax, { ...SMALL, bold: true }), found: wrapText(found, textWidthMax, SMALL) };
  });
  const blockHeight = (l: (typeof legendLines)[number]) => (l.head.length + l.found.length) * LINE + 4;
  const rowHeights: number[] = [];
  legendLines.forEach((l, i) => {
    const row = Math.floor(i / columns);
    rowHeights[row] = Math.max(rowHeights[row] ?? 0, blockHeight(l));
  });
  const note = wrapText(input.entrants.some((e) => e.run.limits) ? NOTE + RULES_NOTE : NOTE, inner, { size: 10 });
  const legendHeight = rowHeights.reduce((h, r) => h + r, 0) + note.length * 13 + 4;

  const n = input.entrants.length;
  const divergedRow = Math.max(BAND, n * LANE + 4);
  const top = divergedRow + (input.y === 'settled' ? BAND : 0);
  const mainHeight =
    size.height === 'auto'
      ? Math.max(160, Math.min(320, Math.round(width * 0.42)))
      : Math.max(80, size.height - boxTop - top - BELOW - legendHeight - PAD);
  const box: PlotBox = { left: LEFT, top: boxTop, width: width - LEFT - PAD, height: top + mainHeight };
  const mainTop = box.top + top;
  const bottom = box.top + box.height;
  const height = size.height === 'auto' ? Math.ceil(bottom + BELOW + legendHeight + PAD) : size.height;

  // x: log scale over the grid's ends.
  const l0 = Math.log10(input.from);
  const l1 = Math.log10(input.to);
  const px = (v: number) => box.left + ((Math.log10(v) - l0) / (l1 - l0)) * box.width;
  const decades = ticks(l0, l1, Math.max(2, Math.floor(box.width / 70))).filter((t) => Number.isInteger(t));
  const xTicks = decades.length >= 2 ? decades.map((d) => 10 ** d) : ticks(input.from, input.to, 4).filter((v) => v > 0);
  for (const v of xTicks) texts.push({ x: px(v), y: bottom + STRIP + 12, text: tickLabel(v), size: TICK, anchor: 'middle', cls: 't' });
  const params = [...new Set(input.entrants.map((e) => e.run.param))];
  texts.push({ x: box.left + box.width / 2, y: bottom + STRIP + 28, text: `${params.join(' or ')} (log scale)`, size: 11, anchor: 'middle', cls: 't' });

  // y: iterations (linear) or the final gap (log).
  let py: (v: number) => number;
  let yTicks: number[];
  let yName: string;
  const finiteGaps = input.entrants.flatMap((e) => e.run.results.map((r) => r.finalGap).filter((g): g is number => g !== null && g > 0 && Number.isFinite(g)));
  if (input.y === 'settled') {
    py = (v) => bottom - (v / input.steps) * mainHeight;
    yTicks = ticks(0, input.steps, Math.max(2, Math.floor(mainHeight / 45)));
    yName = input.target === null ? 'iterations to target (none set)' : 'iterations to target';
  } else {
    // Decades from the smallest gap (at most 20 decades below 1: a gap of 1e-261 is zero to any reader) to the largest.
    const lo = Math.max(-GAP_DECADES, Math.floor(Math.log10(Math.min(...finiteGaps, input.target ?? Infinity, 1))));
    const hi = Math.max(lo + 1, Math.ceil(Math.log10(Math.max(...finiteGaps, 1))));
    py = (v) => bottom - ((Math.min(hi, Math.max(lo, Math.log10(v))) - lo) / (hi - lo)) * mainHeight;
    const step = Math.max(1, Math.ceil((hi - lo) / Math.max(2, Math.floor(mainHeight / 40))));
    yTicks = [];
    for (let d = hi; d > lo + step / 2; d -= step) yTicks.push(10 ** d);
    yTicks.push(10 ** lo);
    yName = 'final gap f − f* (log scale)';
  }
  for (const v of yTicks) texts.push({ x: box.left - 5, y: py(v) + 3.5, text: tickLabel(v), size: TICK, anchor: 'end', cls: 't' });
  texts.push({ x: 13, y: mainTop + mainHeight / 2, text: ellipsize(yName, mainHeight + top, SMALL), size: 11, anchor: 'middle', cls: 't', rotate: -90 });

  const bands: SweepScene['bands'][number][] = [{ top: box.top, height: divergedRow, kind: 'diverged' }];
  texts.push({ x: box.left + 4, y: box.top + Math.min(divergedRow, BAND) / 2 + 3.5, text: 'diverged', size: TICK, anchor: 'start', cls: 't l' });
  if (input.y === 'settled') {
    bands.push({ top: box.top + divergedRow, height: BAND, kind: 'not-reached' });
    texts.push({ x: box.left + 4, y: box.top + divergedRow + BAND / 2 + 3.5, text: 'not reached', size: TICK, anchor: 'start', cls: 't l' });
  }
  const laneY = (i: number) => box.top + 4 + (divergedRow - 8) * (n === 1 ? 0.5 : i / (n - 1));
  const notReachedY = box.top + divergedRow + BAND / 2;

  const lines: SweepScene['lines'][number][] = [];
  const points: SweepScenePoint[] = [];
  const glyphs: SweepScene['glyphs'][number][] = [];
  input.entrants.forEach((e, i) => {
    const who = `${e.name}, ${e.run.param}`;
    let xs: number[] = [];
    let ys: number[] = [];
    const flush = () => {
      if (xs.length > 0) lines.push({ entrant: i, xs, ys });
      xs = [];
      ys = [];
    };
    for (const r of e.run.results) {
      const x = px(r.value);
      if (r.diverged) {
        flush();
        points.push({ entrant: i, value: r.value, x, y: laneY(i), kind: 'diverged', text: `${who} ${num(r.value)}: diverged` });
        continue;
      }
      let point: SweepScenePoint;
      if (input.y === 'gap') {
        point = { entrant: i, value: r.value, x, y: py(r.finalGap!), kind: 'gap', text: `${who} ${num(r.value)}: final gap ${formatNumber(r.finalGap!)}` };
      } else if (r.settled === null) {
        point = { entrant: i, value: r.value, x, y: notReachedY, kind: 'not-reached', text: `${who} ${num(r.value)}: not reached in ${input.steps} iterations` };
      } else {
        point = { entrant: i, value: r.value, x, y: py(r.settled), kind: 'settled', text: `${who} ${num(r.value)}: ${r.settled} iterations` };
      }
      points.push(point);
      xs.push(point.x);
      ys.push(point.y);
    }
    flush();
    const best = e.run.window && points.find((p) => p.entrant === i && p.value === e.run.window!.best);
    if (best) glyphs.push({ x: best.x, y: best.y, glyph: runGlyph(e.look.marker, e.look.color, 5.5), entrant: i });
    if (e.current >= input.from && e.current <= input.to) glyphs.push({ x: px(e.current), y: bottom + STRIP / 2 + 1, glyph: runGlyph(e.look.marker, e.look.color, 4.5), entrant: i });
  });

  const rules: SweepScene['rules'][number][] = [];
  const ruleLabels: { x: number; text: string }[] = [];
  input.entrants.forEach((e, i) => {
    const limits = e.run.limits;
    if (!limits) return;
    const at = [
      { lr: limits.start.lr, where: 'start' },
      { lr: limits.minimum?.lr ?? null, where: 'minimum' },
    ].filter((a): a is { lr: number; where: string } => a.lr !== null && a.lr >= input.from && a.lr <= input.to);
    const same = at.length === 2 && Math.abs(at[0].lr - at[1].lr) <= 1e-9 * at[0].lr;
    for (const a of same ? [{ ...at[0], where: 'start and minimum' }] : at) {
      const x = px(a.lr);
      const label = `${limitFormula(e.run.optimizer)} = ${num(a.lr)}${same ? '' : ` (${a.where})`}`;
      rules.push({ entrant: i, x, label: `${e.name}: ${label} at the ${a.where}`, dash: a.where === 'minimum' ? '2 3' : '6 3' });
      ruleLabels.push({ x, text: label });
    }
  });
  placeRuleLabels(ruleLabels, rules, box, texts);
  // Legend under the axis name.
  const legend: SweepScene['legend'][number][] = [];
  const legendTop = bottom + BELOW + 6;
  legendLines.forEach((l, i) => {
    const e = input.entrants[i];
    const row = Math.floor(i / columns);
    const x0 = PAD + (i % columns) * (columnWidth + 16);
    let ly = legendTop + rowHeights.slice(0, row).reduce((h, r) => h + r, 0);
    legend.push({ entrant: i, y: ly - 4, x0, x1: x0 + SAMPLE });
    glyphs.push({ x: x0 + SAMPLE / 2, y: ly - 4, glyph: runGlyph(e.look.marker, e.look.color, LEGEND_MARKER_R), entrant: i });
    for (const line of l.head) {
      texts.push({ x: x0 + SAMPLE + 6, y: ly, text: line, size: SMALL.size, anchor: 'start', cls: 'k' });
      ly += LINE;
    }
    for (const line of l.found) {
      texts.push({ x: x0 + SAMPLE + 6, y: ly, text: line, size: SMALL.size, anchor: 'start', cls: 't' });
      ly += LINE;
    }
  });
  y = legendTop + rowHeights.reduce((h, r) => h + r, 0);
  for (const line of note) {
    texts.push({ x: PAD, y, text: line, size: 10, anchor: 'start', cls: 't' });
    y += 13;
  }

  const targetY = input.y === 'gap' && input.target !== null && input.target > 0 ? py(input.target) : null;
  if (targetY !== null) texts.push({ x: box.left + box.width - 4, y: targetY - 4, text: `target ${formatNumber(input.target!)}`, size: TICK, anchor: 'end', cls: 't l' });
  return {
    width,
    height,
    box,
    bands,
    gridY: yTicks.map(py),
    tickX: xTicks.map(px),
    targetY,
    lines,
    points,
    rules,
    glyphs,
    legend,
    texts,
    entrants: input.entrants,
  };
}

/** The point nearest (x, y) in the scene's pixels, if one lies within `reach` px. */
export function nearestPoint(scene: SweepScene, x: number, y: number, reach: number): SweepScenePoint | null {
  let best: SweepScenePoint | null = null;
  let bestD = reach * reach;
  for (const p of scene.points) {
    const d = (p.x - x) ** 2 + (p.y - y) ** 2;
    if (d <= bestD) {
      best = p;
      bestD = d;
    }
  }
  return best;
}

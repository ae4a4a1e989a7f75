/**
 * The MNIST loss-landscape figure (Li et al. 2018; Goodfellow et al. 2015) as one self-contained SVG string,
 * for `cli landscape --out` and the MNIST tab's Landscape panel (which shows and exports this same string).
 * Drawn with the surfaces figure's geometry and style (figure.ts): filled contour bands of the loss grid
 * with their edges and colour bar (contour-bands.ts, colour-scale.ts, colour-bar.ts, contour-levels.ts'
 * automatic linear/log levels), round axis ticks, each run's path in its look (palette.ts) ending in its
 * marker, the shared start θ0 marked with the start glyph (under the paths).
 *
 * Layout: the title, then a caption stating what the contours are (the loss on the plane) and that a
 * projected checkpoint's own loss can differ, then the run configuration; the plane at the left with its
 * axes named α and β (with each PCA axis's explained-variance ratio); at its right the companion panel, the
 * loss along the straight line θ₀ + α·(θ_final − θ₀) per run with α = 0 and 1 marked; under it the legend
 * (name, the final checkpoint's own loss and the plane's loss at its projection, hyperparameters; each
 * wrapped to the legend's width, never cut) and the colour bar; PANEL_GAP keeps that panel's y-axis title
 * clear of the contours. Narrower than WIDE px, the panels stack (landscapeFigureHeight gives the height).
 * Figure text writes θ0, d1, d2 without subscript digits, which many sans-serif fonts lack (hyper-text.ts).
 * Coordinates are rounded to 0.1 px, so the same spec gives the same bytes.
 */
import type { Grid } from '../math/grid.ts';
import { axisTicks } from '../render/axis-ticks.ts';
import { colourBar } from '../render/colour-bar.ts';
import { bandColours } from '../render/colour-scale.ts';
import { bandPaths, contourBands } from '../render/contour-bands.ts';
import { autoLevels, contourLevels } from '../render/contour-levels.ts';
import { LEGEND_MARKER_R, RUN_MARKER_R, START_GLYPH, runGlyph } from '../render/markers.ts';
import type { OptimizerLook } from '../render/palette.ts';
import { pixelPath } from '../render/pixel-path.ts';
import { projection, type PlotBox, type Projection } from '../render/projection.ts';
import { formatNumber } from '../render/race-status.ts';
import { polylineD } from '../render/svg-path.ts';
import { textWidth, wrapText } from '../render/text-width.ts';
import { hyperText } from '../render/hyper-text.ts';
import { LOOKS } from '../render/palette.ts';
import { getOptimizer } from '../optim/index.ts';
import type { Hyper, OptimizerId } from '../optim/types.ts';
import { escapeXml } from './escape.ts';
import { glyphSvg, STYLE, text } from './figure.ts';

export interface LandscapeFigureRun {
  /** The entrant's label. */
  readonly id: string;
  readonly name: string;
  /** Its hyperparameters in one line (render/hyper-text.ts). */
  readonly detail: string;
  readonly look: OptimizerLook;
  /** Per checkpoint: [α, β, loss on the plane there, the checkpoint's own loss]. */
  readonly path: readonly (readonly [number, number, number, number])[];
  /** Loss along the line from θ₀ to this run's final weights, at the spec's lineAlpha. */
  readonly line: ArrayLike<number>;
}

export interface LandscapeFigureSpec {
  readonly directions: 'pca' | 'random';
  readonly explained: readonly [number, number] | null;
  readonly alpha: readonly number[];
  readonly beta: readonly number[];
  /** Row-major, β the row. */
  readonly loss: ArrayLike<number>;
  /** What sits at (0, 0): "θ₀" or the centre run's final weights. */
  readonly centerLabel: string;
  readonly lineAlpha: readonly number[];
  readonly runs: readonly LandscapeFigureRun[];
  /** Validation images the loss is measured on. */
  readonly subset: number;
  /** Updates between checkpoints. */
  readonly every: number;
  /** The race: network, batch, epochs, data, seed (one line, wrapped as needed). */
  readonly config: string;
  readonly width: number;
}

/** A computed landscape (src/mnist/landscape/landscape.ts's LandscapeResult, as plain data). */
export interface LandscapeData {
  readonly directions: 'pca' | 'random';
  readonly explained: readonly [number, number] | null;
  readonly axes: { readonly alpha: readonly number[]; readonly beta: readonly number[] };
  readonly loss: ArrayLike<number>;
  /** Per run: [α, β, loss on the plane, own loss] per checkpoint, and the checkpoints' iterations. */
  readonly runs: readonly { readonly path: readonly (readonly [number, number, number, number])[]; readonly iterations: readonly number[] }[];
  readonly line: readonly { readonly alpha: readonly number[]; readonly loss: ArrayLike<number> }[];
}

/** The race the landscape was computed for, as the figure states it (src/mnist/landscape/race-config.ts's LandscapeConfig). */
export interface LandscapeRace {
  readonly entrants: readonly { readonly entrant: string; readonly optimizer: OptimizerId; readonly hyper: Hyper }[];
  readonly sizes: readonly number[];
  readonly activations: readonly string[];
  readonly init: string;
  readonly batchSize: number;
  readonly epochs: number;
  readonly trainExamples: number;
  /** As formatSchedule writes it. */
  readonly schedule: string;
  readonly seed: number;
  readonly subset: number;
  readonly checkpointEvery: number;
  /** The entrant whose final weights centre a random plane. */
  readonly center: string | null;
}

/** Which iteration each path ends at: "paths to iteration 32", or per entrant when they differ (a pause, a divergence). */
function shownIterations(data: LandscapeData, race: LandscapeRace): string {
  const ends = data.runs.map((r) => r.iterations[r.iterations.length - 1] ?? 0);
  if (ends.every((e) => e === ends[0])) return `paths to iteration ${ends[0]}`;
  return `paths to iteration ${ends.map((e, i) => `${e} (${getOptimizer(race.entrants[i].optimizer).name})`).join(', ')}`;
}

/** The figure of a computed landscape: the CLI's --out and the app's panel and exports. */
export function landscapeFigureSpec(data: LandscapeData, race: LandscapeRace, width: number): LandscapeFigureSpec {
  const n = data.axes.alpha.length;
  return {
    directions: data.directions,
    explained: data.explained,
    alpha: data.axes.alpha,
    beta: data.axes.beta,
    loss: data.loss,
    centerLabel: data.directions === 'pca' ? 'θ0' : `${getOptimizer(race.entrants.find((e) => e.entrant === race.center)?.optimizer ?? race.entrants[0].optimizer).name}'s final weights`,
    lineAlpha: data.line[0]?.alpha ?? [0, 1],
    runs: data.runs.map((run, i) => {
      const e = race.entrants[i];
      const opt = getOptimizer(e.optimizer);
      return { id: e.entrant, name: opt.name, detail: hyperText(opt.hyper, e.hyper), look: LOOKS[e.optimizer], path: run.path, line: data.line[i].loss };
    }),
    subset: race.subset,
    every: race.checkpointEvery,
    config:
      `Network ${race.sizes.join('-')} (${race.activations.join(', ')}), ${race.init}, batch ${race.batchSize}, ${race.epochs} epoch(s) on ` +
      `${race.trainExamples.toLocaleString('en-US')} training images, schedule ${race.schedule}, seed ${race.seed}; ` +
      `${data.directions === 'random' ? `random directions from seed ${race.seed}, ` : ''}grid ${n}×${n}; ${shownIterations(data, race)}.`,
    width,
  };
}

export const WIDE = 720;
const PAD = 16;
const CAPTION = 11;
const LINE_H = 14;
const AXIS_GAP = 58;
/** Extra room between the plane and the loss line's y-axis title, so the title does not crowd the contours. */
const PANEL_GAP = 24;
const n1 = (v: number): string => String(Math.round(v * 10) / 10);
const pct = (r: number): string => `${(100 * r).toFixed(1)} %`;

/** The sampled loss as a contour grid (math/grid.ts's layout: values[j·nx + i] at (alpha[i], beta[j])). */
export function landscapeGrid(spec: Pick<LandscapeFigureSpec, 'alpha' | 'beta' | 'loss'>): Grid {
  const values = Float64Array.from(spec.loss, (v) => (Number.isFinite(v) ? v : NaN));
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const { alpha, beta } = spec;
  return { nx: alpha.length, ny: beta.length, domain: { x: [alpha[0], alpha[alpha.length - 1]], y: [beta[0], beta[beta.length - 1]] }, values, min, max };
}

export function axisNames(spec: Pick<LandscapeFigureSpec, 'directions' | 'explained'>): readonly [string, string] {
  if (spec.directions === 'pca' && spec.explained) {
    return [`α (PC1, ${pct(spec.explained[0])} of the variance)`, `β (PC2, ${pct(spec.explained[1])})`];
  }
  return ['α (random filter-normalized direction d1)', 'β (random filter-normalized direction d2)'];
}

export function landscapeTitle(spec: Pick<LandscapeFigureSpec, 'directions'>): string {
  return spec.directions === 'pca' ? 'MNIST loss landscape: the PCA plane of the training paths' : 'MNIST loss landscape: a random filter-normalized plane';
}

export function landscapeCaption(spec: Pick<LandscapeFigureSpec, 'directions' | 'centerLabel' | 'subset' | 'every'>): string {
  const plane = spec.directions === 'pca' ? 'θ0 + α·d1 + β·d2 (d1, d2: the top two principal directions of all checkpoints θ − θ0)' : `${spec.centerLabel} + α·d1 + β·d2`;
  return (
    `Contours: cross-entropy on the plane ${plane}, over the first ${spec.subset.toLocaleString('en-US')} validation images. ` +
    `Paths: each run's checkpoints (${spec.every === 1 ? 'after every update' : `every ${spec.every} updates`}) projected onto the plane by least squares; a checkpoint's own loss ` +
    'can differ from the loss on the plane at its projection' +
    (spec.directions === 'random' ? ' (random directions are nearly orthogonal to the paths, so the paths project close to the centre)' : '') +
    '. Right: the loss along the straight line from θ0 (α = 0) to each run\'s final weights (α = 1).'
  );
}

interface Layout {
  readonly height: number;
  readonly header: { readonly title: string; readonly lines: readonly string[] };
  readonly plane: PlotBox;
  readonly line: PlotBox;
  readonly legend: { readonly x: number; readonly y: number; readonly width: number };
  readonly bar: PlotBox;
}

function layout(spec: LandscapeFigureSpec): Layout {
  const w = spec.width;
  const font = { size: CAPTION };
  const lines = [...wrapText(landscapeCaption(spec), w - 2 * PAD, font), ...wrapText(spec.config, w - 2 * PAD, font)];
  const top = PAD + 20 + lines.length * LINE_H + 12;
  if (w >= WIDE) {
    const side = Math.round(Math.min(0.53 * w, 520));
    const plane = { left: PAD + AXIS_GAP, top, width: side, height: side };
    const colLeft = plane.left + side + PANEL_GAP + AXIS_GAP;
    const colW = w - colLeft - PAD;
    const legendH = legendHeight(legendEntries(spec, colW));
    const line = { left: colLeft, top, width: colW, height: Math.round(side * 0.42) };
    const legendY = line.top + line.height + 62;
    const bar = { left: colLeft + 34, top: Math.max(legendY + legendH + 8, top + side - 12), width: colW - 34, height: 12 };
    return { height: Math.max(top + side + 44, bar.top + 40) + PAD, header: { title: landscapeTitle(spec), lines }, plane, line, legend: { x: colLeft, y: legendY, width: colW }, bar };
  }
  const side = w - 2 * PAD - AXIS_GAP + 8;
  const plane = { left: PAD + AXIS_GAP - 8, top, width: side, height: side };
  const line = { left: plane.left, top: plane.top + side + 60, width: side, height: Math.round(side * 0.55) };
  const bar = { left: PAD + 34, top: line.top + line.height + 56, width: w - 2 * PAD - 34, height: 12 };
  const legendY = bar.top + 44;
  const legendH = legendHeight(legendEntries(spec, w - 2 * PAD));
  return { height: legendY + legendH + PAD, header: { title: landscapeTitle(spec), lines }, plane, line, legend: { x: PAD, y: legendY, width: w - 2 * PAD }, bar };
}

/** The height the figure takes at spec.width. */
export const landscapeFigureHeight = (spec: LandscapeFigureSpec): number => layout(spec).height;

/** Where the plane panel is and how (α, β) maps into it (the app's hover uses this). */
export function planeProjection(spec: LandscapeFigureSpec): Projection {
  return projection(landscapeGrid(spec).domain, layout(spec).plane);
}

function axes(p: Projection, names: readonly [string, string]): string {
  const { box } = p;
  const bottom = box.top + box.height;
  let out = `<rect class="a" x="${n1(box.left)}" y="${n1(box.top)}" width="${n1(box.width)}" height="${n1(box.height)}"/>`;
  const ticks = axisTicks(p);
  for (const t of ticks.x) {
    out += `<path class="a" d="M${n1(t.at)},${n1(bottom)}v5"/>`;
    out += text({ x: t.at, y: bottom + 17, size: 11, anchor: 'middle' }, t.label, 't n');
  }
  for (const t of ticks.y) {
    out += `<path class="a" d="M${n1(box.left)},${n1(t.at)}h-5"/>`;
    out += text({ x: box.left - 8, y: t.at + 4, size: 11, anchor: 'end' }, t.label, 't n');
  }
  out += text({ x: box.left + box.width / 2, y: bottom + 33, size: 12, anchor: 'middle' }, names[0], 't');
  const yx = box.left - AXIS_GAP + 12;
  const yy = box.top + box.height / 2;
  out += text({ x: yx, y: yy, size: 12, anchor: 'middle' }, names[1], 't', ` transform="rotate(-90 ${n1(yx)} ${n1(yy)})"`);
  return out;
}

function planePanel(spec: LandscapeFigureSpec, box: PlotBox): string {
  const grid = landscapeGrid(spec);
  const mode = autoLevels(grid);
  const levels = contourLevels(grid.min, grid.max, mode);
  const colours = bandColours(levels.length);
  const p = projection(grid.domain, box);
  let out = `<g clip-path="url(#opl-plane)"><rect x="${n1(box.left)}" y="${n1(box.top)}" width="${n1(box.width)}" height="${n1(box.height)}" fill="${colours[0]}"/>`;
  bandPaths(contourBands(grid, levels), grid, box).forEach((band, i) => {
    if (band.d !== '') out += `<path class="b" fill="${colours[i + 1]}" d="${band.d}"/>`;
  });
  out += '</g>';
  out += axes(p, axisNames(spec));
  const start = spec.runs[0]?.path[0];
  if (start) out += `<g class="start">${glyphSvg(START_GLYPH, p.x(start[0]), p.y(start[1]))}</g>`;
  for (const run of spec.runs) {
    if (run.path.length === 0) continue;
    const path = pixelPath(run.path.map((q) => q[0]), run.path.map((q) => q[1]), p.x, p.y);
    const dash = run.look.dash === '' ? '' : ` stroke-dasharray="${run.look.dash}"`;
    const last = run.path.length - 1;
    out +=
      `<g data-entrant="${escapeXml(run.id)}"><path class="p" clip-path="url(#opl-plane)" stroke="${run.look.color}"${dash} d="${polylineD(path.px, path.py)}"/>` +
      `${glyphSvg(runGlyph(run.look.marker, run.look.color, RUN_MARKER_R), path.px[last], path.py[last], ' class="m"')}</g>`;
  }
  return out;
}

function linePanel(spec: LandscapeFigureSpec, box: PlotBox): string {
  let lo = Infinity;
  let hi = -Infinity;
  for (const run of spec.runs) {
    for (let i = 0; i < run.line.length; i++) {
      const v = run.line[i];
      if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
    }
  }
  if (!(hi > lo)) [lo, hi] = Number.isFinite(lo) ? [lo - 1, lo + 1] : [0, 1];
  const a = spec.lineAlpha;
  const p = projection({ x: [a[0], a[a.length - 1]], y: [lo - 0.05 * (hi - lo), hi + 0.05 * (hi - lo)] }, box);
  let out = axes(p, ['α along the line θ0 → final weights', 'loss']);
  for (const [at, label] of [[0, 'θ0'], [1, 'final']] as const) {
    out += `<path class="a" stroke-dasharray="3 3" d="M${n1(p.x(at))},${n1(box.top)}V${n1(box.top + box.height)}"/>`;
    out += text({ x: p.x(at) + 3, y: box.top + 12, size: 10, anchor: 'start' }, label, 't');
  }
  for (const run of spec.runs) {
    const path = pixelPath(a, run.line, p.x, p.y);
    const dash = run.look.dash === '' ? '' : ` stroke-dasharray="${run.look.dash}"`;
    out += `<path class="p" clip-path="url(#opl-line)" data-entrant="${escapeXml(run.id)}" stroke="${run.look.color}"${dash} d="${polylineD(path.px, path.py)}"/>`;
  }
  return out;
}

const LEGEND_FONT = { name: { size: 12, bold: true }, value: { size: 11 }, detail: { size: 10 } } as const;
/** Room left of a legend entry's text for its line and marker. */
const LEGEND_INDENT = 32;
const NAME_LINE = 14;
const LEGEND_LINE = 13;

interface LegendEntry {
  readonly name: readonly string[];
  readonly value: readonly string[];
  readonly detail: readonly string[];
}

/** Each run's legend text, wrapped (never cut: its numbers must stay whole) to a legend `width` px wide. */
function legendEntries(spec: LandscapeFigureSpec, width: number): LegendEntry[] {
  const room = width - LEGEND_INDENT;
  return spec.runs.map((run) => {
    const end = run.path[run.path.length - 1];
    const value = end ? `final loss ${formatNumber(end[3])}, on the plane ${formatNumber(end[2])}` : 'no finite checkpoint';
    return { name: wrapText(run.name, room, LEGEND_FONT.name), value: wrapText(value, room, LEGEND_FONT.value), detail: wrapText(run.detail, room, LEGEND_FONT.detail) };
  });
}

const entryHeight = (e: LegendEntry): number => NAME_LINE * e.name.length + LEGEND_LINE * (e.value.length + e.detail.length) + 4;
const legendHeight = (entries: readonly LegendEntry[]): number => entries.reduce((h, e) => h + entryHeight(e), 0);

function legend(spec: LandscapeFigureSpec, at: Layout['legend']): string {
  let out = '';
  let y = at.y;
  legendEntries(spec, at.width).forEach((entry, i) => {
    const run = spec.runs[i];
    const dash = run.look.dash === '' ? '' : ` stroke-dasharray="${run.look.dash}"`;
    out += `<path class="p" stroke="${run.look.color}"${dash} d="M${n1(at.x)},${n1(y - 4)}h24"/>`;
    out += glyphSvg(runGlyph(run.look.marker, run.look.color, LEGEND_MARKER_R), at.x + 12, y - 4);
    const x = at.x + LEGEND_INDENT;
    let line = y;
    const lines = (texts: readonly string[], size: number, cls: string, step: number) => {
      for (const t of texts) {
        out += text({ x, y: line, size, anchor: 'start' }, t, cls);
        line += step;
      }
    };
    lines(entry.name, LEGEND_FONT.name.size, 'k', NAME_LINE);
    lines(entry.value, LEGEND_FONT.value.size, 't n', LEGEND_LINE);
    lines(entry.detail, LEGEND_FONT.detail.size, 'd', LEGEND_LINE);
    y += entryHeight(entry);
  });
  return out;
}

function bar(spec: LandscapeFigureSpec, box: PlotBox): string {
  const grid = landscapeGrid(spec);
  const mode = autoLevels(grid);
  const b = colourBar(grid.min, grid.max, mode, contourLevels(grid.min, grid.max, mode), box.width);
  const w = box.width / b.colours.length;
  let out = text({ x: box.left - 6, y: box.top + 10, size: 11, anchor: 'end' }, 'loss', 't');
  b.colours.forEach((c, rank) => (out += `<rect x="${n1(box.left + rank * w)}" y="${n1(box.top)}" width="${n1(w + 0.05)}" height="${n1(box.height)}" fill="${c}"/>`));
  out += `<rect class="a" x="${n1(box.left)}" y="${n1(box.top)}" width="${n1(box.width)}" height="${n1(box.height)}"/>`;
  for (const t of b.ticks) {
    const x = box.left + t.at * box.width;
    out += `<path class="a" d="M${n1(x)},${n1(box.top + box.height)}v3"/>`;
    // As figure.ts places them: shifted left by the same fraction of their width.
    out += text({ x: x - t.at * textWidth(t.label, { size: 11 }), y: box.top + box.height + 14, size: 11, anchor: 'start' }, t.label, 't n');
  }
  return out;
}

function description(spec: LandscapeFigureSpec): string {
  const grid = landscapeGrid(spec);
  const runs = spec.runs
    .map((r) => {
      const end = r.path[r.path.length - 1];
      return end ? `${r.name} (${r.detail}) ends at α ${formatNumber(end[0])}, β ${formatNumber(end[1])} with loss ${formatNumber(end[3])} (${formatNumber(end[2])} on the plane)` : `${r.name}: no finite checkpoint`;
    })
    .join('; ');
  return (
    `${landscapeTitle(spec)}. ${landscapeCaption(spec)} α from ${formatNumber(grid.domain.x[0])} to ${formatNumber(grid.domain.x[1])}, β from ` +
    `${formatNumber(grid.domain.y[0])} to ${formatNumber(grid.domain.y[1])}, loss on the grid from ${formatNumber(grid.min)} to ${formatNumber(grid.max)}. ${runs}. ${spec.config}`
  );
}

export function landscapeFigureSvg(spec: LandscapeFigureSpec): string {
  if (!(Number.isInteger(spec.width) && spec.width >= 320 && spec.width <= 4000)) throw new RangeError(`figure width must be a whole number of pixels from 320 to 4000, got ${spec.width}`);
  if (spec.alpha.length < 2 || spec.beta.length < 2) throw new RangeError('the loss grid needs at least 2 × 2 samples');
  const l = layout(spec);
  const { width } = spec;
  const clip = (id: string, b: PlotBox) => `<clipPath id="${id}"><rect x="${n1(b.left)}" y="${n1(b.top)}" width="${n1(b.width)}" height="${n1(b.height)}"/></clipPath>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${l.height}" width="${width}" height="${l.height}" role="img" aria-labelledby="opl-title opl-desc">` +
    `<title id="opl-title">${escapeXml(l.header.title)}</title><desc id="opl-desc">${escapeXml(description(spec))}</desc><style>${STYLE}</style>` +
    `<defs>${clip('opl-plane', l.plane)}${clip('opl-line', l.line)}</defs><rect width="${width}" height="${l.height}" fill="#fff"/>` +
    text({ x: PAD, y: PAD + 14, size: 15, anchor: 'start' }, l.header.title, 'h') +
    l.header.lines.map((line, i) => text({ x: PAD, y: PAD + 34 + i * LINE_H, size: CAPTION, anchor: 'start' }, line, 'd')).join('') +
    planePanel(spec, l.plane) +
    linePanel(spec, l.line) +
    legend(spec, l.legend) +
    bar(spec, l.bar) +
    '</svg>\n'
  );
}

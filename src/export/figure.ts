/**
 * The exported figure: one self-contained SVG string built from plain data (FigureSpec), used unchanged by
 * the app's "Export SVG" and PNG, the embed page and the Node `render` CLI. It is the SVG-string renderer
 * of src/render's geometry: the app's canvas and SVG layers draw the same projection, decimated paths,
 * marker glyphs, contour bands, band colours and colour-bar ticks. Pure and deterministic: the same spec
 * gives the same bytes (no ids from counters, no dates, coordinates rounded to 0.1 px).
 *
 * Contents (placed by figure-layout.ts): <title>/<desc>; title, the iteration shown ("iteration 300 of
 * 3000") and the expression; per panel (one for overlaid runs, one per run in small multiples) filled
 * contour bands with their edges, the known minima (or the lowest sample of a typed surface) marked, the
 * start marked and labelled "start", every trajectory up to playback iteration k in its run's look
 * (colour, dash) ending in its marker glyph, axes with round ticks; a legend (overlay) or panel captions
 * (small multiples) with each run's name, hyperparameters and value: iterations to the target in the
 * scoreboard's wording (race-status.ts), or f at iteration k when no target is set; the colour bar with
 * round-number ticks; with the curvature lens on, its cross and ellipse at its point and its caption under the
 * expression (the full reading in <desc>). Styles live in one internal <style>; no scripts, no external references, no fonts
 * beyond generic families. Every user-controlled string goes through escapeXml.
 */
import type { Grid } from '../math/grid.ts';
import type { OptimizerId } from '../optim/types.ts';
import { axisTicks } from '../render/axis-ticks.ts';
import { colourBar } from '../render/colour-bar.ts';
import { BAND_EDGE, bandColours } from '../render/colour-scale.ts';
import { bandPaths, contourBands } from '../render/contour-bands.ts';
import type { LevelMode } from '../render/contour-levels.ts';
import { MINIMUM_LABEL, START_LABEL, markerLabel } from '../render/marker-label.ts';
import { COMPACT_MARKER_R, LEGEND_MARKER_R, MINIMUM_GLYPH, RUN_MARKER_R, START_GLYPH, runGlyph, type Glyph } from '../render/markers.ts';
import { PATH_WIDTH, type OptimizerLook } from '../render/palette.ts';
import { FAINT_PATH } from '../render/trajectory-canvas.ts';
import { decimate, pixelPath, type PixelPath } from '../render/pixel-path.ts';
import { projection, type PlotBox, type Projection } from '../render/projection.ts';
import { formatNumber, outcomeAt, outcomeText, outcomeTexts, shownIndex, type RecordedRun } from '../render/race-status.ts';
import { inspectorMarks, inspectorSvg, type InspectorData } from '../render/inspector-marks.ts';
import { lensMarks, lensSvg } from '../render/curvature-marks.ts';
import type { LensReading } from '../render/curvature-lens.ts';
import { outlineD, polylineD } from '../render/svg-path.ts';
import { textWidth } from '../render/text-width.ts';
import { ANIMATED, animationCss, dashLength, endClass, maskClass, type DrawTrack } from './animated.ts';
import { escapeXml } from './escape.ts';
import { figureLayout, TICK_FONT, X_NAME_BASELINE, X_TICK_BASELINE, Y_TICK_GAP, type FigureLayout, type PanelLayout, type TextAt } from './figure-layout.ts';

export interface FigureRun extends RecordedRun {
  readonly optimizer: OptimizerId;
  /** The entrant's label, unique within the race: 'adam', 'adam#2', 'adam:lr=0.1'. */
  readonly id: string;
  /** Display name, e.g. 'Adam', 'Adam #2', 'Adam lr=0.1'. */
  readonly name: string;
  /** Its hyperparameters in one line, e.g. 'lr=0.1 β=0.9' (render/hyper-text.ts). */
  readonly detail: string;
  readonly look: OptimizerLook;
  /** Over several noise seeds: every seed's path, drawn faint under the median run's (this one). */
  readonly seeds?: readonly { readonly seed: number; readonly xs: ArrayLike<number>; readonly ys: ArrayLike<number> }[];
  readonly medianSeed?: number | null;
}

export interface FigureSpec {
  /** The update inspector's marks for one run (its index in runs), drawn only at iteration k (they hold for no other). */
  readonly inspector?: { readonly run: number; readonly k: number; readonly data: InspectorData };
  /**
   * The curvature lens (render/lens-point.ts): its reading, drawn at its point in every panel when it reads
   * at the start (run null), else only in its run's panel and only at iteration k; its caption line.
   */
  readonly lens?: { readonly run: number | null; readonly k: number; readonly reading: LensReading; readonly caption: string };
  /** Heading, e.g. the surface title. */
  readonly title: string;
  /** The expression f(x, y) as typed. */
  readonly expr: string;
  /** The surface sampled over the plot domain (grid.domain is the plot's extent). */
  readonly grid: Grid;
  /** Contour levels, ascending, and how they were spaced. */
  readonly levels: readonly number[];
  readonly levelMode: LevelMode;
  readonly runs: readonly FigureRun[];
  /** Loss target; null = no target set (the legend then shows f at iteration k). */
  readonly target: number | null;
  /** Playback iteration shown, and the race's budget. */
  readonly k: number;
  readonly steps: number;
  readonly start: readonly [number, number];
  /** Points marked with the minimum glyph; the first is labelled minimumLabel. */
  readonly minima: readonly (readonly [number, number])[];
  readonly minimumLabel: string;
  /** The names of the x and y axes (default x, y; the linear-regression surface's w, b). */
  readonly axes?: readonly [string, string];
  /** Overlaid runs in one plot, or small multiples (one panel per run). */
  readonly layout: 'overlay' | 'grid';
  readonly width: number;
  readonly height: number;
}

export interface FigureOptions {
  /** Draw-in animation length in seconds; absent = static figure. */
  readonly animateSeconds?: number;
}

export const MIN_WIDTH = 480;
export const MIN_HEIGHT = 300;
export const MAX_SIDE = 4000;

const n1 = (v: number): string => String(Math.round(v * 10) / 10);
export const FONT = 'system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif';

export const STYLE =
  `text{font-family:${FONT};fill:#222}` +
  '.h{font-weight:600}.e{font-family:ui-monospace,Menlo,Consolas,monospace;fill:#444}.k{font-weight:600}' +
  '.t{fill:#444}.d{fill:#555}.n{font-variant-numeric:tabular-nums}' +
  `.b{stroke:${BAND_EDGE.stroke};stroke-opacity:${BAND_EDGE.opacity};stroke-width:${BAND_EDGE.width}}` +
  `.a{stroke:#333;stroke-width:1;fill:none}.p{fill:none;stroke-width:${PATH_WIDTH};stroke-linejoin:round;stroke-linecap:round}` +
  '.l{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}';

function checkSpec(spec: FigureSpec): void {
  const { width, height, grid } = spec;
  for (const [name, v, min] of [['width', width, MIN_WIDTH], ['height', height, MIN_HEIGHT]] as const) {
    if (!Number.isInteger(v) || v < min || v > MAX_SIDE) {
      throw new RangeError(`figure ${name} must be a whole number of pixels from ${min} to ${MAX_SIDE}, got ${v}`);
    }
  }
  if (grid.nx < 2 || grid.ny < 2) throw new RangeError('the surface grid needs at least 2 × 2 samples');
}

/** What a run's value says at iteration k: its iterations to the target (reached and stayed), or f there when no target is set. */
function runValue(run: FigureRun, k: number, target: number | null): string {
  const o = outcomeAt(run, k, target);
  return o.kind === 'no-target' ? formatNumber(run.losses[shownIndex(run, k)]) : outcomeText(o);
}

function legendHeading(target: number | null): string {
  return target === null ? 'no target set: f shown' : `iterations until f − f* stays ≤ ${formatNumber(target)}`;
}

/** The widest text runValue gives this run at any iteration (f is reserved as wide as formatNumber writes). */
function valueSample(run: RecordedRun, target: number | null): string {
  const texts = [...(target === null ? ['−8.888e-88'] : []), ...outcomeTexts(run, target)];
  return texts.reduce((a, b) => (textWidth(b, { size: 11 }) > textWidth(a, { size: 11 }) ? b : a));
}

const iterationText = (k: number, steps: number): string => `iteration ${k} of ${steps}`;

/** What the layout depends on: everything but the sampled surface and the iteration shown. */
export type LayoutFields = Pick<FigureSpec, 'width' | 'height' | 'layout' | 'title' | 'expr' | 'target' | 'steps' | 'lens'> & {
  readonly domain: Grid['domain'];
  readonly runs: readonly (RecordedRun & Pick<FigureRun, 'name' | 'detail'>)[];
};

/** Where everything goes (figure-layout.ts); figureSpecForView sizes the grid by it, tests check it. */
export function layoutOf(spec: LayoutFields): FigureLayout {
  return figureLayout({
    width: spec.width,
    height: spec.height,
    layout: spec.layout,
    title: spec.title,
    expr: spec.expr,
    domain: spec.domain,
    runs: spec.runs.map((r) => ({ name: r.name, detail: r.detail, valueSample: valueSample(r, spec.target) })),
    metaSample: iterationText(spec.steps, spec.steps),
    heading: legendHeading(spec.target),
    barCaption: 'f',
    ...(spec.lens ? { note: spec.lens.caption } : {}),
  });
}

export function text(t: TextAt, content: string, cls: string, extra = ''): string {
  const anchor = t.anchor === 'start' ? '' : ` text-anchor="${t.anchor}"`;
  return `<text class="${cls}" x="${n1(t.x)}" y="${n1(t.y)}" font-size="${t.size}"${anchor}${extra}>${escapeXml(content)}</text>`;
}

export function glyphSvg(glyph: Glyph, x: number, y: number, attrs = ''): string {
  return glyph
    .map((part) => {
      const stroke = part.stroke === null ? '' : ` stroke="${part.stroke}" stroke-width="${part.strokeWidth}"`;
      return `<path${attrs} fill="${part.fill ?? 'none'}"${stroke} d="${outlineD(part.outline, x, y)}"/>`;
    })
    .join('');
}

const rect = (b: PlotBox, attrs: string): string => `<rect x="${n1(b.left)}" y="${n1(b.top)}" width="${n1(b.width)}" height="${n1(b.height)}"${attrs}/>`;
const inflate = (b: PlotBox, by: number): PlotBox => ({ left: b.left - by, top: b.top - by, width: b.width + 2 * by, height: b.height + 2 * by });
/** A panel's title in its run's colour (as the app's small multiples do; SGD's black as near-black). */
const titleColour = (look: OptimizerLook): string => (look.color === '#000000' ? '#111' : look.color);

interface Panel {
  readonly layout: PanelLayout;
  readonly index: number;
  readonly proj: Projection;
  /** The projected path of each run drawn in this panel, by run index. */
  readonly paths: ReadonlyMap<number, PixelPath>;
  /** Its other seeds' projected paths (drawn faint), by run index. */
  readonly faint: ReadonlyMap<number, readonly PixelPath[]>;
}

function panelStatic(spec: FigureSpec, p: Panel, bands: ReturnType<typeof contourBands>, colours: readonly string[]): string {
  const { box, minimumLabel, axisNames, xTickLabels, yTickLabels } = p.layout;
  let out = `<g clip-path="url(#opf-plot${p.index})">${rect(box, ` fill="${colours[0]}"`)}`;
  bandPaths(bands, spec.grid, box).forEach((band, i) => {
    if (band.d !== '') out += `<path class="b" fill="${colours[i + 1]}" d="${band.d}"/>`;
  });
  for (const m of spec.minima) out += glyphSvg(MINIMUM_GLYPH, p.proj.x(m[0]), p.proj.y(m[1]));
  out += '</g>';
  const first = spec.minima[0];
  const label = minimumLabel && first ? markerLabel(spec.minimumLabel, p.proj.x(first[0]), p.proj.y(first[1]), MINIMUM_LABEL, box) : null;
  if (label) out += text({ ...label, size: MINIMUM_LABEL.font.size }, label.text, 'l');
  // Axes: the frame, tick marks on every panel, labels where the layout asks for them.
  const bottom = box.top + box.height;
  out += rect(box, ' class="a"');
  const ticks = axisTicks(p.proj);
  for (const t of ticks.x) {
    out += `<path class="a" d="M${n1(t.at)},${n1(bottom)}v5"/>`;
    if (xTickLabels) out += text({ x: t.at, y: bottom + X_TICK_BASELINE, size: TICK_FONT, anchor: 'middle' }, t.label, 't n');
  }
  let labelW = 0;
  for (const t of ticks.y) {
    out += `<path class="a" d="M${n1(box.left)},${n1(t.at)}h-5"/>`;
    if (yTickLabels) out += text({ x: box.left - Y_TICK_GAP, y: t.at + 4, size: TICK_FONT, anchor: 'end' }, t.label, 't n');
    labelW = Math.max(labelW, textWidth(t.label, { size: TICK_FONT }));
  }
  if (axisNames) {
    out += text({ x: box.left + box.width / 2, y: bottom + X_NAME_BASELINE, size: 12, anchor: 'middle' }, spec.axes?.[0] ?? 'x', 't', ' font-style="italic"');
    out += text({ x: box.left - Y_TICK_GAP - labelW - 6, y: box.top + box.height / 2 + 4, size: 12, anchor: 'end' }, spec.axes?.[1] ?? 'y', 't', ' font-style="italic"');
  }
  const title = p.layout.title;
  if (title) out += text(title, title.text, 'k', ` fill="${titleColour(spec.runs[p.layout.runs[0]].look)}"`);
  return out;
}

function colourBarMarkup(spec: FigureSpec, layout: FigureLayout): string {
  const { box, caption, tickY, tickSize } = layout.bar;
  const bar = colourBar(spec.grid.min, spec.grid.max, spec.levelMode, spec.levels, box.width);
  const w = box.width / bar.colours.length;
  let out = text(caption, caption.text, 't');
  bar.colours.forEach((c, rank) => (out += rect({ left: box.left + rank * w, top: box.top, width: w + 0.05, height: box.height }, ` fill="${c}"`)));
  out += rect(box, ' class="a"');
  for (const t of bar.ticks) {
    const x = box.left + t.at * box.width;
    // Shifted left by the same fraction of its width: the first label starts at the bar's edge, the last ends there.
    const lw = textWidth(t.label, { size: tickSize });
    out += `<path class="a" d="M${n1(x)},${n1(box.top + box.height)}v3"/>`;
    out += text({ x: x - t.at * lw, y: tickY, size: tickSize, anchor: 'start' }, t.label, 't n');
  }
  return out;
}

function legendStatic(spec: FigureSpec, layout: FigureLayout): string {
  const { heading, entries } = layout.legend;
  let out = text(heading, heading.text, 't');
  entries.forEach((e, i) => {
    const look = spec.runs[i].look;
    const dash = look.dash === '' ? '' : ` stroke-dasharray="${look.dash}"`;
    out += `<path class="p" stroke="${look.color}"${dash} d="M${n1(e.sample.x)},${n1(e.sample.y)}h${e.sample.width}"/>`;
    out += glyphSvg(runGlyph(look.marker, look.color, LEGEND_MARKER_R), e.sample.x + e.sample.width / 2, e.sample.y);
    out += text(e.name, e.name.text, 'k');
    e.detail.lines.forEach((line, j) => (out += text({ ...e.detail, y: e.detail.y + j * e.detail.lineHeight }, line, 'd')));
  });
  return out;
}

/** Drawn length through iteration m along the path's kept vertices (the animation's clock). */
function drawTrack(path: PixelPath, at: readonly number[], last: number): DrawTrack {
  const cum = [0];
  for (let j = 1; j < at.length; j++) cum.push(cum[j - 1] + Math.hypot(path.px[at[j]] - path.px[at[j - 1]], path.py[at[j]] - path.py[at[j - 1]]));
  return {
    last,
    lengthAt(m) {
      const mm = Math.max(0, Math.min(last, Math.floor(m)));
      let j = 0;
      while (j + 1 < at.length && at[j + 1] <= mm) j++;
      return cum[j] + Math.hypot(path.px[mm] - path.px[at[j]], path.py[mm] - path.py[at[j]]);
    },
  };
}

function trajectoriesMarkup(spec: FigureSpec, panels: readonly Panel[], k: number, animated: boolean): { markup: string; defs: string; tracks: DrawTrack[] } {
  let defs = '';
  let out = '';
  const tracks: DrawTrack[] = [];
  for (const p of panels) {
    const r = p.layout.compact ? COMPACT_MARKER_R : RUN_MARKER_R;
    for (const i of p.layout.runs) {
      const run = spec.runs[i];
      const { look } = run;
      const path = p.paths.get(i)!;
      const last = shownIndex(run, k);
      const at = decimate(path, 0, last);
      const d = polylineD(path.px, path.py, at);
      const dash = look.dash === '' ? '' : ` stroke-dasharray="${look.dash}"`;
      let mask = '';
      if (animated) {
        const track = drawTrack(path, at, last);
        tracks.push(track);
        const len = dashLength(track);
        defs += `<mask id="opf-mask${i}" maskUnits="userSpaceOnUse" x="0" y="0" width="${spec.width}" height="${spec.height}">`;
        defs += `<path class="${ANIMATED} ${maskClass(i)}" d="${d}" fill="none" stroke="#fff" stroke-width="9" stroke-linecap="round" stroke-linejoin="round" stroke-dasharray="${len} ${len}"/></mask>`;
        mask = ` mask="url(#opf-mask${i})"`;
      }
      const endCls = ` class="m${animated ? ` ${ANIMATED} ${endClass(i)}` : ''}" clip-path="url(#opf-mark${p.index})"`;
      let faint = '';
      for (const f of p.faint.get(i) ?? []) {
        const fd = polylineD(f.px, f.py, decimate(f, 0, Math.min(k, f.px.length - 1)));
        faint += `<path class="f" clip-path="url(#opf-plot${p.index})" fill="none" stroke="${look.color}" stroke-width="${FAINT_PATH.width}" stroke-opacity="${FAINT_PATH.opacity}" d="${fd}"/>`;
      }
      out +=
        `<g data-optimizer="${run.optimizer}" data-entrant="${escapeXml(run.id)}">${faint}<path class="p" clip-path="url(#opf-plot${p.index})" stroke="${look.color}"${dash}${mask} d="${d}"/>` +
        `${glyphSvg(runGlyph(look.marker, look.color, r), path.px[last], path.py[last], endCls)}</g>`;
    }
    const insp = spec.inspector;
    if (insp && insp.k === k && p.layout.runs.includes(insp.run)) {
      out += `<g class="inspector" clip-path="url(#opf-plot${p.index})">${inspectorSvg(inspectorMarks(insp.data, p.proj))}</g>`;
    }
    const lens = spec.lens;
    if (lens && (lens.run === null || (lens.k === k && p.layout.runs.includes(lens.run)))) {
      const marks = lensMarks(lens.reading, lens.reading.at, p.proj);
      if (marks) out += `<g class="lens" clip-path="url(#opf-plot${p.index})">${lensSvg(marks)}</g>`;
    }
    const sx = p.proj.x(spec.start[0]);
    const sy = p.proj.y(spec.start[1]);
    out += `<g class="start" clip-path="url(#opf-mark${p.index})">${glyphSvg(START_GLYPH, sx, sy)}</g>`;
    const label = p.layout.startLabel ? markerLabel('start', sx, sy, START_LABEL, p.layout.box) : null;
    if (label) out += text({ ...label, size: START_LABEL.font.size }, label.text, 'l k');
  }
  return { markup: out, defs, tracks };
}

function valuesMarkup(spec: FigureSpec, layout: FigureLayout, k: number): string {
  let out = text(layout.meta, iterationText(k, spec.steps), 't n');
  layout.legend.entries.forEach((e, i) => (out += text(e.value, runValue(spec.runs[i], k, spec.target), 't n')));
  return out;
}

function description(spec: FigureSpec, k: number): string {
  const [x0, x1] = spec.grid.domain.x;
  const [y0, y1] = spec.grid.domain.y;
  const results = spec.runs.map((r) => `${r.name}: ${runValue(r, k, spec.target)}${r.detail === "" ? "" : ` (${r.detail})`}`).join('; ');
  const values = spec.target === null ? `No target is set; f at iteration ${k}` : `Iterations until f − f* stays ≤ ${formatNumber(spec.target)} (reached and stayed)`;
  const minima = spec.minima.map((m) => `(${formatNumber(m[0])}, ${formatNumber(m[1])})`).join(', ');
  return (
    `Filled contour plot of f(x, y) = ${spec.expr} for x from ${formatNumber(x0)} to ${formatNumber(x1)} and y from ` +
    `${formatNumber(y0)} to ${formatNumber(y1)}, with the paths of ${spec.runs.length} ${spec.runs.length === 1 ? 'entrant' : 'entrants'} starting at ` +
    `(${formatNumber(spec.start[0])}, ${formatNumber(spec.start[1])})${spec.layout === 'grid' ? ', one panel per entrant' : ''}, ` +
    `shown at iteration ${k} of ${spec.steps}.${minima === '' ? '' : ` Marked ${spec.minimumLabel}: ${minima}.`} ` +
    `${values}: ${results === '' ? 'no entrants' : results}.` +
    (spec.lens ? ` ${spec.lens.caption}. ${spec.lens.reading.sentences.join(' ')}` : '')
  );
}

/**
 * A renderer for one spec at any playback iteration: the header, contours, axes, captions, legend and
 * colour bar are built once, the trajectories, markers and values per call (the embed page's playback
 * uses this).
 */
export function figureRenderer(spec: FigureSpec, options: FigureOptions = {}): (k: number) => string {
  checkSpec(spec);
  const layout = layoutOf({ ...spec, domain: spec.grid.domain });
  const { width, height } = spec;
  const animated = options.animateSeconds !== undefined;
  const bands = contourBands(spec.grid, spec.levels);
  const colours = bandColours(spec.levels.length);
  const panels: Panel[] = layout.panels.map((pl, index) => {
    const proj = projection(spec.grid.domain, pl.box);
    const paths = new Map(pl.runs.map((i) => [i, pixelPath(spec.runs[i].xs, spec.runs[i].ys, proj.x, proj.y)] as const));
    const faint = new Map(
      pl.runs.map((i) => {
        const run = spec.runs[i];
        return [i, (run.seeds ?? []).filter((s) => s.seed !== run.medianSeed).map((s) => pixelPath(s.xs, s.ys, proj.x, proj.y))] as const;
      }),
    );
    return { layout: pl, index, proj, paths, faint };
  });
  const clips = panels
    .map((p) => `<clipPath id="opf-plot${p.index}">${rect(p.layout.box, '')}</clipPath><clipPath id="opf-mark${p.index}">${rect(inflate(p.layout.box, 8), '')}</clipPath>`)
    .join('');
  const head =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="opf-title opf-desc">` +
    `<title id="opf-title">${escapeXml(spec.title)}</title>`;
  const { expr } = layout;
  const body =
    `<rect width="${width}" height="${height}" fill="#fff"/>` +
    text(layout.title, layout.title.text, 'h') +
    expr.lines.map((line, i) => text({ ...expr, y: expr.y + i * expr.lineHeight }, line, 'e')).join('') +
    (layout.note?.lines.map((line, i) => text({ ...layout.note!, y: layout.note!.y + i * layout.note!.lineHeight }, line, 't')).join('') ?? '') +
    panels.map((p) => panelStatic(spec, p, bands, colours)).join('') +
    colourBarMarkup(spec, layout) +
    legendStatic(spec, layout);
  return (k) => {
    const traj = trajectoriesMarkup(spec, panels, k, animated);
    const css = animated ? STYLE + animationCss(traj.tracks, k, options.animateSeconds!) : STYLE;
    return (
      `${head}<desc id="opf-desc">${escapeXml(description(spec, k))}</desc><style>${css}</style>` +
      `<defs>${clips}${traj.defs}</defs>${body}${traj.markup}${valuesMarkup(spec, layout, k)}</svg>\n`
    );
  };
}

export function figureSvg(spec: FigureSpec, options: FigureOptions = {}): string {
  return figureRenderer(spec, options)(spec.k);
}


/**
 * The exported figure: one self-contained SVG string built from plain data (FigureSpec), used unchanged by
 * the app's "Export SVG", the embed page and the Node `render` CLI. Pure and deterministic: the same spec
 * gives the same bytes (no ids from counters, no dates, coordinates rounded to 0.1 px).
 *
 * Contents: <title>/<desc>; title and expression; filled contour bands with contour lines (clipped to the
 * plot); x/y axes with ticks and labels; a colour legend of the levels; every trajectory up to playback
 * iteration k, with a start ring and an end marker in its optimizer's look (colour, dash, marker shape);
 * an optimizer legend with iterations-to-target numbers (the scoreboard's wording, from race-status.ts).
 * Styles live in one internal <style>; no scripts, no external references, no fonts beyond generic
 * families. Every user-controlled string goes through escapeXml.
 */
import { ticks } from 'd3-array';
import type { Grid } from '../math/grid.ts';
import type { OptimizerId } from '../optim/types.ts';
import { LOOKS } from '../render/palette.ts';
import { bandColour, CONTOUR_STROKE } from '../render/level-colours.ts';
import { formatNumber, outcomeAt, outcomeText, shownIndex, type RecordedRun } from '../render/race-status.ts';
import { ANIMATED, animationCss, dashLength, endClass, maskClass, type DrawTrack } from './animated.ts';
import { contourBandPaths, type PlotBox } from './contour-paths.ts';
import { escapeXml } from './escape.ts';
import { markerPath } from './markers.ts';
import { pixelPath, type PixelPath } from './trajectory-path.ts';

export interface FigureRun extends RecordedRun {
  readonly optimizer: OptimizerId;
  /** Display name, e.g. 'Adam'. */
  readonly name: string;
}

export interface FigureSpec {
  /** Heading, e.g. the surface title. */
  readonly title: string;
  /** The expression f(x, y) as typed. */
  readonly expr: string;
  /** The surface sampled over the plot domain (grid.domain is the plot's extent). */
  readonly grid: Grid;
  /** Contour levels, ascending. */
  readonly levels: readonly number[];
  readonly runs: readonly FigureRun[];
  /** null: no target set. */
  readonly target: number | null;
  /** Playback iteration shown. */
  readonly k: number;
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

/** Width of the right-hand panel: colour legend, then the optimizer legend with its numbers. */
const PANEL = 262;
const n1 = (v: number): string => String(Math.round(v * 10) / 10);
const FONT = 'system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif';

const STYLE =
  `text{font-family:${FONT};font-size:12px;fill:#222}` +
  '.h{font-size:16px;font-weight:600}.e{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:11.5px;fill:#444}' +
  '.t{font-size:11px;fill:#444}.n{font-variant-numeric:tabular-nums}' +
  `.b{stroke:${CONTOUR_STROKE};stroke-opacity:.3;stroke-width:.6}` +
  '.a{stroke:#333;stroke-width:1;fill:none}.p{fill:none;stroke-width:2;stroke-linejoin:round;stroke-linecap:round}' +
  '.m{stroke:#fff;stroke-width:1}.s{fill:#fff;stroke-width:1.5}';

/** Longest prefix of `text` that fits about `chars` characters, with an ellipsis when cut. */
function clip(text: string, chars: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= chars ? flat : `${flat.slice(0, Math.max(1, chars - 1))}…`;
}

function checkSpec(spec: FigureSpec): void {
  const { width, height, grid } = spec;
  for (const [name, v, min] of [['width', width, MIN_WIDTH], ['height', height, MIN_HEIGHT]] as const) {
    if (!Number.isInteger(v) || v < min || v > MAX_SIDE) {
      throw new RangeError(`figure ${name} must be a whole number of pixels from ${min} to ${MAX_SIDE}, got ${v}`);
    }
  }
  if (grid.nx < 2 || grid.ny < 2) throw new RangeError('the surface grid needs at least 2 × 2 samples');
}

interface Scales {
  readonly box: PlotBox;
  x(v: number): number;
  y(v: number): number;
}

/** The plot area of a figure of this size, in px. */
export function plotBox(width: number, height: number): PlotBox {
  return { left: 62, top: 62, width: width - PANEL - 62 - 14, height: height - 62 - 48 };
}

function scales(spec: FigureSpec): Scales {
  const box = plotBox(spec.width, spec.height);
  const [x0, x1] = spec.grid.domain.x;
  const [y0, y1] = spec.grid.domain.y;
  return {
    box,
    x: (v) => box.left + ((v - x0) / (x1 - x0)) * box.width,
    y: (v) => box.top + box.height - ((v - y0) / (y1 - y0)) * box.height,
  };
}

function contoursMarkup(spec: FigureSpec, s: Scales): string {
  const n = spec.levels.length;
  const { left, top, width, height } = s.box;
  let out = `<g clip-path="url(#opf-plot)"><rect x="${n1(left)}" y="${n1(top)}" width="${n1(width)}" height="${n1(height)}" fill="${bandColour(0, n)}"/>`;
  contourBandPaths(spec.grid, spec.levels, s.box).forEach((band, i) => {
    if (band.d !== '') out += `<path class="b" fill="${bandColour(i + 1, n)}" d="${band.d}"/>`;
  });
  return `${out}</g>`;
}

function axesMarkup(spec: FigureSpec, s: Scales): string {
  const { left, top, width, height } = s.box;
  const bottom = top + height;
  let out = `<rect class="a" x="${n1(left)}" y="${n1(top)}" width="${n1(width)}" height="${n1(height)}"/>`;
  const [x0, x1] = spec.grid.domain.x;
  const [y0, y1] = spec.grid.domain.y;
  for (const v of ticks(x0, x1, Math.max(3, Math.round(width / 80)))) {
    const px = n1(s.x(v));
    out += `<path class="a" d="M${px},${n1(bottom)}v5"/><text class="t n" x="${px}" y="${n1(bottom + 17)}" text-anchor="middle">${formatNumber(v)}</text>`;
  }
  for (const v of ticks(y0, y1, Math.max(3, Math.round(height / 60)))) {
    const py = n1(s.y(v));
    out += `<path class="a" d="M${n1(left)},${py}h-5"/><text class="t n" x="${n1(left - 8)}" y="${py}" dy=".35em" text-anchor="end">${formatNumber(v)}</text>`;
  }
  out += `<text x="${n1(left + width / 2)}" y="${n1(bottom + 38)}" text-anchor="middle" font-style="italic">x</text>`;
  out += `<text x="${n1(left - 44)}" y="${n1(top + height / 2)}" text-anchor="middle" font-style="italic">y</text>`;
  return out;
}

/** A vertical bar of equal-height band swatches, the highest band on top, with a few level values. */
function colourLegendMarkup(spec: FigureSpec, s: Scales): string {
  const n = spec.levels.length;
  const x = s.box.left + s.box.width + 16;
  const { top, height } = s.box;
  let out = `<text class="t" x="${n1(x)}" y="${n1(top - 5)}">f</text>`;
  const h = height / (n + 1);
  for (let rank = 0; rank <= n; rank++) {
    out += `<rect x="${n1(x)}" y="${n1(top + height - (rank + 1) * h)}" width="12" height="${n1(h + 0.05)}" fill="${bandColour(rank, n)}"/>`;
  }
  out += `<rect class="a" x="${n1(x)}" y="${n1(top)}" width="12" height="${n1(height)}"/>`;
  const every = Math.max(1, Math.ceil(n / 6));
  for (let i = 0; i < n; i += every) {
    const y = top + height - (i + 1) * h;
    out += `<path class="a" d="M${n1(x + 12)},${n1(y)}h3"/><text class="t n" x="${n1(x + 18)}" y="${n1(y)}" dy=".35em">${formatNumber(spec.levels[i])}</text>`;
  }
  return out;
}

/** Drawn length through iteration m along the path's own rounded vertices. */
function drawTrack(path: PixelPath, last: number): DrawTrack {
  const cum = [0];
  for (let j = 1; j < path.at.length; j++) {
    const a = path.at[j - 1];
    const b = path.at[j];
    cum.push(cum[j - 1] + Math.hypot(path.x(b) - path.x(a), path.y(b) - path.y(a)));
  }
  return {
    last,
    lengthAt(m) {
      const mm = Math.max(0, Math.min(last, Math.floor(m)));
      let j = 0;
      while (j + 1 < path.at.length && path.at[j + 1] <= mm) j++;
      const a = path.at[j];
      return cum[j] + Math.hypot(path.x(mm) - path.x(a), path.y(mm) - path.y(a));
    },
  };
}

function trajectoriesMarkup(spec: FigureSpec, s: Scales, animated: boolean): { markup: string; tracks: DrawTrack[] } {
  let defs = '';
  let paths = '';
  const tracks: DrawTrack[] = [];
  spec.runs.forEach((run, i) => {
    const look = LOOKS[run.optimizer];
    const last = shownIndex(run, spec.k);
    const path = pixelPath(run.xs, run.ys, last, s.x, s.y);
    const d = path.d;
    const dash = look.dash === '' ? '' : ` stroke-dasharray="${look.dash}"`;
    let mask = '';
    if (animated) {
      const track = drawTrack(path, last);
      tracks.push(track);
      const len = dashLength(track);
      defs += `<mask id="opf-mask${i}" maskUnits="userSpaceOnUse" x="0" y="0" width="${spec.width}" height="${spec.height}">`;
      defs += `<path class="${ANIMATED} ${maskClass(i)}" d="${d}" fill="none" stroke="#fff" stroke-width="9" stroke-linecap="round" stroke-linejoin="round" stroke-dasharray="${len} ${len}"/></mask>`;
      mask = ` mask="url(#opf-mask${i})"`;
    }
    const end = `<path class="m${animated ? ` ${ANIMATED} ${endClass(i)}` : ''}" fill="${look.color}" d="${markerPath(look.marker, path.x(last), path.y(last), 5)}"/>`;
    paths +=
      `<g data-optimizer="${run.optimizer}"><path class="p" stroke="${look.color}"${dash}${mask} d="${d}"/>` +
      `<path class="s" stroke="${look.color}" d="${markerPath('circle', path.x(0), path.y(0), 3.5)}"/>${end}</g>`;
  });
  return { markup: `${defs === '' ? '' : `<defs>${defs}</defs>`}<g clip-path="url(#opf-plot)">${paths}</g>`, tracks };
}

function legendMarkup(spec: FigureSpec, s: Scales): string {
  const x = s.box.left + s.box.width + 76;
  const right = spec.width - 12;
  let y = s.box.top;
  let out = `<text class="t" x="${n1(x)}" y="${n1(y - 8)}">${spec.target === null ? 'no target set' : `iterations to f ≤ ${formatNumber(spec.target)}`}</text>`;
  for (const run of spec.runs) {
    const look = LOOKS[run.optimizer];
    y += 20;
    const dash = look.dash === '' ? '' : ` stroke-dasharray="${look.dash}"`;
    out += `<path class="p" stroke="${look.color}"${dash} d="M${n1(x)},${n1(y - 4)}h22"/>`;
    out += `<path class="m" fill="${look.color}" d="${markerPath(look.marker, x + 11, y - 4, 4)}"/>`;
    out += `<text x="${n1(x + 28)}" y="${n1(y)}">${escapeXml(run.name)}</text>`;
    out += `<text class="t n" x="${n1(right)}" y="${n1(y)}" text-anchor="end">${outcomeText(outcomeAt(run, spec.k))}</text>`;
  }
  return out;
}

function description(spec: FigureSpec): string {
  const [x0, x1] = spec.grid.domain.x;
  const [y0, y1] = spec.grid.domain.y;
  const start = spec.runs[0];
  const from = start ? ` starting at (${formatNumber(start.xs[0])}, ${formatNumber(start.ys[0])})` : '';
  const results = spec.runs.map((r) => `${r.name}: ${outcomeText(outcomeAt(r, spec.k))}`).join('; ');
  return (
    `Filled contour plot of f(x, y) = ${spec.expr} for x from ${formatNumber(x0)} to ${formatNumber(x1)} and y from ` +
    `${formatNumber(y0)} to ${formatNumber(y1)}, with the paths of ${spec.runs.length} optimizers${from}, shown at iteration ${spec.k}. ` +
    `${spec.target === null ? 'No target set' : `Iterations to reach f ≤ ${formatNumber(spec.target)}`}: ${results === '' ? 'no optimizers' : results}.`
  );
}

/**
 * A renderer for one spec at any playback iteration: the contours, axes and colour legend are built once,
 * the trajectories, markers and scoreboard legend per call (the embed page's playback uses this).
 */
export function figureRenderer(spec: FigureSpec, options: FigureOptions = {}): (k: number) => string {
  checkSpec(spec);
  const s = scales(spec);
  const { width, height } = spec;
  const animated = options.animateSeconds !== undefined;
  const chars = Math.floor((width - 24) / 7);
  const { left, top, width: w, height: h } = s.box;
  const head =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="opf-title opf-desc">` +
    `<title id="opf-title">${escapeXml(spec.title)}</title>`;
  const body =
    `<defs><clipPath id="opf-plot"><rect x="${n1(left)}" y="${n1(top)}" width="${n1(w)}" height="${n1(h)}"/></clipPath></defs>` +
    `<rect width="${width}" height="${height}" fill="#fff"/>` +
    `<text class="h" x="12" y="24">${escapeXml(clip(spec.title, Math.floor(chars * 0.8)))}</text>` +
    `<text class="e" x="12" y="42">${escapeXml(clip(`f(x, y) = ${spec.expr}`, chars))}</text>` +
    contoursMarkup(spec, s) +
    axesMarkup(spec, s) +
    colourLegendMarkup(spec, s);
  return (k) => {
    const at: FigureSpec = { ...spec, k };
    const traj = trajectoriesMarkup(at, s, animated);
    const css = animated ? STYLE + animationCss(traj.tracks, k, options.animateSeconds!) : STYLE;
    return `${head}<desc id="opf-desc">${escapeXml(description(at))}</desc><style>${css}</style>${body}${traj.markup}${legendMarkup(at, s)}</svg>\n`;
  };
}

export function figureSvg(spec: FigureSpec, options: FigureOptions = {}): string {
  return figureRenderer(spec, options)(spec.k);
}

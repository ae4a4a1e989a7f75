/**
 * The canvas renderer of trajectories (the app's live playback): PixelPaths (pixel-path.ts) stroked with
 * the one decimation rule, incrementally. While playback moves forward from k₀ to k₁ only the segments
 * after the last drawn vertex are stroked on top of what is already there (a handful per frame), so a
 * frame costs O(new iterates) whatever the budget; anything else (scrubbing back, a new race, a resize, a
 * highlight) clears and redraws up to k once. The dash phase continues across increments (lineDashOffset
 * = path length drawn so far), so dashed paths look the same either way.
 * A forward step whose new iterates all lie within the decimation distance of the last drawn vertex
 * strokes nothing: the canvas stays untouched, so a converged or crawling run costs the compositor nothing
 * that frame. The sub-pixel remainder is drawn once the path moves visibly. A full draw ends exactly at
 * iterate k and draws the vertices the SVG figure's path through iterate k has.
 * Needs only the CanvasRenderingContext2D interface (tests pass a recording double).
 */
import { HIGHLIGHT_PATH_WIDTH, PATH_WIDTH, type OptimizerLook } from './palette.ts';
import { decimate, type PixelPath } from './pixel-path.ts';

export interface CanvasRun {
  readonly id: string;
  readonly look: Pick<OptimizerLook, 'color' | 'dash'>;
  readonly path: PixelPath;
  /** Another seed's run of an entrant shown by its median run: drawn thin and faint, solid, under the rest. */
  readonly faint?: boolean;
}

/** A faint run's stroke: width (px) and opacity. */
export const FAINT_PATH = { width: 1, opacity: 0.28 } as const;

export interface DrawState {
  k: number;
  /** Path length (px) drawn so far per run, for the dash phase; index of the last drawn vertex. */
  lengths: number[];
  lastDrawn: number[];
}

function style(ctx: CanvasRenderingContext2D, run: CanvasRun, highlight: string | null): void {
  ctx.strokeStyle = run.look.color;
  if (run.faint) {
    ctx.lineWidth = FAINT_PATH.width;
    ctx.globalAlpha = highlight === null ? FAINT_PATH.opacity : FAINT_PATH.opacity / 3;
    ctx.setLineDash([]);
    return;
  }
  ctx.lineWidth = highlight === run.id ? HIGHLIGHT_PATH_WIDTH : PATH_WIDTH;
  ctx.globalAlpha = highlight !== null && highlight !== run.id ? 0.22 : 1;
  ctx.setLineDash(run.look.dash ? run.look.dash.split(/[ ,]+/).map(Number) : []);
}

/** Strokes the decimated vertices from `from` to `to`; returns the new length and the last vertex drawn. */
function strokeRange(ctx: CanvasRenderingContext2D, p: PixelPath, from: number, to: number, length: number, keepLast: boolean): { length: number; last: number } {
  const at = decimate(p, from, to, keepLast);
  if (at.length < 2) return { length, last: from };
  let len = length;
  ctx.lineDashOffset = length;
  ctx.beginPath();
  ctx.moveTo(p.px[from], p.py[from]);
  for (let j = 1; j < at.length; j++) {
    const [a, b] = [at[j - 1], at[j]];
    ctx.lineTo(p.px[b], p.py[b]);
    len += Math.hypot(p.px[b] - p.px[a], p.py[b] - p.py[a]);
  }
  ctx.stroke();
  return { length: len, last: at[at.length - 1] };
}

function order(runs: readonly CanvasRun[], highlight: string | null): CanvasRun[] {
  return highlight === null ? [...runs] : [...runs.filter((r) => r.id !== highlight), ...runs.filter((r) => r.id === highlight)];
}

/** Clears and draws every run up to k. */
export function drawFull(ctx: CanvasRenderingContext2D, runs: readonly CanvasRun[], k: number, highlight: string | null): DrawState {
  const state: DrawState = { k, lengths: runs.map(() => 0), lastDrawn: runs.map(() => 0) };
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.restore();
  for (const run of order(runs, highlight)) {
    const i = runs.indexOf(run);
    const end = Math.min(k, run.path.px.length - 1);
    if (end < 1) continue;
    style(ctx, run, highlight);
    const r = strokeRange(ctx, run.path, 0, end, 0, true);
    state.lengths[i] = r.length;
    state.lastDrawn[i] = r.last;
  }
  ctx.globalAlpha = 1;
  return state;
}

/** Draws the segments after state.k up to k (k ≥ state.k) and updates state. */
export function drawForward(ctx: CanvasRenderingContext2D, runs: readonly CanvasRun[], state: DrawState, k: number, highlight: string | null): void {
  for (const run of order(runs, highlight)) {
    const i = runs.indexOf(run);
    const from = state.lastDrawn[i];
    const end = Math.min(k, run.path.px.length - 1);
    if (end <= from) continue;
    style(ctx, run, highlight);
    const r = strokeRange(ctx, run.path, from, end, state.lengths[i], false);
    state.lengths[i] = r.length;
    state.lastDrawn[i] = r.last;
  }
  ctx.globalAlpha = 1;
  state.k = k;
}

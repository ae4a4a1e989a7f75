/**
 * Trajectories drawn on a canvas, incrementally: while playback moves forward from k₀ to k₁ only the
 * segments k₀…k₁ of each run are stroked on top of what is already there (a handful per frame), so a
 * frame costs O(new iterates) whatever the budget; anything else (scrubbing back, a new race, a resize,
 * a highlight) clears and redraws up to k once, skipping sub-pixel moves. The dash phase continues across
 * increments (lineDashOffset = path length drawn so far), so dashed paths look the same either way.
 * A forward step whose new iterates all lie within TOL px of the last drawn vertex strokes nothing: the
 * canvas stays untouched, so a converged or crawling run costs the compositor nothing that frame (in small
 * multiples each run has its own canvas). The sub-pixel remainder is drawn once the path moves visibly.
 */
import type { ProjectedPath } from './trajectory-path.ts';
import type { OptimizerLook } from '../../render/palette.ts';

export interface CanvasRun {
  readonly id: string;
  readonly look: OptimizerLook;
  readonly path: ProjectedPath;
}

export interface DrawState {
  k: number;
  /** Path length (px) drawn so far per run, for the dash phase; index of the last drawn vertex. */
  lengths: number[];
  lastDrawn: number[];
}

const TOL = 0.75;

function style(ctx: CanvasRenderingContext2D, run: CanvasRun, highlight: string | null): void {
  ctx.strokeStyle = run.look.color;
  ctx.lineWidth = highlight === run.id ? 3.4 : 2.3;
  ctx.globalAlpha = highlight !== null && highlight !== run.id ? 0.22 : 1;
  ctx.setLineDash(run.look.dash ? run.look.dash.split(/[ ,]+/).map(Number) : []);
}

/**
 * Strokes run from vertex `from` to `to` (inclusive), skipping sub-pixel moves (except the last when
 * `forceLast`); returns the new length and the last vertex drawn (`from` and no stroke if none was).
 */
function strokeRange(
  ctx: CanvasRenderingContext2D,
  p: ProjectedPath,
  from: number,
  to: number,
  length: number,
  forceLast: boolean,
): { length: number; last: number } {
  let lx = p.px[from];
  let ly = p.py[from];
  let len = length;
  ctx.lineDashOffset = length;
  ctx.beginPath();
  ctx.moveTo(lx, ly);
  let last = from;
  for (let i = from + 1; i <= to; i++) {
    const x = p.px[i];
    const y = p.py[i];
    if ((i < to || !forceLast) && Math.abs(x - lx) < TOL && Math.abs(y - ly) < TOL) continue;
    ctx.lineTo(x, y);
    len += Math.hypot(x - lx, y - ly);
    lx = x;
    ly = y;
    last = i;
  }
  if (last > from) ctx.stroke();
  return { length: len, last };
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

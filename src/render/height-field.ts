/**
 * The 3-D view's geometry as plain data, from the same sampled grid, levels and runs the contour plot
 * draws. World coordinates are z-up: the domain maps to x ∈ [−a, a], y ∈ [−b, b] with the longer side
 * 2 units long and the domain's aspect kept, and f to a height z = HEIGHT·h(f), where h is the position
 * of f on the contour levels' own scale: linear levels give h = (f − min)/(max − min); log levels (D
 * decades under the span, contour-levels.ts) give h = (log₁₀((f − min)/span) + D)/D, clamped to [0, 1].
 * So the surface's height tells the same story as its bands, and its colour is the band ramp at h
 * (colour-scale.ts's ramp at rank/n ≈ h). A sample that is not finite stands at the top (h = 1), as
 * contour-bands.ts puts NaN and +∞ above every level.
 * Trajectories are lifted by LIFT so a path along a valley floor is not hidden by the surface it follows.
 *
 * Software WebGL (SwiftShader, what headless Chromium and GPU-less machines have) pays per triangle and per
 * line segment, so the mesh may take every `stride`-th sample, and a path keeps only the points that move
 * at least MIN_STEP (world units, about a pixel in a 600 px view) from the last kept one, plus its last
 * point; `at` records each kept point's iteration, so the view draws the kept points up to k.
 */
import type { Grid } from '../math/grid.ts';
import { LOG_DECADES, type LevelMode } from './contour-levels.ts';

export const HEIGHT = 0.9;
export const LIFT = 0.012;
export const MIN_STEP = 0.004;

export interface HeightScale {
  /** f ↦ h ∈ [0, 1]. */
  (f: number): number;
}

export function heightScale(grid: Pick<Grid, 'min' | 'max'>, mode: LevelMode): HeightScale {
  const { min, max } = grid;
  const span = max - min;
  if (!(span > 0) || !Number.isFinite(span)) return (f) => (Number.isFinite(f) ? 0 : 1);
  const clamp = (h: number) => (h < 0 ? 0 : h > 1 ? 1 : h);
  if (mode === 'linear') return (f) => (Number.isNaN(f) || f === Infinity ? 1 : clamp((f - min) / span));
  return (f) => {
    if (Number.isNaN(f) || f === Infinity) return 1;
    const r = (f - min) / span;
    return r <= 0 ? 0 : clamp((Math.log10(r) + LOG_DECADES) / LOG_DECADES);
  };
}

/** Domain → world x, y (the longer side spans [−1, 1]). */
export interface WorldFrame {
  readonly halfX: number;
  readonly halfY: number;
  toWorld(x: number, y: number): [number, number];
}

export function worldFrame(domain: Grid['domain']): WorldFrame {
  const w = domain.x[1] - domain.x[0];
  const h = domain.y[1] - domain.y[0];
  const halfX = w >= h ? 1 : w / h;
  const halfY = h >= w ? 1 : h / w;
  return {
    halfX,
    halfY,
    toWorld: (x, y) => [((x - domain.x[0]) / w) * 2 * halfX - halfX, ((y - domain.y[0]) / h) * 2 * halfY - halfY],
  };
}

export interface SurfaceMesh {
  /** nx·ny vertices, xyz. */
  readonly positions: Float32Array;
  /** The h of each vertex, for its colour. */
  readonly heights: Float32Array;
  /** Two triangles per grid cell. */
  readonly indices: Uint32Array;
}

/** Sample indices 0, stride, 2·stride, … and always the last one. */
function strided(n: number, stride: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n - 1; i += stride) out.push(i);
  out.push(n - 1);
  return out;
}

export function surfaceMesh(grid: Grid, scale: HeightScale, stride = 1): SurfaceMesh {
  const { domain, values } = grid;
  const cols = strided(grid.nx, stride);
  const rows = strided(grid.ny, stride);
  const nx = cols.length;
  const ny = rows.length;
  const frame = worldFrame(domain);
  const positions = new Float32Array(nx * ny * 3);
  const heights = new Float32Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    const y = domain.y[0] + ((domain.y[1] - domain.y[0]) * rows[j]) / (grid.ny - 1);
    for (let i = 0; i < nx; i++) {
      const x = domain.x[0] + ((domain.x[1] - domain.x[0]) * cols[i]) / (grid.nx - 1);
      const v = j * nx + i;
      const [wx, wy] = frame.toWorld(x, y);
      const h = scale(values[rows[j] * grid.nx + cols[i]]);
      positions[3 * v] = wx;
      positions[3 * v + 1] = wy;
      positions[3 * v + 2] = HEIGHT * h;
      heights[v] = h;
    }
  }
  const indices = new Uint32Array((nx - 1) * (ny - 1) * 6);
  let n = 0;
  for (let j = 0; j < ny - 1; j++) {
    for (let i = 0; i < nx - 1; i++) {
      const a = j * nx + i;
      const b = a + 1;
      const c = a + nx;
      const d = c + 1;
      indices.set([a, b, d, a, d, c], n);
      n += 6;
    }
  }
  return { positions, heights, indices };
}

/** Every recorded point of a run in world coordinates (lifted), xyz per point. */
export function pathPositions(xs: ArrayLike<number>, ys: ArrayLike<number>, losses: ArrayLike<number>, domain: Grid['domain'], scale: HeightScale): Float32Array {
  const frame = worldFrame(domain);
  const out = new Float32Array(xs.length * 3);
  for (let k = 0; k < xs.length; k++) {
    const [wx, wy] = frame.toWorld(xs[k], ys[k]);
    out[3 * k] = wx;
    out[3 * k + 1] = wy;
    out[3 * k + 2] = HEIGHT * scale(losses[k]) + LIFT;
  }
  return out;
}

export interface ThinnedPath {
  /** The kept points, xyz. */
  readonly positions: Float32Array;
  /** Each kept point's iteration, increasing; the first is 0 and the last the path's last. */
  readonly at: Uint32Array;
}

/** The points of a lifted path that move at least minStep from the last kept one, and its last point. */
export function thinPath(positions: Float32Array, minStep = MIN_STEP): ThinnedPath {
  const n = positions.length / 3;
  const keep: number[] = n > 0 ? [0] : [];
  for (let k = 1; k < n; k++) {
    const last = keep[keep.length - 1];
    const d = Math.hypot(positions[3 * k] - positions[3 * last], positions[3 * k + 1] - positions[3 * last + 1], positions[3 * k + 2] - positions[3 * last + 2]);
    if (d >= minStep || k === n - 1) keep.push(k);
  }
  const out = new Float32Array(keep.length * 3);
  keep.forEach((k, i) => out.set(positions.subarray(3 * k, 3 * k + 3), 3 * i));
  return { positions: out, at: Uint32Array.from(keep) };
}

/** How many kept points lie at or before iteration k (binary search in `at`). */
export function keptThrough(at: Uint32Array, k: number): number {
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid] <= k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

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
 */
import type { Grid } from '../math/grid.ts';
import { LOG_DECADES, type LevelMode } from './contour-levels.ts';

export const HEIGHT = 0.9;
export const LIFT = 0.012;

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

export function surfaceMesh(grid: Grid, scale: HeightScale): SurfaceMesh {
  const { nx, ny, values, domain } = grid;
  const frame = worldFrame(domain);
  const positions = new Float32Array(nx * ny * 3);
  const heights = new Float32Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    const y = domain.y[0] + ((domain.y[1] - domain.y[0]) * j) / (ny - 1);
    for (let i = 0; i < nx; i++) {
      const x = domain.x[0] + ((domain.x[1] - domain.x[0]) * i) / (nx - 1);
      const v = j * nx + i;
      const [wx, wy] = frame.toWorld(x, y);
      const h = scale(values[v]);
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

/** A run's recorded points in world coordinates (lifted), xyz per point; the view draws the first k + 1. */
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

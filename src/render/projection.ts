/**
 * Plot box and projection: data (x, y) → renderer pixels, y pointing up. A PlotBox is a rectangle in the
 * renderer's px; projection(domain, box) is linear, x0 → box.left, x1 → box.left + box.width, y0 → the
 * box's bottom edge, y1 → its top edge.
 *
 * Aspect policy, one for the app and every figure: a plot's height/width is the domain's Δy/Δx (equal
 * scales) clamped to [0.5, 1], and to [0.8, 1] for a plot narrower than 520 px, so a very wide domain
 * never becomes a sliver and a tall one never pushes everything else out of view. fitPlot finds the
 * largest box with that aspect inside an area (top-left aligned, whole pixels); the app, which has no
 * fixed height, uses plotAspect with a height cap instead (ContourPlot.svelte).
 */
import type { Domain } from '../math/grid.ts';

export interface PlotBox {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export interface Projection {
  readonly domain: Domain;
  readonly box: PlotBox;
  x(v: number): number;
  y(v: number): number;
  /** Data coordinate of pixel px (or py): the inverse maps. */
  invertX(px: number): number;
  invertY(py: number): number;
}

/** Below this plot width the aspect floor rises from 0.5 to 0.8. */
const NARROW_PLOT = 520;

export function projection(domain: Domain, box: PlotBox): Projection {
  const [x0, x1] = domain.x;
  const [y0, y1] = domain.y;
  const bottom = box.top + box.height;
  return {
    domain,
    box,
    x: (v) => box.left + ((v - x0) / (x1 - x0)) * box.width,
    y: (v) => bottom - ((v - y0) / (y1 - y0)) * box.height,
    invertX: (px) => x0 + ((px - box.left) / box.width) * (x1 - x0),
    invertY: (py) => y0 + ((bottom - py) / box.height) * (y1 - y0),
  };
}

/** Height/width of a plot of this domain at this width. */
export function plotAspect(domain: Domain, width: number): number {
  const ratio = (domain.y[1] - domain.y[0]) / (domain.x[1] - domain.x[0]);
  return Math.min(1, Math.max(width < NARROW_PLOT ? 0.8 : 0.5, ratio));
}

/** The largest plot box with the domain's aspect inside `area`, at its top-left corner, in whole px. */
export function fitPlot(domain: Domain, area: PlotBox): PlotBox {
  let width = Math.max(0, area.width);
  let height = width * plotAspect(domain, width);
  // Too tall: narrow it; a plot that becomes narrow may take a higher aspect, so fit once more.
  for (let pass = 0; pass < 2 && height > area.height; pass++) {
    width = Math.max(0, area.height) / plotAspect(domain, width);
    height = width * plotAspect(domain, width);
  }
  return { left: area.left, top: area.top, width: Math.floor(width), height: Math.floor(Math.min(height, area.height)) };
}

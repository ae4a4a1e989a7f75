/**
 * Axis ticks of a projected plot as plain data: round values (d3's ticks: 1, 2 or 5 × 10^k steps), their
 * pixel position and label. About one tick per 80 px along x and per 60 px along y, never fewer than two
 * intervals, so small panels keep both ends readable and large ones do not crowd.
 */
import { ticks } from 'd3-array';
import type { Projection } from './projection.ts';
import { tickLabel } from './tick-label.ts';

export interface Tick {
  readonly value: number;
  /** Pixel position along the axis (x for the x axis, y for the y axis). */
  readonly at: number;
  readonly label: string;
}

const X_TICK_SPACING = 80;
const Y_TICK_SPACING = 60;

export function axisTicks(p: Projection): { readonly x: Tick[]; readonly y: Tick[] } {
  const count = (px: number, spacing: number): number => Math.max(2, Math.floor(px / spacing));
  const [x0, x1] = p.domain.x;
  const [y0, y1] = p.domain.y;
  return {
    x: ticks(x0, x1, count(p.box.width, X_TICK_SPACING)).map((v) => ({ value: v, at: p.x(v), label: tickLabel(v) })),
    y: ticks(y0, y1, count(p.box.height, Y_TICK_SPACING)).map((v) => ({ value: v, at: p.y(v), label: tickLabel(v) })),
  };
}

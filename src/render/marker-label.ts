/**
 * Where the text label of a marker goes ("start" beside the start, "minimum" or "lowest sample" beside
 * the first marked minimum): at an offset from the marker's centre to the label's baseline start,
 * mirrored to the other side of the marker horizontally and/or vertically when the label would leave the
 * plot box; in a box too narrow for either side, it starts at the box's left edge. Widths come from text-width.ts, so the app and the figures place a label the same way. null
 * when the marker itself lies outside the box (it is clipped away, and so is its label).
 */
import type { PlotBox } from './projection.ts';
import { textWidth, type TextFont } from './text-width.ts';

export interface LabelStyle {
  /** From the marker's centre to the label's baseline start, px. */
  readonly dx: number;
  readonly dy: number;
  readonly font: TextFont;
}

export const START_LABEL: LabelStyle = { dx: 10, dy: -8, font: { size: 12, bold: true } };
export const MINIMUM_LABEL: LabelStyle = { dx: 7, dy: 12, font: { size: 11 } };

export interface MarkerLabel {
  readonly text: string;
  /** Baseline anchor point. */
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'end';
}

export function markerLabel(text: string, cx: number, cy: number, style: LabelStyle, box: PlotBox): MarkerLabel | null {
  const right = box.left + box.width;
  const bottom = box.top + box.height;
  if (!(cx >= box.left && cx <= right && cy >= box.top && cy <= bottom)) return null;
  const w = textWidth(text, style.font);
  const toLeft = cx + style.dx + w > right;
  if (toLeft && cx - style.dx - w < box.left) {
    return { text, x: box.left, y: labelY(cy, style, box), anchor: 'start' };
  }
  return { text, x: toLeft ? cx - style.dx : cx + style.dx, y: labelY(cy, style, box), anchor: toLeft ? 'end' : 'start' };
}

/** Baseline: the text spans y − ascent … y + descent; flipped below (above) the marker when it would leave the box. */
function labelY(cy: number, style: LabelStyle, box: PlotBox): number {
  const ascent = 0.8 * style.font.size;
  const descent = 0.25 * style.font.size;
  const y = cy + style.dy;
  if (y - ascent < box.top) return cy + Math.abs(style.dy) + ascent;
  if (y + descent > box.top + box.height) return cy - Math.abs(style.dy);
  return y;
}

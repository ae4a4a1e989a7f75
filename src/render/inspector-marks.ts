/**
 * The update inspector's marks on the plot, as plain geometry in pixels (the app's ContourPlot draws them
 * as a small SVG layer, the exported figure as an SVG string): for the inspected entrant at iteration k,
 * arrows from θ_k for the plain gradient step −η·g and the step actually taken θ_{k+1} − θ_k, and the
 * rule's extra: the carried velocity −η·β·v (Momentum, NAG), NAG's look-ahead point θ − η·β·v with the
 * step its gradient asks for drawn from there, Schedule-Free's y, and for the adaptive rules an
 * axis-aligned ellipse around θ_k with semi-axes η_eff,x·‖g‖ and η_eff,y·‖g‖: how far this update's
 * per-coordinate rates would carry a gradient of this length along x or along y (plain gradient descent's
 * would be a circle of radius η·‖g‖).
 *
 * Arrows shorter than MIN_ARROW px are drawn without a head (a head would hide them).
 */
import type { Pair } from '../run/inspect.ts';
import type { UpdateParts } from '../view/update-parts.ts';
import type { Projection } from './projection.ts';

export type ArrowKind = 'plain' | 'taken' | 'carry' | 'ahead';

/** Colour, dash and words of each mark, shared by the plot, the figure and the panel's key. */
export const INSPECTOR_STYLE: Readonly<Record<ArrowKind | 'point' | 'ellipse', { readonly color: string; readonly dash: string; readonly label: string }>> = {
  plain: { color: '#4d4d4d', dash: '4 3', label: 'plain gradient step −η·g' },
  taken: { color: '#000000', dash: '', label: 'step taken' },
  carry: { color: '#c2410c', dash: '', label: 'carried velocity −η·β·v' },
  ahead: { color: '#7e22ce', dash: '', label: 'gradient step at the look-ahead point' },
  point: { color: '#7e22ce', dash: '', label: 'look-ahead point' },
  ellipse: { color: '#0b5cad', dash: '3 2', label: 'per-coordinate effective rate × ‖g‖' },
};

export interface InspectorArrow {
  readonly kind: ArrowKind;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  /** SVG path of the arrow head (a filled triangle), '' when the arrow is too short for one. */
  readonly head: string;
}

export interface InspectorMarks {
  readonly arrows: readonly InspectorArrow[];
  /** NAG's look-ahead point, Schedule-Free's y. */
  readonly point: { readonly x: number; readonly y: number } | null;
  readonly ellipse: { readonly cx: number; readonly cy: number; readonly rx: number; readonly ry: number } | null;
}

/** What the marks are computed from: θ_k, the gradient of update k + 1 and its parts. */
export interface InspectorData {
  readonly theta: Pair;
  readonly g: Pair;
  readonly parts: UpdateParts;
}

const MIN_ARROW = 6;
const HEAD = 7;
const r1 = (v: number): number => Math.round(v * 10) / 10;

function arrow(kind: ArrowKind, from: Pair, delta: Pair, proj: Projection): InspectorArrow {
  const [x1, y1, x2, y2] = [proj.x(from[0]), proj.y(from[1]), proj.x(from[0] + delta[0]), proj.y(from[1] + delta[1])].map(r1);
  const len = Math.hypot(x2 - x1, y2 - y1);
  if (!(len >= MIN_ARROW)) return { kind, x1, y1, x2, y2, head: '' };
  const ux = (x2 - x1) / len;
  const uy = (y2 - y1) / len;
  const bx = x2 - ux * HEAD;
  const by = y2 - uy * HEAD;
  const w = HEAD * 0.45;
  const head = `M${r1(x2)},${r1(y2)}L${r1(bx - uy * w)},${r1(by + ux * w)}L${r1(bx + uy * w)},${r1(by - ux * w)}Z`;
  return { kind, x1, y1, x2, y2, head };
}

export function inspectorMarks(data: InspectorData, proj: Projection): InspectorMarks {
  const { theta, g, parts } = data;
  const arrows: InspectorArrow[] = [];
  if (parts.carry) arrows.push(arrow('carry', theta, parts.carry, proj));
  if (parts.plain && parts.lookahead && parts.carry) arrows.push(arrow('ahead', parts.lookahead, parts.plain, proj));
  if (parts.plain) arrows.push(arrow('plain', theta, parts.plain, proj));
  arrows.push(arrow('taken', theta, parts.taken, proj));
  const point = parts.lookahead ? { x: r1(proj.x(parts.lookahead[0])), y: r1(proj.y(parts.lookahead[1])) } : null;
  let ellipse: InspectorMarks['ellipse'] = null;
  const eff = parts.effectiveLr;
  const norm = Math.hypot(g[0], g[1]);
  if (eff && Number.isFinite(eff[0] * norm) && Number.isFinite(eff[1] * norm)) {
    const cx = proj.x(theta[0]);
    const cy = proj.y(theta[1]);
    ellipse = { cx: r1(cx), cy: r1(cy), rx: r1(Math.abs(proj.x(theta[0] + eff[0] * norm) - cx)), ry: r1(Math.abs(proj.y(theta[1] + eff[1] * norm) - cy)) };
  }
  return { arrows, point, ellipse };
}

/** The marks as SVG elements (the figure's string renderer; the app's layer draws the same data with Svelte). */
export function inspectorSvg(marks: InspectorMarks): string {
  let out = '';
  const s = INSPECTOR_STYLE;
  if (marks.ellipse) {
    const e = marks.ellipse;
    out += `<ellipse cx="${e.cx}" cy="${e.cy}" rx="${e.rx}" ry="${e.ry}" fill="none" stroke="${s.ellipse.color}" stroke-width="1.5" stroke-dasharray="${s.ellipse.dash}"/>`;
  }
  for (const a of marks.arrows) {
    const st = s[a.kind];
    const dash = st.dash === '' ? '' : ` stroke-dasharray="${st.dash}"`;
    out += `<g data-arrow="${a.kind}"><line x1="${a.x1}" y1="${a.y1}" x2="${a.x2}" y2="${a.y2}" stroke="${st.color}" stroke-width="2"${dash}/>`;
    if (a.head) out += `<path d="${a.head}" fill="${st.color}"/>`;
    out += '</g>';
  }
  if (marks.point) out += `<circle cx="${marks.point.x}" cy="${marks.point.y}" r="3.5" fill="#fff" stroke="${s.point.color}" stroke-width="2"/>`;
  return out;
}

/**
 * The curvature lens's mark on the plot, as plain pixel geometry (the app's ContourPlot draws it as a small SVG
 * layer, the exported figure as an SVG string by lensSvg): a cross at the point whose arms lie along the Hessian's eigenvectors, with half-lengths
 * ∝ 1/√|λ|, and for a bowl (both λ > 0) the ellipse through the arms' ends, which is a level set of the
 * local quadratic model ½·sᵀHs = c (its semi-axes are √(2c/λᵢ)): long where the surface is flat, short
 * where it is steep, as the contours around the point look. An arm where λ < 0 (the descending direction
 * of a saddle) is drawn in its own colour. The longer arm is RADIUS px on screen, so the mark's size
 * says nothing about scale, only about shape; |λ| below 1 % of the larger |λ| counts as 1 % (the arm
 * would otherwise be endless), so the arms' ratio is at most 10.
 */
import type { Curvature } from '../math/curvature.ts';
import type { Projection } from './projection.ts';

export const LENS_RADIUS = 26;
const FLOOR = 0.01;
const SEGMENTS = 48;

export type LensArmKind = 'up' | 'down';

/** Colour and words of each arm, shared by the plot and the panel's key. */
export const LENS_STYLE: Readonly<Record<LensArmKind, { readonly color: string; readonly label: string }>> = {
  up: { color: '#0f766e', label: 'curves up (λ > 0)' },
  down: { color: '#b91c1c', label: 'curves down (λ ≤ 0): descends' },
};

export interface LensArm {
  readonly kind: LensArmKind;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface LensMarks {
  readonly cx: number;
  readonly cy: number;
  readonly arms: readonly LensArm[];
  /** SVG path of the ellipse (a bowl only), else ''. */
  readonly ellipse: string;
}

const r1 = (v: number): number => Math.round(v * 10) / 10;

/** null when the curvature is not finite (nothing true to draw). */
export function lensMarks(c: Pick<Curvature, 'eigenvalues' | 'eigenvectors'>, at: readonly [number, number], proj: Projection, radius = LENS_RADIUS): LensMarks | null {
  const [l1, l2] = c.eigenvalues;
  if (!Number.isFinite(l1) || !Number.isFinite(l2)) return null;
  const big = Math.max(Math.abs(l1), Math.abs(l2));
  const cx = proj.x(at[0]);
  const cy = proj.y(at[1]);
  // Each arm's pixel vector for a data half-length 1/√|λ| (before scaling to RADIUS).
  const px = c.eigenvalues.map((l, i) => {
    const r = big === 0 ? 1 : 1 / Math.sqrt(Math.max(Math.abs(l), FLOOR * big));
    const v = c.eigenvectors[i];
    return [proj.x(at[0] + r * v[0]) - cx, proj.y(at[1] + r * v[1]) - cy] as const;
  });
  const longest = Math.max(...px.map(([x, y]) => Math.hypot(x, y)));
  if (!(longest > 0)) return null;
  const s = radius / longest;
  const arms = px.map(([x, y], i): LensArm => ({
    kind: c.eigenvalues[i] > 0 ? 'up' : 'down',
    x1: r1(cx - s * x),
    y1: r1(cy - s * y),
    x2: r1(cx + s * x),
    y2: r1(cy + s * y),
  }));
  let ellipse = '';
  if (l2 > 0) {
    const pts: string[] = [];
    for (let i = 0; i < SEGMENTS; i++) {
      const t = (2 * Math.PI * i) / SEGMENTS;
      const [a, b] = [Math.cos(t) * s, Math.sin(t) * s];
      pts.push(`${r1(cx + a * px[0][0] + b * px[1][0])},${r1(cy + a * px[0][1] + b * px[1][1])}`);
    }
    ellipse = `M${pts.join('L')}Z`;
  }
  return { cx: r1(cx), cy: r1(cy), arms, ellipse };
}

/** The marks as SVG elements (the figure's string renderer; the app's layer draws the same data with Svelte). */
export function lensSvg(marks: LensMarks): string {
  let out = marks.ellipse === '' ? '' : `<path d="${marks.ellipse}" fill="none" stroke="${LENS_STYLE.up.color}" stroke-width="1.5"/>`;
  for (const a of marks.arms) out += `<line x1="${a.x1}" y1="${a.y1}" x2="${a.x2}" y2="${a.y2}" stroke="${LENS_STYLE[a.kind].color}" stroke-width="2" data-arm="${a.kind}"/>`;
  return `${out}<circle cx="${marks.cx}" cy="${marks.cy}" r="2.5" fill="#fff" stroke="#1c2330" stroke-width="1.5"/>`;
}

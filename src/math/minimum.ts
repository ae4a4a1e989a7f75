/**
 * The lowest value of f(x, y) over a box, for the f* a typed function's targets are measured from:
 *
 *   1. sample f on an n × n grid over the box (both edges included);
 *   2. polish the lowest sample and the grid's other local minima (a sample no higher than its 8
 *      neighbours; the lowest few) by damped Newton steps: d = −H⁻¹∇f where the Hessian is positive
 *      definite, else d = −∇f, with a backtracking line search (halve the step until f decreases), every
 *      trial point clamped to the box (a projected step, so a minimum on the boundary is found too);
 *   3. return the lowest value seen.
 *
 * It is an estimate: a minimum narrower than a grid cell, between samples that all sit higher, can be
 * missed, and a function unbounded below gives its lowest value on the box's boundary. Non-finite values
 * (outside f's domain, or −∞ at a pole) are never taken as the minimum. The gradient and
 * Hessian are the exact symbolic ones; without a Hessian the steps are gradient steps. Pure, no DOM.
 */
import type { Domain } from './grid.ts';

export interface MinimumInputs {
  f(x: number, y: number): number;
  /** Writes ∇f into out; returns f. */
  grad(x: number, y: number, out: Float64Array): number;
  /** Writes [f_xx, f_xy, f_yy] into out; returns f. Null: gradient steps only. */
  hessian: ((x: number, y: number, out: Float64Array) => number) | null;
}

export interface MinimumEstimate {
  readonly value: number;
  readonly at: readonly [number, number];
}

export const MINIMUM_GRID = 101;
/** Grid minima polished: the lowest few are enough to separate basins a grid can tell apart. */
const CANDIDATES = 8;
const POLISH_STEPS = 40;
const HALVINGS = 50;

const clamp = (v: number, lo: number, hi: number): number => (v < lo ? lo : v > hi ? hi : v);

/** Indices of finite grid samples no higher than any finite neighbour, lowest first (the lowest sample always among them). */
function gridMinima(values: Float64Array, n: number): number[] {
  const found: number[] = [];
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const v = values[j * n + i];
      if (!Number.isFinite(v)) continue;
      let lowest = true;
      for (let dj = -1; dj <= 1 && lowest; dj++) {
        for (let di = -1; di <= 1; di++) {
          const a = i + di;
          const b = j + dj;
          if ((di === 0 && dj === 0) || a < 0 || b < 0 || a >= n || b >= n) continue;
          if (values[b * n + a] < v && Number.isFinite(values[b * n + a])) {
            lowest = false;
            break;
          }
        }
      }
      if (lowest) found.push(j * n + i);
    }
  }
  return found.sort((p, q) => values[p] - values[q]);
}

/** Damped (projected) Newton from p; returns the lowest point reached and its value. */
function polish(fn: MinimumInputs, domain: Domain, x0: number, y0: number, v0: number): { x: number; y: number; v: number } {
  const g = new Float64Array(2);
  const h = new Float64Array(3);
  const [xl, xh] = domain.x;
  const [yl, yh] = domain.y;
  const span = Math.hypot(xh - xl, yh - yl);
  let x = x0;
  let y = y0;
  let v = v0;
  for (let step = 0; step < POLISH_STEPS; step++) {
    fn.grad(x, y, g);
    if (!Number.isFinite(g[0]) || !Number.isFinite(g[1])) break;
    let dx = -g[0];
    let dy = -g[1];
    if (fn.hessian) {
      fn.hessian(x, y, h);
      const det = h[0] * h[2] - h[1] * h[1];
      if (h[0] > 0 && det > 0 && Number.isFinite(det)) {
        dx = -(h[2] * g[0] - h[1] * g[1]) / det;
        dy = -(h[0] * g[1] - h[1] * g[0]) / det;
      }
    }
    const length = Math.hypot(dx, dy);
    if (!(length > 0) || !Number.isFinite(length)) break;
    // A step never longer than the box's diagonal; Newton's full step is tried first when it fits.
    let t = Math.min(1, span / length);
    let moved = false;
    for (let k = 0; k < HALVINGS; k++, t /= 2) {
      const nx = clamp(x + t * dx, xl, xh);
      const ny = clamp(y + t * dy, yl, yh);
      if (nx === x && ny === y) break;
      const nv = fn.f(nx, ny);
      if (nv < v && Number.isFinite(nv)) {
        x = nx;
        y = ny;
        v = nv;
        moved = true;
        break;
      }
    }
    if (!moved) break;
  }
  return { x, y, v };
}

/**
 * The local minimum a damped Newton descent from (x, y) reaches within the box (the polish above, on its
 * own): the lab's basins of attraction confirm that a cluster of end points sits at a minimum with it.
 */
export function localMinimum(fn: MinimumInputs, domain: Domain, x: number, y: number): MinimumEstimate {
  const p = polish(fn, domain, x, y, fn.f(x, y));
  return { value: p.v, at: [p.x, p.y] };
}

/** The lowest value found on the box, or null where f has no finite sample there. */
export function estimateMinimum(fn: MinimumInputs, domain: Domain, n: number = MINIMUM_GRID): MinimumEstimate | null {
  const [xl, xh] = domain.x;
  const [yl, yh] = domain.y;
  const values = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const y = yl + ((yh - yl) * j) / (n - 1);
    for (let i = 0; i < n; i++) values[j * n + i] = fn.f(xl + ((xh - xl) * i) / (n - 1), y);
  }
  const candidates = gridMinima(values, n).slice(0, CANDIDATES);
  let best: MinimumEstimate | null = null;
  for (const index of candidates) {
    const i = index % n;
    const j = (index - i) / n;
    const x = xl + ((xh - xl) * i) / (n - 1);
    const y = yl + ((yh - yl) * j) / (n - 1);
    const p = polish(fn, domain, x, y, values[index]);
    if (best === null || p.v < best.value) best = { value: p.v, at: [p.x, p.y] };
  }
  return best;
}

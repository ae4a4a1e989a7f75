/**
 * Where the curvature lens reads the Hessian, and how the panel names that point: the start, or the
 * current point, which is the inspected entrant's point at the iteration shown (else the highlighted
 * run's, else the first run's), so the numbers are true at that iteration. The reading itself is
 * src/render/curvature-lens.ts.
 */
import type { HessianAt } from '../../lab/limits.ts';
import { readLens, type LensReading } from '../../render/curvature-lens.ts';
import { shownIndex } from '../../render/race-status.ts';
import type { LensAt } from '../../view/state.ts';
import type { PlotRun } from './plot-run.ts';

export interface LensView {
  readonly reading: LensReading;
  /** "at the start (−7, 2)", "at Adam's point at iteration 12, (−6.1, 1.4)". */
  readonly where: string;
  /** The run whose point it is, or null for the start (every run's). */
  readonly run: string | null;
}

const point = (p: readonly [number, number]): string => `(${p.map((v) => String(Number(v.toPrecision(4))).replace(/^-/, '−')).join(', ')})`;

export function lensView(
  at: LensAt,
  hessian: HessianAt | null,
  start: readonly [number, number],
  runs: readonly PlotRun[],
  k: number,
  pick: { readonly inspect: number | null; readonly highlight: string | null },
): LensView | null {
  if (at === 'off' || hessian === null) return null;
  if (at === 'start' || runs.length === 0) return { reading: readLens(hessian, start), where: `at the start ${point(start)}`, run: null };
  const hi = runs.findIndex((r) => r.id === pick.highlight);
  const run = runs[pick.inspect !== null && pick.inspect < runs.length ? pick.inspect : hi >= 0 ? hi : 0];
  const i = shownIndex(run, k);
  const p: [number, number] = [run.xs[i], run.ys[i]];
  return { reading: readLens(hessian, p), where: `at ${run.name}'s point at iteration ${i}, ${point(p)}`, run: run.id };
}

/**
 * Where the curvature lens reads the Hessian, and how the panel and the figure's caption name that point:
 * the start, or the current point, which is the inspected entrant's point at the iteration shown (else the
 * highlighted run's — the app's hover, absent from exports — else the first run's), so the numbers are true
 * at that iteration. One choice for the app's plot and panel and for the exported figure (view-figure.ts).
 * The reading itself is curvature-lens.ts, the marks curvature-marks.ts.
 */
import type { HessianAt } from '../lab/limits.ts';
import type { LensAt } from '../view/state.ts';
import { readLens, type LensReading } from './curvature-lens.ts';
import { formatNumber, shownIndex, type RecordedRun } from './race-status.ts';

/** What the choice needs of a run: its recorded points and its entrant's key and name. */
export interface LensRun extends RecordedRun {
  readonly id: string;
  readonly name: string;
}

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
  runs: readonly LensRun[],
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

/** The figure's one-line caption: "Curvature lens at the start (−7, 2): κ = 10, SGD stable for lr < 1". */
export function lensCaption(lens: LensView): string {
  const r = lens.reading;
  const f = formatNumber;
  const stable = r.sgdLimit === null ? '' : `, SGD stable for lr < ${f(r.sgdLimit)}`;
  const what: Record<LensReading['shape'], string> = {
    bowl: `κ = ${f(r.condition ?? NaN)}${stable}`,
    saddle: `a saddle, λ = ${f(r.eigenvalues[0])} and ${f(r.eigenvalues[1])}${stable}`,
    flat: `κ = ∞${stable}`,
    hilltop: `no positive curvature, λ = ${f(r.eigenvalues[0])} and ${f(r.eigenvalues[1])}`,
    undefined: 'the Hessian is not finite',
  };
  return `Curvature lens ${lens.where}: ${what[r.shape]}`;
}

/**
 * What the loss chart plots on its y axis, and over which range. Pure, so the tests pin the decision.
 *
 * The range comes from the runs that did not diverge: every finite loss they recorded, the target, and the
 * shared start. A diverged run adds only its losses at or below that top (so a dip before it blew up still
 * shows); above the top it is clipped to the chart's top edge and ends with a marker (LossChart.svelte), so
 * one run's 1e23 never flattens every other line. Only when every run diverged do all their finite losses
 * set the range.
 *
 * Scale: losses (of that range) that are all positive are plotted as they are, on a log axis where they
 * span more than two decades (max/min > 100), else on a linear one. Otherwise, where the surface's minimum
 * value f* is known, the gap f − f* is plotted on a log axis (floored at 1e-16 so reaching f* exactly stays
 * on the chart); with f* unknown (a surface unbounded below) the axis is linear. The target, a gap f − f*,
 * is passed here as the value of f it stands for (f* + target) and drawn at targetLevel: its plotted value,
 * or null where a log axis cannot show it (at or below the floor: a threshold ≤ 0 on an axis of f, or
 * ≤ f* on an axis of the gap).
 */
export interface LossAxis {
  readonly log: boolean;
  readonly label: string;
  readonly value: (loss: number) => number;
  /** The y range in plotted units (value(loss)), lo < hi, before the chart's nice rounding. */
  readonly domain: readonly [number, number];
}

/** A run as the axis reads it (a PlotRun or a Trajectory is one). */
export interface LossSeries {
  readonly losses: ArrayLike<number>;
  readonly diverged: boolean;
}

const FLOOR = 1e-16;
/** Positive losses spanning more than this ratio (two decades) get a log axis. */
const LOG_SPAN = 100;

/** The raw losses that set the axis: see the module comment. */
function rangeLosses(runs: readonly LossSeries[], target: number | null): number[] {
  const out: number[] = [];
  const steady = runs.filter((r) => !r.diverged);
  if (steady.length === 0) {
    for (const r of runs) for (let i = 0; i < r.losses.length; i++) if (Number.isFinite(r.losses[i])) out.push(r.losses[i]);
    return out;
  }
  let top = target !== null && Number.isFinite(target) ? target : -Infinity;
  for (const r of steady) {
    for (let i = 0; i < r.losses.length; i++) {
      const v = r.losses[i];
      if (Number.isFinite(v)) {
        out.push(v);
        if (v > top) top = v;
      }
    }
  }
  for (const r of runs) {
    if (!r.diverged) continue;
    for (let i = 0; i < r.losses.length; i++) {
      const v = r.losses[i];
      if (Number.isFinite(v) && (i === 0 || v <= top)) out.push(v);
    }
  }
  return out;
}

export function lossAxis(runs: readonly LossSeries[], minValue: number | null, target: number | null = null): LossAxis {
  const losses = rangeLosses(runs, target);
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of losses) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  // No losses at all counts as positive (a linear axis of f).
  const positive = lo > 0;
  let log: boolean;
  let label: string;
  let value: (loss: number) => number;
  if (positive) {
    log = positive && hi / lo > LOG_SPAN;
    label = log ? 'loss f (log scale)' : 'loss f';
    value = (v) => v;
  } else if (minValue !== null) {
    log = true;
    label = 'gap to minimum f − f* (log scale)';
    value = (v) => Math.max(FLOOR, v - minValue);
  } else {
    log = false;
    label = 'loss f';
    value = (v) => v;
  }
  const partial = { log, label, value, domain: [0, 1] as const };
  const level = targetLevel(partial, target);
  let dlo = level ?? Infinity;
  let dhi = level ?? -Infinity;
  for (const l of losses) {
    const v = value(l);
    if (v < dlo) dlo = v;
    if (v > dhi) dhi = v;
  }
  let domain: readonly [number, number];
  if (!Number.isFinite(dlo) || !Number.isFinite(dhi)) domain = log ? [0.1, 10] : [-1, 1];
  else if (!(dhi > dlo)) domain = log ? [Math.max(dlo, FLOOR) / 10, Math.max(dhi, FLOOR) * 10] : [dlo - 1, dhi + 1];
  else domain = [dlo, dhi];
  return { log, label, value, domain };
}

/** Where the chart draws the loss target on this axis, or null (no target, or not on a log axis). */
export function targetLevel(axis: Pick<LossAxis, 'log' | 'value'>, target: number | null): number | null {
  if (target === null) return null;
  const v = axis.value(target);
  return axis.log && !(v > FLOOR) ? null : v;
}

/** The index of a run's last finite recorded loss (where a diverged run's marker goes), or −1. */
export function lastFinite(losses: ArrayLike<number>): number {
  for (let i = losses.length - 1; i >= 0; i--) if (Number.isFinite(losses[i])) return i;
  return -1;
}

/**
 * What the loss chart plots on its y axis. A log axis needs positive values: losses that are all
 * positive are plotted as they are; otherwise, where the surface's minimum value f* is known, the gap
 * f − f* is plotted (floored at 1e-16 so reaching f* exactly stays on the chart); with f* unknown
 * (a saddle unbounded below) the axis is linear. The loss target is drawn at targetLevel: its plotted
 * value, or null where a log axis cannot show it (at or below the floor: a target ≤ 0 on an axis of f, or
 * ≤ f* on an axis of the gap).
 */
export interface LossAxis {
  readonly log: boolean;
  readonly label: string;
  readonly value: (loss: number) => number;
}

const FLOOR = 1e-16;

export function lossAxis(losses: readonly ArrayLike<number>[], minValue: number | null): LossAxis {
  let positive = true;
  for (const ls of losses) {
    for (let i = 0; i < ls.length && positive; i++) if (!(ls[i] > 0)) positive = false;
  }
  if (positive) return { log: true, label: 'loss f (log scale)', value: (v) => v };
  if (minValue !== null) {
    return { log: true, label: 'gap to minimum f − f* (log scale)', value: (v) => Math.max(FLOOR, v - minValue) };
  }
  return { log: false, label: 'loss f', value: (v) => v };
}

/** Where the chart draws the loss target on this axis, or null (no target, or not on a log axis). */
export function targetLevel(axis: LossAxis, target: number | null): number | null {
  if (target === null) return null;
  const v = axis.value(target);
  return axis.log && !(v > FLOOR) ? null : v;
}

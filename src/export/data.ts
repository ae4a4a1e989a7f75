/**
 * A race as data, the one format of the app's "Export data" and of `cli race --json` (both call
 * raceDataJson with the view and its race, so the two never drift apart):
 *
 *   {"surface": {"id", "expr", "start": [x, y], "fStar", "target"}, "noise": {"sigma", "seed"} | null,
 *    "schedule": formatSchedule(...), "runs": [{"optimizer", "hyper", "hit", "settled", "diverged", "divergedAt",
 *    "steps", "final": [x, y, loss], "path": [[x, y, loss], …]}]}
 *
 * A typed expression's surface id is "custom"; "fStar" is the view's f* (known, or estimated for an
 * expression) and "target" the gap f − f* a run must stay at or below, null when no target is set; "noise" is null
 * without noise (σ = 0). path[k] is the point after k updates (path[0] the start); a diverged run stops
 * before the offending point. "hit" is the first k with the gap f − f* within the target, "settled" the first k from
 * which it stays within it to the end of the budget (null if above it at the end, or diverged): run.ts. Or as CSV, one row per recorded iterate:
 *
 *   optimizer,iteration,x,y,loss
 *   adam,0,-1.2,1,24.2
 *
 * Numbers are written with String(v), which round-trips every double exactly. Whole runs are exported,
 * whatever the playback position.
 */
import type { Trajectory } from '../run/run.ts';
import { formatSchedule } from '../run/schedules.ts';
import type { ViewState } from '../view/state.ts';

export function raceJson(view: ViewState, runs: readonly Trajectory[]) {
  return {
    surface: { id: view.surface ?? 'custom', expr: view.expr, start: [view.start[0], view.start[1]], fStar: view.fStar, target: view.target },
    noise: view.noise > 0 ? { sigma: view.noise, seed: view.seed } : null,
    schedule: formatSchedule(view.schedule),
    runs: runs.map((t) => {
      const path: [number, number, number][] = [];
      for (let k = 0; k < t.xs.length; k++) path.push([t.xs[k], t.ys[k], t.losses[k]]);
      return {
        optimizer: t.optimizer,
        hyper: t.hyper,
        hit: t.hit,
        settled: t.settled,
        diverged: t.diverged,
        divergedAt: t.divergedAt,
        steps: t.steps,
        final: path[path.length - 1],
        path,
      };
    }),
  };
}

export function raceDataJson(view: ViewState, runs: readonly Trajectory[]): string {
  return `${JSON.stringify(raceJson(view, runs))}\n`;
}

export function raceDataCsv(runs: readonly Trajectory[]): string {
  const lines = ['optimizer,iteration,x,y,loss'];
  for (const t of runs) {
    for (let k = 0; k < t.xs.length; k++) lines.push(`${t.optimizer},${k},${t.xs[k]},${t.ys[k]},${t.losses[k]}`);
  }
  return `${lines.join('\n')}\n`;
}

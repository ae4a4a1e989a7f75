/**
 * "Export data": the race of the current view as JSON in exactly the `cli race --json` format (built by
 * race-json.ts's raceJson, so the two never drift apart) or as CSV with one row per recorded iterate:
 *
 *   optimizer,iteration,x,y,loss
 *   adam,0,-1.2,1,24.2
 *
 * iteration k is the point after k updates (0 = the start); a diverged run stops before the offending
 * point, as in the JSON. Numbers are written with String(v), which round-trips every double exactly.
 * Whole runs are exported, whatever the playback position.
 */
import { compileExpression, expressionObjective } from '../math/expression/index.ts';
import type { Trajectory } from '../run/run.ts';
import { raceJson, type RaceRequest } from './race-json.ts';
import type { ViewState } from './url-state.ts';

/** The CLI's race request for a view (the CLI names a typed expression's surface "custom"). */
export function raceRequestForView(view: ViewState): RaceRequest {
  const compiled = compileExpression(view.expr);
  if (!compiled.ok) throw new Error(`The expression does not compile: ${compiled.error.message}`);
  return {
    surface: { id: view.surface ?? 'custom', expr: view.expr, start: [view.start[0], view.start[1]], target: view.target },
    objective: expressionObjective(compiled.value),
    steps: view.steps,
    optimizers: [...view.optimizers],
    hyper: Object.fromEntries(view.optimizers.map((id) => [id, { ...view.hyper[id] }])) as RaceRequest['hyper'],
    noise: view.noise > 0 ? { sigma: view.noise, seed: view.seed } : null,
    schedule: view.schedule,
    json: true,
  };
}

export function raceDataJson(view: ViewState, runs: readonly Trajectory[]): string {
  return `${JSON.stringify(raceJson(raceRequestForView(view), runs))}\n`;
}

export function raceDataCsv(runs: readonly Trajectory[]): string {
  const lines = ['optimizer,iteration,x,y,loss'];
  for (const t of runs) {
    for (let k = 0; k < t.xs.length; k++) lines.push(`${t.optimizer},${k},${t.xs[k]},${t.ys[k]},${t.losses[k]}`);
  }
  return `${lines.join('\n')}\n`;
}

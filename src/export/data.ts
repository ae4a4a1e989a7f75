/**
 * A race as data, the one format of the app's "Export data" and of `cli race --json` (both call
 * raceDataJson with the view and its race, so the two never drift apart):
 *
 *   {"surface": {"id", "expr", "start": [x, y], "fStar", "target"}, "noise": {"sigma", "seed"} | null,
 *    "schedule": formatSchedule(...), "runs": [{"entrant", "optimizer", "hyper", "schedule", "hit", "settled",
 *    "diverged", "divergedAt", "steps", "final": [x, y, loss], "path": [[x, y, loss], …]}]}
 *
 * "entrant" is the run's label, unique within the race and in the syntax of `--optimizers` and the link's
 * `opt=` (`adam`, `adam:lr=0.1:beta1=0.8`, `adam#2` for a second identical entrant); "hyper" is every
 * hyperparameter it ran with and the run's "schedule" the learning-rate schedule it ran (its own, else the
 * race's top-level one).
 *
 * Several seeds (`seeds` N > 1 with noise): the top level adds "seeds": N, each run is its entrant's median
 * run over the N noise seeds (src/run/race.ts) and adds "medianSeed" and "seeds": [{"seed", "hit",
 * "settled", "diverged", "divergedAt", "steps", "final"}, …], every seed's numbers in seed order (paths
 * only for the median run, to keep the file the size of one race). Without them these keys are absent, so
 * a one-seed race's JSON is what it always was.
 *
 * An entrant with mini-batches (linear regression's `batch=`) adds "batch": its points per step (its path's
 * losses are still the full-data loss), and the top level "shuffleSeed": the seed of the batches' order
 * (the view's seed, as the noise's; with several seeds, the first).
 *
 * A typed expression's surface id is "custom"; "fStar" is the view's f* (known, or estimated for an
 * expression) and "target" the gap f − f* a run must stay at or below, null when no target is set; "noise" is null
 * without noise (σ = 0). path[k] is the point after k updates (path[0] the start); a diverged run stops
 * before the offending point. "hit" is the first k with the gap f − f* within the target, "settled" the first k from
 * which it stays within it to the end of the budget (null if above it at the end, or diverged): run.ts. Or as CSV, one row per recorded iterate:
 *
 *   optimizer,iteration,x,y,loss,entrant
 *   adam,0,-1.2,1,24.2,adam
 *
 * (the entrant last, so the columns before it keep their places; a label with a comma or a quote is
 * quoted as CSV quotes).
 *
 * Numbers are written with String(v), which round-trips every double exactly. Whole runs are exported,
 * whatever the playback position.
 *
 * A learning-rate sweep (src/lab/sweep-runs.ts) as data, the app's "Export data" in the Sweep view and
 * `cli sweep --json` alike: {"surface": {…as above}, "runs": [SweepRun, …]}; or as CSV, one row per
 * (entrant, grid value), empty cells for null:
 *
 *   entrant,optimizer,param,value,hit,settled,diverged,finalGap
 *   sgd,sgd,lr,0.0001,,,false,8.553391835822342
 */
import type { SweepRun } from '../lab/sweep-runs.ts';
import type { EntrantRun } from '../run/race.ts';
import type { Trajectory } from '../run/run.ts';
import { formatSchedule } from '../run/schedules.ts';
import type { ViewState } from '../view/state.ts';

const finalOf = (t: Trajectory): [number, number, number] => {
  const k = t.xs.length - 1;
  return [t.xs[k], t.ys[k], t.losses[k]];
};

/** The race's "surface" object; the lab's sweep and map JSON open with the same one. */
export const surfaceJson = (view: ViewState) => ({
  id: view.surface ?? 'custom',
  expr: view.expr,
  start: [view.start[0], view.start[1]],
  fStar: view.fStar,
  target: view.target,
});

export function raceJson(view: ViewState, runs: readonly EntrantRun[]) {
  const multi = runs.some((t) => t.seeds.length > 1);
  return {
    surface: surfaceJson(view),
    noise: view.noise > 0 ? { sigma: view.noise, seed: view.seed } : null,
    ...(multi ? { seeds: view.seeds } : {}),
    ...(runs.some((t) => t.batch !== null) ? { shuffleSeed: view.seed } : {}),
    schedule: formatSchedule(view.schedule),
    runs: runs.map((t) => {
      const path: [number, number, number][] = [];
      for (let k = 0; k < t.xs.length; k++) path.push([t.xs[k], t.ys[k], t.losses[k]]);
      return {
        entrant: t.entrant,
        optimizer: t.optimizer,
        hyper: t.hyper,
        schedule: formatSchedule(t.schedule),
        hit: t.hit,
        settled: t.settled,
        diverged: t.diverged,
        divergedAt: t.divergedAt,
        steps: t.steps,
        final: path[path.length - 1],
        path,
        ...(t.batch === null ? {} : { batch: t.batch }),
        ...(t.seeds.length > 1
          ? {
              medianSeed: t.medianSeed,
              seeds: t.seeds.map((r) => ({ seed: r.seed, hit: r.hit, settled: r.settled, diverged: r.diverged, divergedAt: r.divergedAt, steps: r.steps, final: finalOf(r) })),
            }
          : {}),
      };
    }),
  };
}

export function raceDataJson(view: ViewState, runs: readonly EntrantRun[]): string {
  return `${JSON.stringify(raceJson(view, runs))}\n`;
}

export function raceDataCsv(runs: readonly EntrantRun[]): string {
  const lines = ['optimizer,iteration,x,y,loss,entrant'];
  for (const t of runs) {
    const entrant = csvCell(t.entrant);
    for (let k = 0; k < t.xs.length; k++) lines.push(`${t.optimizer},${k},${t.xs[k]},${t.ys[k]},${t.losses[k]},${entrant}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A CSV field: quoted (quotes doubled) when it holds a comma, a quote or a line break. */
export const csvCell = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

export const sweepJson = (view: ViewState, runs: readonly SweepRun[]) => ({ surface: surfaceJson(view), runs });

export function sweepDataJson(view: ViewState, runs: readonly SweepRun[]): string {
  return `${JSON.stringify(sweepJson(view, runs))}\n`;
}

export function sweepDataCsv(runs: readonly SweepRun[]): string {
  const lines = ['entrant,optimizer,param,value,hit,settled,diverged,finalGap'];
  const cell = (v: number | null) => (v === null ? '' : String(v));
  for (const r of runs) {
    const entrant = csvCell(r.entrant);
    for (const x of r.results) lines.push(`${entrant},${r.optimizer},${r.param},${x.value},${cell(x.hit)},${cell(x.settled)},${x.diverged},${cell(x.finalGap)}`);
  }
  return `${lines.join('\n')}\n`;
}

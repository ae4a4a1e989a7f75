/**
 * A race as JSON, the one format of `cli race --json` and the app's "Export data":
 *   {"surface": {"id", "expr", "start": [x, y], "target"}, "noise": {"sigma", "seed"} | null,
 *    "schedule": formatSchedule(...), "runs": [{"optimizer", "hyper", "hit", "diverged", "divergedAt", "steps",
 *    "final": [x, y, loss], "path": [[x, y, loss], …]}]}
 * path[k] is the point after k updates (path[0] the start); diverged runs stop before the offending point.
 */
import type { Objective } from '../math/objective.ts';
import type { Hyper, OptimizerId } from '../optim/types.ts';
import type { Trajectory } from '../run/run.ts';
import { formatSchedule, type Schedule } from '../run/schedules.ts';

export interface RaceRequest {
  readonly surface: { id: string; expr: string; start: [number, number]; target: number | null };
  readonly objective: Objective;
  readonly steps: number;
  readonly optimizers: OptimizerId[];
  readonly hyper: Record<OptimizerId, Hyper>;
  readonly noise: { sigma: number; seed: number } | null;
  readonly schedule: Schedule;
  readonly json: boolean;
}

export function raceJson(request: RaceRequest, runs: readonly Trajectory[]) {
  return {
    surface: request.surface,
    noise: request.noise,
    schedule: formatSchedule(request.schedule),
    runs: runs.map((t) => {
      const path: [number, number, number][] = [];
      for (let k = 0; k < t.xs.length; k++) path.push([t.xs[k], t.ys[k], t.losses[k]]);
      return {
        optimizer: t.optimizer,
        hyper: t.hyper,
        hit: t.hit,
        diverged: t.diverged,
        divergedAt: t.divergedAt,
        steps: t.steps,
        final: path[path.length - 1],
        path,
      };
    }),
  };
}


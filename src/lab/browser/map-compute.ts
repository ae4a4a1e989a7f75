/**
 * A view's start-point map, computed off the main thread and progressively (issue 10): first a coarse
 * map (COARSE_RES per side, or the full res if that is smaller) so the view is never blank, then the full
 * res × res map. Each stage's starts are split into consecutive parts run as pool tasks (one Web Worker
 * each, map-worker.ts; the pool runs at most its size at once); the parts are joined in order
 * (src/lab/map.ts joinBatches), which gives the numbers one pass over every start gives, and one more
 * task finds the joined map's basins. Progress counts the point-steps (starts × entrants × budget) of
 * finished parts over both stages. cancel() drops queued tasks and terminates running ones; no event
 * comes after it.
 */
import type { Basins } from '../basins.ts';
import { joinBatches } from '../map.ts';
import type { Pool } from '../../mnist/browser/pool.ts';
import type { BatchResult } from '../../run/batch.ts';
import type { ViewState } from '../../view/state.ts';
import { viewMap, type ViewMap } from '../../view/view-map.ts';
import type { MapReply, MapRequest } from './map-protocol.ts';

export const COARSE_RES = 32;

export interface MapJobEvents {
  /** Point-steps finished, and in all. */
  progress(done: number, total: number): void;
  /** A stage's map is ready; `final` for the full res. */
  stage(map: ViewMap, final: boolean): void;
  failed(message: string): void;
}

export interface MapJob {
  cancel(): void;
}

/** The resolutions computed in turn: the coarse one first where it is smaller. */
export function mapStages(res: number): number[] {
  return res > COARSE_RES ? [COARSE_RES, res] : [res];
}

/** `count` consecutive ranges [from, to) covering n starts, as even as can be (none empty). */
export function splitStarts(n: number, count: number): { from: number; to: number }[] {
  const parts = Math.max(1, Math.min(count, n));
  return Array.from({ length: parts }, (_, w) => ({ from: Math.round((w * n) / parts), to: Math.round(((w + 1) * n) / parts) }));
}

/** Starts the map of `view` at `res`, each stage split into `parts(stageRes)` pool tasks. */
export function computeMap(view: ViewState, res: number, pool: Pool, parts: (stageRes: number) => number, events: MapJobEvents): MapJob {
  const stages = mapStages(res);
  const perStart = view.entrants.length * view.steps;
  const total = stages.reduce((n, r) => n + r * r * perStart, 0);
  let done = 0;
  let cancelled = false;
  const handles: { cancel(): void }[] = [];

  /** One pool task: post the request, hand its reply on (a failure ends the job). */
  const ask = (request: MapRequest, then: (reply: Exclude<MapReply, { type: 'failed' }>) => void) => {
    handles.push(
      pool.submit({
        start: (worker) => worker.postMessage(request),
        message: (data) => {
          const reply = data as MapReply;
          if (cancelled) return true;
          if (reply.type === 'failed') fail(reply.message);
          else then(reply);
          return true;
        },
        failed: (message) => fail(message),
        cancelled: () => {},
      }),
    );
  };

  const runStage = (s: number) => {
    const stageRes = stages[s];
    const ranges = splitStarts(stageRes * stageRes, parts(stageRes));
    const results: BatchResult[][] = [];
    let left = ranges.length;
    ranges.forEach((range, p) =>
      ask({ kind: 'part', view, res: stageRes, ...range }, (reply) => {
        if (reply.type !== 'part') return;
        results[p] = reply.runs;
        done += (range.to - range.from) * perStart;
        events.progress(done, total);
        if (--left === 0) withBasins(s, results[0].map((_, k) => joinBatches(results.map((r) => r[k]))));
      }),
    );
  };

  const withBasins = (s: number, runs: BatchResult[]) => {
    const ends = runs.map((b) => ({ end: b.end, divergedAt: b.divergedAt }));
    ask({ kind: 'basins', view, runs: ends }, (reply) => {
      if (reply.type !== 'basins') return;
      finish(s, runs, reply.basins);
    });
  };

  const finish = (s: number, runs: BatchResult[], basins: Basins) => {
    let map: ViewMap;
    try {
      map = viewMap(view, stages[s], runs, basins);
    } catch (err) {
      return fail((err as Error).message);
    }
    const final = s === stages.length - 1;
    events.stage(map, final);
    if (!final && !cancelled) runStage(s + 1);
  };

  const fail = (message: string) => {
    if (cancelled) return;
    cancel();
    events.failed(message);
  };

  const cancel = () => {
    cancelled = true;
    for (const h of handles) h.cancel();
  };

  runStage(0);
  return { cancel };
}

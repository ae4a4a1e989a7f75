/**
 * The lab's speed workloads as functions, so Node (bench/batch.bench.ts, bench/lab.bench.ts) and Chromium
 * (bench/lab-chromium.bench.ts, which bundles this file into a page) time the same code:
 *   batchVsScalar: the classic seven × grid² starts × steps on Rosenbrock at the surface's default rates,
 *     batched (runBatch) against the scalar run() loop over the same starts (every 32nd start, scaled:
 *     the full scalar loop would take minutes), in point-steps per second and their ratio;
 *   mapTime: the same work through mapRuns, as a Map view runs it (one thread);
 *   sweepTime: the classic seven × 61 learning rates 10⁻⁴ … 10 × 5,000 updates on Rosenbrock from its
 *     start, as `cli sweep` and the Sweep view run it (src/lab/sweep.ts, scalar run()s).
 * Each starts with a short warm-up of every rule on both paths, so neither is charged the JIT's first
 * compilation. Times are taken with `clock` (milliseconds): wall time by default; the Node benches pass
 * the process's CPU time, which does not count the time other programs hold the cores.
 * The benches run this file bundled (bench/bundle.ts), as the CLI and the app ship the engine.
 */
import { getSurface } from '../surfaces/index.ts';
import { surfaceObjective } from '../surfaces/objective.ts';
import { CLASSIC_OPTIMIZERS, resolveHyper } from '../src/optim/index.ts';
import { runBatch } from '../src/run/batch.ts';
import { run } from '../src/run/run.ts';
import { mapRuns } from '../src/lab/map.ts';
import { gridStarts } from '../src/lab/start-grid.ts';
import { logGrid } from '../src/lab/log-grid.ts';
import { sweep, sweepParam } from '../src/lab/sweep.ts';
import type { Entrant } from '../src/run/race.ts';

const surface = getSurface('rosenbrock')!;
const objective = surfaceObjective(surface);
const entrants: Entrant[] = CLASSIC_OPTIMIZERS.map((optimizer) => ({ optimizer, hyper: resolveHyper(optimizer, surface.hyper[optimizer.id]) }));

export interface RuleTiming {
  readonly id: string;
  readonly batchMs: number;
  readonly scalarMs: number;
}

export interface BatchVsScalar {
  readonly grid: number;
  readonly steps: number;
  readonly rules: readonly RuleTiming[];
  readonly batchMs: number;
  /** The scalar loop's time for all starts, extrapolated from every `stride`-th start. */
  readonly scalarMs: number;
  readonly batchRate: number;
  readonly scalarRate: number;
  readonly ratio: number;
  readonly stride: number;
  readonly repeats: number;
}

function warmUp(): void {
  const starts = gridStarts({ domain: surface.domain, nx: 16, ny: 16 });
  for (const { optimizer, hyper } of entrants) {
    runBatch({ objective, optimizer, hyper, starts, steps: 200, target: surface.target });
    for (let q = 0; q < 32; q++) run({ objective, optimizer, hyper, start: [starts[2 * q], starts[2 * q + 1]], steps: 200, target: surface.target });
  }
}

export type Clock = () => number;
const wall: Clock = () => performance.now();

/**
 * Each rule's batch and its scalar sample are timed `repeats` times, alternately, and the fastest of each
 * kept: on a shared machine a slice of time taken by another program only ever adds, so the minimum is
 * the best estimate of what the work itself costs.
 */
export function batchVsScalar(grid = 128, steps = 1000, stride = 32, clock: Clock = wall, repeats = 3): BatchVsScalar {
  warmUp();
  const starts = gridStarts({ domain: surface.domain, nx: grid, ny: grid });
  const points = grid * grid;
  const rules: RuleTiming[] = [];
  for (const { optimizer, hyper } of entrants) {
    let batchMs = Infinity;
    let scalarMs = Infinity;
    for (let r = 0; r < repeats; r++) {
      const t0 = clock();
      runBatch({ objective, optimizer, hyper, starts, steps, target: surface.target });
      batchMs = Math.min(batchMs, clock() - t0);
      const t1 = clock();
      let sampled = 0;
      for (let q = 0; q < points; q += stride, sampled++) {
        run({ objective, optimizer, hyper, start: [starts[2 * q], starts[2 * q + 1]], steps, target: surface.target });
      }
      scalarMs = Math.min(scalarMs, ((clock() - t1) * points) / sampled);
    }
    rules.push({ id: optimizer.id, batchMs, scalarMs });
  }
  const batchMs = rules.reduce((s, r) => s + r.batchMs, 0);
  const scalarMs = rules.reduce((s, r) => s + r.scalarMs, 0);
  const work = entrants.length * points * steps;
  return { grid, steps, rules, batchMs, scalarMs, batchRate: work / (batchMs / 1000), scalarRate: work / (scalarMs / 1000), ratio: scalarMs / batchMs, stride, repeats };
}

/** The map of the classic seven over grid² starts, as mapRuns runs it on one thread; milliseconds. */
export function mapTime(grid = 128, steps = 1000, clock: Clock = wall): { ms: number; pointSteps: number } {
  warmUp();
  const t0 = clock();
  mapRuns({ objective, entrants, domain: surface.domain, nx: grid, ny: grid, steps, target: surface.target, fStar: surface.minValue ?? 0 });
  return { ms: clock() - t0, pointSteps: entrants.length * grid * grid * steps };
}

/** The sweep of the classic seven (61 values of lr, or AdaDelta's ε, over 10⁻⁴ … 10 clipped to its range); milliseconds. */
export function sweepTime(points = 61, steps = 5000, clock: Clock = wall): { ms: number; steps: number } {
  warmUp();
  let runs = 0;
  const t0 = clock();
  for (const { optimizer, hyper } of entrants) {
    const param = sweepParam(optimizer);
    const values = logGrid({ from: 1e-4, to: 10, points }, optimizer.hyper.find((h) => h.key === param)!);
    runs += values.length;
    sweep({ objective, optimizer, hyper, param, values, start: surface.start, steps, target: surface.target, fStar: surface.minValue ?? 0 });
  }
  return { ms: clock() - t0, steps: runs * steps };
}

export function formatBatchVsScalar(r: BatchVsScalar, clock = 'wall'): string {
  const lines = [`Rosenbrock, ${r.rules.length} optimizers × ${r.grid}×${r.grid} starts × ${r.steps} updates, one thread, ${clock} seconds, fastest of ${r.repeats} (scalar loop: 1 start in ${r.stride}, scaled)`];
  for (const t of r.rules) {
    lines.push(`  ${t.id.padEnd(9)} batch ${(t.batchMs / 1000).toFixed(2).padStart(6)} s   scalar ${(t.scalarMs / 1000).toFixed(2).padStart(6)} s   ${(t.scalarMs / t.batchMs).toFixed(2)}×`);
  }
  lines.push(
    `  total: batch ${(r.batchMs / 1000).toFixed(2)} s = ${(r.batchRate / 1e6).toFixed(1)} M point-steps/s; ` +
      `scalar ${(r.scalarMs / 1000).toFixed(2)} s = ${(r.scalarRate / 1e6).toFixed(1)} M point-steps/s; ratio ${r.ratio.toFixed(2)}×`,
  );
  return lines.join('\n');
}

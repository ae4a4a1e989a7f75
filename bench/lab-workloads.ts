/**
 * The lab's speed workloads as functions, so Node (bench/batch.bench.ts, bench/lab.bench.ts) and Chromium
 * (bench/lab-chromium.bench.ts, which bundles this file into a page) time the same code:
 *   batchVsScalar: the classic seven × grid² starts × steps on Rosenbrock at the surface's default rates,
 *     batched (runBatch) against the scalar run() loop over the same starts (every 32nd start, scaled:
 *     the full scalar loop would take minutes), in point-steps per second and their ratio;
 *   mapTime: the same work through mapRuns, as a Map view runs it (one thread).
 * Both start with a short warm-up of every rule on both paths, so neither is charged the JIT's first
 * compilation.
 */
import { getSurface } from '../surfaces/index.ts';
import { surfaceObjective } from '../surfaces/objective.ts';
import { CLASSIC_OPTIMIZERS, resolveHyper } from '../src/optim/index.ts';
import { runBatch } from '../src/run/batch.ts';
import { run } from '../src/run/run.ts';
import { mapRuns } from '../src/lab/map.ts';
import { gridStarts } from '../src/lab/start-grid.ts';
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
}

function warmUp(): void {
  const starts = gridStarts({ domain: surface.domain, nx: 16, ny: 16 });
  for (const { optimizer, hyper } of entrants) {
    runBatch({ objective, optimizer, hyper, starts, steps: 200, target: surface.target });
    for (let q = 0; q < 32; q++) run({ objective, optimizer, hyper, start: [starts[2 * q], starts[2 * q + 1]], steps: 200, target: surface.target });
  }
}

export function batchVsScalar(grid = 128, steps = 1000, stride = 32): BatchVsScalar {
  warmUp();
  const starts = gridStarts({ domain: surface.domain, nx: grid, ny: grid });
  const points = grid * grid;
  const rules: RuleTiming[] = [];
  for (const { optimizer, hyper } of entrants) {
    const t0 = performance.now();
    runBatch({ objective, optimizer, hyper, starts, steps, target: surface.target });
    const batchMs = performance.now() - t0;
    const t1 = performance.now();
    let sampled = 0;
    for (let q = 0; q < points; q += stride, sampled++) {
      run({ objective, optimizer, hyper, start: [starts[2 * q], starts[2 * q + 1]], steps, target: surface.target });
    }
    const scalarMs = ((performance.now() - t1) * points) / sampled;
    rules.push({ id: optimizer.id, batchMs, scalarMs });
  }
  const batchMs = rules.reduce((s, r) => s + r.batchMs, 0);
  const scalarMs = rules.reduce((s, r) => s + r.scalarMs, 0);
  const work = entrants.length * points * steps;
  return { grid, steps, rules, batchMs, scalarMs, batchRate: work / (batchMs / 1000), scalarRate: work / (scalarMs / 1000), ratio: scalarMs / batchMs, stride };
}

/** The map of the classic seven over grid² starts, as mapRuns runs it on one thread; milliseconds. */
export function mapTime(grid = 128, steps = 1000): { ms: number; pointSteps: number } {
  warmUp();
  const t0 = performance.now();
  mapRuns({ objective, entrants, domain: surface.domain, nx: grid, ny: grid, steps, target: surface.target, fStar: surface.minValue ?? 0 });
  return { ms: performance.now() - t0, pointSteps: entrants.length * grid * grid * steps };
}

export function formatBatchVsScalar(r: BatchVsScalar): string {
  const lines = [`Rosenbrock, ${r.rules.length} optimizers × ${r.grid}×${r.grid} starts × ${r.steps} updates, one thread (scalar loop: 1 start in ${r.stride}, scaled)`];
  for (const t of r.rules) {
    lines.push(`  ${t.id.padEnd(9)} batch ${(t.batchMs / 1000).toFixed(2).padStart(6)} s   scalar ${(t.scalarMs / 1000).toFixed(2).padStart(6)} s   ${(t.scalarMs / t.batchMs).toFixed(2)}×`);
  }
  lines.push(
    `  total: batch ${(r.batchMs / 1000).toFixed(2)} s = ${(r.batchRate / 1e6).toFixed(1)} M point-steps/s; ` +
      `scalar ${(r.scalarMs / 1000).toFixed(2)} s = ${(r.scalarRate / 1e6).toFixed(1)} M point-steps/s; ratio ${r.ratio.toFixed(2)}×`,
  );
  return lines.join('\n');
}

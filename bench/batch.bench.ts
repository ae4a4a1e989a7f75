/**
 * The batched engine against the scalar run() loop, in one run (ratios for the README, never asserted).
 *   npx tsx bench/batch.bench.ts [--grid 128] [--steps 1000]
 * A start-point map's workload: every classic optimizer × grid² starts × steps updates on Rosenbrock at the
 * surface's default rates, on one core. Reports point-steps per second for runBatch and for run() over the
 * same starts (the scalar loop on a subset, scaled), and their ratio.
 */
import { getSurface } from '../surfaces/index.ts';
import { surfaceObjective } from '../surfaces/objective.ts';
import { OPTIMIZERS, resolveHyper } from '../src/optim/index.ts';
import { runBatch } from '../src/run/batch.ts';
import { run } from '../src/run/run.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const grid = arg('grid', 128);
const steps = arg('steps', 1000);
const s = getSurface('rosenbrock')!;
const objective = surfaceObjective(s);
const starts = new Float64Array(2 * grid * grid);
for (let j = 0; j < grid; j++) {
  for (let i = 0; i < grid; i++) {
    starts[2 * (j * grid + i)] = s.domain.x[0] + ((i + 0.5) * (s.domain.x[1] - s.domain.x[0])) / grid;
    starts[2 * (j * grid + i) + 1] = s.domain.y[0] + ((j + 0.5) * (s.domain.y[1] - s.domain.y[0])) / grid;
  }
}
const classics = OPTIMIZERS.filter((o) => o.group === 'classic');
const points = grid * grid;
const scalarSample = Math.min(points, 512);

console.log(`Rosenbrock, ${classics.length} optimizers × ${grid}×${grid} starts × ${steps} updates, one core`);
let batchMs = 0;
let scalarMs = 0;
for (const optimizer of classics) {
  const hyper = resolveHyper(optimizer, s.hyper[optimizer.id]);
  const t0 = performance.now();
  runBatch({ objective, optimizer, hyper, starts, steps, target: s.target });
  const tb = performance.now() - t0;
  const t1 = performance.now();
  for (let p = 0; p < scalarSample; p++) {
    const q = Math.floor((p * points) / scalarSample);
    run({ objective, optimizer, hyper, start: [starts[2 * q], starts[2 * q + 1]], steps, target: s.target });
  }
  const ts = ((performance.now() - t1) * points) / scalarSample;
  batchMs += tb;
  scalarMs += ts;
  console.log(`  ${optimizer.id.padEnd(9)} batch ${(tb / 1000).toFixed(2).padStart(6)} s   scalar ${(ts / 1000).toFixed(2).padStart(6)} s (from ${scalarSample} starts)`);
}
const work = classics.length * points * steps;
console.log(`total: batch ${(batchMs / 1000).toFixed(2)} s = ${(work / batchMs / 1000).toFixed(1)} M point-steps/s;` +
  ` scalar ${(scalarMs / 1000).toFixed(2)} s = ${(work / scalarMs / 1000).toFixed(1)} M point-steps/s; ratio ${(scalarMs / batchMs).toFixed(2)}×`);

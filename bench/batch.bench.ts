/**
 * The batched engine against the scalar run() loop, in one run (ratios for the README, never asserted).
 *   npx tsx bench/batch.bench.ts [--grid 128] [--steps 1000]
 * A start-point map's workload: every classic optimizer × grid² starts × steps updates on Rosenbrock at the
 * surface's default rates, on one thread (bench/lab-workloads.ts). Reports point-steps per second for
 * runBatch and for run() over the same starts (the scalar loop on every 32nd start, scaled), and their
 * ratio. bench/lab.bench.ts prints the same table with the map, CLI and sweep timings.
 */
import { loadavg } from 'node:os';
import { batchVsScalar, formatBatchVsScalar } from './lab-workloads.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(`load average ${load()}`);
console.log(formatBatchVsScalar(batchVsScalar(arg('grid', 128), arg('steps', 1000))));
console.log(`load average ${load()}`);

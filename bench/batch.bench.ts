/**
 * The batched engine against the scalar run() loop, in one run (ratios for the README, never asserted).
 *   npx tsx bench/batch.bench.ts [--grid 128] [--steps 1000]
 * A start-point map's workload: every classic optimizer × grid² starts × steps updates on Rosenbrock at the
 * surface's default rates, on one thread (bench/lab-workloads.ts, bundled: bench/bundle.ts). Reports
 * point-steps per second for runBatch and for run() over the same starts (the scalar loop on 1 start in 32,
 * scaled), and their ratio, in CPU seconds and then in wall seconds. bench/lab.bench.ts prints the same
 * table with the map, CLI and sweep timings.
 */
import { loadavg } from 'node:os';
import { bundledWorkloads, cpuClock } from './bundle.ts';
import { wholeOption } from './option.ts';

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const { batchVsScalar, formatBatchVsScalar } = await bundledWorkloads();
console.log(`load average ${load()}`);
console.log(formatBatchVsScalar(batchVsScalar(wholeOption('grid', 128), wholeOption('steps', 1000), 32, cpuClock), 'CPU'));
console.log(formatBatchVsScalar(batchVsScalar(wholeOption('grid', 128), wholeOption('steps', 1000)), 'wall'));
console.log(`load average ${load()}`);

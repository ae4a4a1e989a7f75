/**
 * The lab's speed goals (issue 10, "One engine for many runs"), in one run (numbers for the README and
 * bench/results/lab-speed.md, never asserted):
 *   npm run build:cli && npx tsx bench/lab.bench.ts [--grid 128] [--steps 1000]
 * 1. the batched engine against the scalar run() loop: the 7 classics × grid² starts × steps on Rosenbrock,
 *    point-steps per second each and their ratio (goal ≥ 3×);
 * 2. that map in-process on one thread (mapRuns);
 * 3. the same map through the bundled CLI, `cli map --workers 1` and `--workers 2` (output identical,
 *    checked): the whole process, start-up, basins and JSON included (goal ≤ 3 s);
 * 4. a sweep: 7 × 61 lr values × 5,000 steps on Rosenbrock (src/lab/sweep.ts, scalar run()s; goal ≤ 1 s).
 * 1, 2 and 4 run bench/lab-workloads.ts bundled (bench/bundle.ts), as the CLI and the app ship it.
 * Wall times depend on what else the machine runs, so CPU seconds are printed too (user + system of the
 * process, every thread; for the CLI, GNU time's), and the load average before and after.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { BUNDLE } from '../scripts/build-cli.mjs';
import { bundledWorkloads, cpuClock } from './bundle.ts';
import { wholeOption } from './option.ts';

const grid = wholeOption('grid', 128);
const steps = wholeOption('steps', 1000);
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const { batchVsScalar, formatBatchVsScalar, mapTime, sweepTime } = await bundledWorkloads();

console.log(`load average ${load()}`);
console.log(formatBatchVsScalar(batchVsScalar(grid, steps, 32, cpuClock), 'CPU'));

console.log(`map: Rosenbrock, 7 optimizers × ${grid}×${grid} starts × ${steps} updates`);
const cpu = mapTime(grid, steps, cpuClock);
const wall = mapTime(grid, steps);
console.log(`  in-process (mapRuns), one thread: ${s(cpu.ms)} CPU (${(cpu.pointSteps / cpu.ms / 1e3).toFixed(1)} M point-steps/s), ${s(wall.ms)} wall`);

const mapArgv = ['--surface', 'rosenbrock', '--grid', String(grid), '--steps', String(steps)];
const digests: string[] = [];
for (const workers of [1, 2]) {
  const t0 = performance.now();
  // GNU time's "%U %S" on stderr's last line: the process's CPU seconds, its worker threads included.
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, BUNDLE, 'map', ...mapArgv, '--workers', String(workers), '--json'], { encoding: 'utf8', maxBuffer: 256 << 20 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(r.stderr);
  const [user, sys] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  digests.push(createHash('sha256').update(r.stdout).digest('hex'));
  console.log(`  cli map --workers ${workers} --json: ${s(ms)} wall, ${(user + sys).toFixed(2)} s CPU (the whole process: start-up, runs, basins, ${(r.stdout.length / 1e6).toFixed(1)} MB of JSON)`);
}
console.log(`  outputs identical: ${digests[0] === digests[1]}`);

const sweepCpu = sweepTime(61, 5000, cpuClock);
const sweepWall = sweepTime(61, 5000);
console.log(`sweep: Rosenbrock, 7 optimizers × 61 values × 5000 updates: ${s(sweepCpu.ms)} CPU, ${s(sweepWall.ms)} wall (${(sweepCpu.steps / sweepCpu.ms / 1e3).toFixed(1)} M steps/s CPU)`);
console.log(`load average ${load()}`);

/**
 * The lab's speed goals (issue 10, "One engine for many runs"), in one run (numbers for the README and
 * bench/results/lab-speed.md, never asserted):
 *   npm run build:cli && npx tsx bench/lab.bench.ts [--grid 128] [--steps 1000]
 * 1. the batched engine against the scalar run() loop: the 7 classics × grid² starts × steps on Rosenbrock,
 *    point-steps per second each and their ratio (bench/lab-workloads.ts; goal ≥ 3×);
 * 2. the start-point map of that workload in-process (src/lab/map.ts, one thread), then its basins and JSON
 *    as `cli map` computes them;
 * 3. the same map through the bundled CLI with --workers 1 and --workers 2 (output identical, checked),
 *    wall and CPU seconds of the whole process (start-up, JSON included; goal ≤ 3 s);
 * 4. a sweep: 7 × 61 lr values × 5,000 steps on Rosenbrock (`cli sweep`'s work, scalar run()s; goal ≤ 1 s).
 * Wall times depend on what else the machine runs: the load average is printed before and after, and CPU
 * seconds next to wall seconds (a process's CPU time is what the work costs whatever shares the cores).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { mapJson, mapResult, parseMapArgs } from '../src/cli/map.ts';
import { parseSweepArgs, sweepRuns } from '../src/cli/sweep.ts';
import { BUNDLE } from '../scripts/build-cli.mjs';
import { batchVsScalar, formatBatchVsScalar } from './lab-workloads.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const grid = arg('grid', 128);
const steps = arg('steps', 1000);
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
/** Wall and CPU (user + system, all threads) milliseconds of f. */
function timed<T>(f: () => T): { value: T; wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { value, wall, cpu: (c.user + c.system) / 1000 };
}

console.log(`load average ${load()}`);
console.log(formatBatchVsScalar(batchVsScalar(grid, steps)));

const mapArgv = ['--surface', 'rosenbrock', '--grid', String(grid), '--steps', String(steps)];
const parsed = parseMapArgs(mapArgv);
if (!parsed.ok) throw new Error(parsed.error);
const pointSteps = 7 * grid * grid * steps;
const m = timed(() => mapResult(parsed.value));
const json = timed(() => JSON.stringify(mapJson(parsed.value, m.value)));
console.log(`map: Rosenbrock, 7 optimizers × ${grid}×${grid} starts × ${steps} updates`);
console.log(`  runs + basins in-process, one thread: ${s(m.wall)} wall, ${s(m.cpu)} CPU (${(pointSteps / m.wall / 1e3).toFixed(1)} M point-steps/s); JSON ${s(json.wall)}, ${(json.value.length / 1e6).toFixed(1)} MB`);

const digests: string[] = [];
for (const workers of [1, 2]) {
  const t0 = performance.now();
  // GNU time's "%U %S" on stderr's last line: the process's CPU seconds, its worker threads included.
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, BUNDLE, 'map', ...mapArgv, '--workers', String(workers), '--json'], { encoding: 'utf8', maxBuffer: 256 << 20 });
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(r.stderr);
  const [user, sys] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  digests.push(createHash('sha256').update(r.stdout).digest('hex'));
  console.log(`  cli map --workers ${workers}: ${s(wall)} wall, ${(user + sys).toFixed(2)} s CPU (whole process)`);
}
console.log(`  outputs identical: ${digests[0] === digests[1]}`);

const sweepArgs = parseSweepArgs(['--surface', 'rosenbrock', '--steps', '5000']);
if (!sweepArgs.ok) throw new Error(sweepArgs.error);
const sw = timed(() => sweepRuns(sweepArgs.value));
console.log(`sweep: Rosenbrock, 7 optimizers × 61 values × 5000 updates: ${s(sw.wall)} wall, ${s(sw.cpu)} CPU (${((7 * 61 * 5000) / sw.wall / 1e3).toFixed(1)} M steps/s)`);
console.log(`load average ${load()}`);

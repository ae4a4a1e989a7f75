/**
 * The lab's workloads, in one run (numbers for the README, never asserted):
 *   npm run build:cli && npx tsx bench/lab.bench.ts [--grid 128] [--steps 1000]
 * 1. a start-point map: the 7 classic optimizers × grid² starts × steps on Rosenbrock (src/lab/map.ts, one
 *    core), then its basins and its JSON, as `cli map` computes them;
 * 2. the same map through the bundled CLI with --workers 1 and --workers 2 (output identical, checked);
 * 3. a sweep: 7 × 61 lr values × 5,000 steps on Rosenbrock (`cli sweep`'s work, scalar run()s).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mapResult, parseMapArgs } from '../src/cli/map.ts';
import { mapJson } from '../src/export/map-data.ts';
import { parseSweepArgs, sweepRuns } from '../src/cli/sweep.ts';
import { BUNDLE } from '../scripts/build-cli.mjs';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const grid = arg('grid', 128);
const steps = arg('steps', 1000);
const mapArgv = ['--surface', 'rosenbrock', '--grid', String(grid), '--steps', String(steps)];
const parsed = parseMapArgs(mapArgv);
if (!parsed.ok) throw new Error(parsed.error);
const pointSteps = 7 * grid * grid * steps;

let t = performance.now();
const m = mapResult(parsed.value);
const total = performance.now() - t;
t = performance.now();
const text = JSON.stringify(mapJson(parsed.value.view, m));
const jsonMs = performance.now() - t;
console.log(`map: Rosenbrock, 7 optimizers × ${grid}×${grid} starts × ${steps} updates`);
console.log(`  runs + basins ${(total / 1000).toFixed(2)} s in-process (${(pointSteps / total / 1e3).toFixed(1)} M point-steps/s), JSON ${(jsonMs / 1000).toFixed(2)} s, ${(text.length / 1e6).toFixed(1)} MB`);

const digests: string[] = [];
for (const workers of [1, 2]) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [BUNDLE, 'map', ...mapArgv, '--workers', String(workers), '--json'], { encoding: 'utf8', maxBuffer: 256 << 20 });
  if (r.status !== 0) throw new Error(r.stderr);
  digests.push(createHash('sha256').update(r.stdout).digest('hex'));
  console.log(`  cli map --workers ${workers}: ${((performance.now() - t0) / 1000).toFixed(2)} s wall`);
}
console.log(`  outputs identical: ${digests[0] === digests[1]}`);

const sweepArgs = parseSweepArgs(['--surface', 'rosenbrock', '--steps', '5000']);
if (!sweepArgs.ok) throw new Error(sweepArgs.error);
t = performance.now();
sweepRuns(sweepArgs.value);
const sweepMs = performance.now() - t;
console.log(`sweep: Rosenbrock, 7 optimizers × 61 values × 5000 updates: ${(sweepMs / 1000).toFixed(2)} s (${((7 * 61 * 5000) / sweepMs / 1e3).toFixed(1)} M steps/s)`);

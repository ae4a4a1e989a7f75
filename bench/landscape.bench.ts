/**
 * Loss-landscape speed (issue 13, "Loss landscape": the first 31 × 31 grid on 2,000 images within 10 s).
 * A race of SGD and Adam (the MNIST defaults: 784-64-16-10, batch 128, seed 1, MNIST learning rates) trains
 * `--epochs` epochs on the first `--limit` training images with checkpoints (not timed); then, per kernel
 * backend (WebAssembly SIMD, TypeScript), the landscape job (src/mnist/landscape/landscape.ts) is timed in
 * its parts: setup (PCA of the checkpoints, projection, axes), the first grid (the origin and 31 × 31 points,
 * each a forward pass over 2,000 validation images), and the rest (both paths on and off the plane, both lines).
 * Wall seconds and the process's CPU seconds (process.cpuUsage) are printed, with the load average.
 * Usage: npx tsx bench/landscape.bench.ts [--epochs 1] [--limit 10000] [--grid 31] [--subset 2000]
 */
import { loadavg } from 'node:os';
import { splitMnist } from '../src/mnist/dataset.ts';
import { readMnistFiles } from '../src/mnist/load-node.ts';
import { createTrainer, DEFAULT_TRAIN } from '../src/mnist/train.ts';
import { createTsBackend } from '../src/mnist/kernels/ts.ts';
import { createWasmBackend } from '../src/mnist/kernels/wasm/wasm-backend.ts';
import { paramLayout } from '../src/mnist/layout.ts';
import { defaultHyper, getOptimizer } from '../src/optim/index.ts';
import { MNIST_HYPER } from '../src/mnist/hyper-defaults.ts';
import { checkpointEvery, trainRecording } from '../src/mnist/landscape/checkpoints.ts';
import { createLandscapeJob } from '../src/mnist/landscape/landscape.ts';
import { createSubsetLoss } from '../src/mnist/landscape/subset-loss.ts';
import { wholeOption } from './option.ts';

const EPOCHS = wholeOption('epochs', 1);
const LIMIT = wholeOption('limit', 10_000);
const GRID = wholeOption('grid', 31);
const SUBSET = wholeOption('subset', 2000);

const config = { ...DEFAULT_TRAIN, epochs: EPOCHS };
const data = splitMnist(readMnistFiles(), { seed: config.seed, limit: LIMIT });
const runs = (['sgd', 'adam'] as const).map((id) => {
  const tr = createTrainer(data, config, getOptimizer(id), { ...defaultHyper(getOptimizer(id)), ...MNIST_HYPER[id] }, { backend: createTsBackend() });
  return { entrant: id, optimizer: id, checkpoints: trainRecording(tr, checkpointEvery(tr.totalSteps, tr.net.params.length, 2)) };
});

function timed<T>(f: () => T): { value: T; wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const c = process.cpuUsage(c0);
  return { value, wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}
const s = (t: { wall: number; cpu: number }) => `${t.wall.toFixed(2)} s wall, ${t.cpu.toFixed(2)} s CPU`;

console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}; ${runs.length} runs × ${runs[0].checkpoints.params.length} checkpoints, ${GRID}×${GRID} grid on ${SUBSET} images`);
for (const backend of [await createWasmBackend(), createTsBackend()]) {
  const subset = createSubsetLoss(config.mlp, backend, data.validation, SUBSET);
  const job = createLandscapeJob({ layout: paramLayout(config.mlp), runs, directions: 'pca', grid: GRID, seed: config.seed, center: 0 }, subset);
  const setup = timed(() => job.step(job.setup));
  const grid = timed(() => job.step(1 + GRID * GRID));
  const rest = timed(() => job.step(job.total));
  console.log(`${backend.name.padEnd(10)} setup ${s(setup)}; first grid (${1 + GRID * GRID} evaluations) ${s(grid)}; paths and lines (${job.total - 1 - GRID * GRID}) ${s(rest)}`);
}
console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

/**
 * Web Worker entry for the MNIST tab's Landscape panel: computes the loss landscape of a race from its
 * checkpoints (src/mnist/landscape/landscape.ts) over the images it was sent (the first of the seeded
 * validation split, packed: landscape/subset-images.ts) on the fastest kernels this browser runs (pick-backend.ts),
 * in slices of ~50 ms with a progress message after each, then posts the result once (protocol.ts).
 * The tab cancels by terminating the worker, so nothing here waits for messages.
 */
/// <reference lib="webworker" />
import { paramLayout } from '../layout.ts';
import { createLandscapeJob } from '../landscape/landscape.ts';
import { createSubsetLoss } from '../landscape/subset-loss.ts';
import { landscapeArena } from '../landscape/plane-loss.ts';
import { pickBackend } from './pick-backend.ts';
import type { LandscapeReply, LandscapeStartMessage } from './protocol.ts';

const SLICE_MS = 50;
const post = (message: LandscapeReply) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

async function run(msg: LandscapeStartMessage): Promise<void> {
  const backend = await pickBackend('auto', landscapeArena(msg.config.mlp, msg.subset));
  const subset = createSubsetLoss(msg.config.mlp, backend, msg.images, msg.subset);
  const job = createLandscapeJob(
    { layout: paramLayout(msg.config.mlp), runs: msg.runs, directions: msg.directions, grid: msg.grid, seed: msg.config.seed, center: msg.center },
    subset,
  );
  const slice = () => {
    try {
      const t0 = performance.now();
      let finished = false;
      while (!finished && performance.now() - t0 < SLICE_MS) finished = job.step(1);
      if (finished) return post({ type: 'done', result: job.result, backend: backend.name });
      post({ type: 'progress', done: job.done, total: job.total, backend: backend.name });
      setTimeout(slice, 0);
    } catch (err) {
      post({ type: 'failed', message: (err as Error).message });
    }
  };
  post({ type: 'progress', done: 0, total: job.total, backend: backend.name });
  setTimeout(slice, 0);
}

self.onmessage = (event: MessageEvent<LandscapeStartMessage>) => {
  run(event.data).catch((err: Error) => post({ type: 'failed', message: err.message }));
};

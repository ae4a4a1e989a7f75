/**
 * Web Worker entry for the MNIST tab's Landscape panel: computes the loss landscape of a race from its
 * checkpoints (src/mnist/landscape/landscape.ts) over the images it was sent (the first of the seeded
 * validation split, packed: landscape/subset-images.ts) on the fastest kernels this browser runs (pick-backend.ts),
 * in slices of ~50 ms with a progress message after each, then posts the result once (protocol.ts).
 * The checkpoints are lent (landscape/lend.ts): every final reply hands them back, transferred, whether the
 * job finished, failed, or was cancelled by a `cancel` message (read between slices).
 */
/// <reference lib="webworker" />
import { paramLayout } from '../layout.ts';
import { createLandscapeJob } from '../landscape/landscape.ts';
import { createSubsetLoss } from '../landscape/subset-loss.ts';
import { landscapeArena } from '../landscape/plane-loss.ts';
import { checkpointBuffers } from '../landscape/lend.ts';
import { pickBackend } from './pick-backend.ts';
import type { LandscapeCancelMessage, LandscapeReply, LandscapeStartMessage } from './protocol.ts';

const SLICE_MS = 50;
let lent: readonly (readonly Float32Array[])[] = [];
let cancelled = false;
type Final = LandscapeReply extends infer R ? (R extends { checkpoints: unknown } ? Omit<R, 'checkpoints'> : never) : never;
/** The final reply, with the lent checkpoints (once: a second final reply would have nothing to give). */
function end(message: Final): void {
  const checkpoints = lent;
  lent = [];
  (self as unknown as DedicatedWorkerGlobalScope).postMessage({ ...message, checkpoints } as LandscapeReply, checkpointBuffers(checkpoints));
}
const post = (message: LandscapeReply) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

async function run(msg: LandscapeStartMessage): Promise<void> {
  const backend = await pickBackend('auto', landscapeArena(msg.config.mlp, msg.subset));
  const subset = createSubsetLoss(msg.config.mlp, backend, msg.images, msg.subset);
  const job = createLandscapeJob(
    { layout: paramLayout(msg.config.mlp), runs: msg.runs, directions: msg.directions, grid: msg.grid, seed: msg.config.seed, center: msg.center },
    subset,
  );
  const slice = () => {
    if (cancelled) return end({ type: 'cancelled' });
    try {
      const t0 = performance.now();
      let finished = false;
      while (!finished && performance.now() - t0 < SLICE_MS) finished = job.step(1);
      if (finished) return end({ type: 'done', result: job.result, backend: backend.name });
      post({ type: 'progress', done: job.done, total: job.total, backend: backend.name });
      setTimeout(slice, 0);
    } catch (err) {
      end({ type: 'failed', message: (err as Error).message });
    }
  };
  post({ type: 'progress', done: 0, total: job.total, backend: backend.name });
  setTimeout(slice, 0);
}

self.onmessage = (event: MessageEvent<LandscapeStartMessage | LandscapeCancelMessage>) => {
  const msg = event.data;
  if (msg.type === 'cancel') {
    cancelled = true;
    return;
  }
  lent = msg.runs.map((r) => r.checkpoints.params);
  run(msg).catch((err: Error) => end({ type: 'failed', message: err.message }));
};

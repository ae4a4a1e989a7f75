/**
 * `cli map` on two cores: the grid's starts split into consecutive parts, each part run by a worker
 * thread of this same script (main.ts hands such a worker to map.ts's runMapPart), the parts joined in
 * order (src/lab/map.ts joinBatches). Every start's run depends only on that start (the rules are
 * elementwise, each point's noise stream is seeded alike), so the joined map is bit-identical to one pass
 * over all starts (tests/lab/map.test.ts). A worker gets the command's argv and reads it as the command
 * did, so only numbers cross threads; its typed arrays are transferred, not copied.
 */
import { availableParallelism } from 'node:os';
import { Worker, parentPort } from 'node:worker_threads';
import { joinBatches } from '../lab/map.ts';
import type { BatchResult } from '../run/batch.ts';

export const MAP_WORKERS = 2;
/** Below this many point-steps a map runs on the main thread: starting a worker costs ~0.1 s. */
const WORTH_SPLITTING = 5e6;

export interface MapPart {
  readonly labMapPart: true;
  readonly argv: readonly string[];
  readonly from: number;
  readonly to: number;
}

export const isMapPart = (data: unknown): data is MapPart => typeof data === 'object' && data !== null && (data as MapPart).labMapPart === true;

/** In a worker: send a part's batches back, moving their buffers. */
export function postPart(runs: readonly BatchResult[]): void {
  const buffers = runs.flatMap((b) => [b.hit, b.settled, b.divergedAt, b.end, b.endLoss].map((a) => a.buffer as ArrayBuffer));
  parentPort!.postMessage(runs, buffers);
}

/** The map's batches, split over up to `threads` worker threads when it is big enough and there are cores; null: run it here. */
export async function mapInWorkers(argv: readonly string[], threads: number, starts: number, pointSteps: number): Promise<BatchResult[] | null> {
  const workers = Math.min(threads, availableParallelism());
  if (workers < 2 || pointSteps < WORTH_SPLITTING) return null;
  const bounds = Array.from({ length: workers + 1 }, (_, w) => Math.round((w * starts) / workers));
  const parts = await Promise.all(
    bounds.slice(0, -1).map(
      (from, w) =>
        new Promise<BatchResult[]>((resolve, reject) => {
          const request: MapPart = { labMapPart: true, argv, from, to: bounds[w + 1] };
          const worker = new Worker(new URL(import.meta.url), { workerData: request });
          worker.once('message', (runs: BatchResult[]) => {
            resolve(runs);
            void worker.terminate();
          });
          worker.once('error', reject);
        }),
    ),
  );
  return parts[0].map((_, k) => joinBatches(parts.map((p) => p[k])));
}

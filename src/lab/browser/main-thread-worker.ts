/**
 * The lab's fallback where Web Workers are unavailable (no `Worker`, or its constructor refuses, as a
 * content security policy may): a PoolWorker (src/mnist/browser/pool.ts) that answers each message on
 * this thread with the worker's own code (map-part.ts answerMap, sweep-answer.ts answerSweep), each
 * message in a macrotask of its own (setTimeout), so the page paints, shows progress and takes a Cancel
 * between messages. The callers keep a message's work small (more map parts, one entrant per sweep
 * message); terminate() drops an answer not yet begun and any reply after it.
 */
import type { PoolWorker } from '../../mnist/browser/pool.ts';

/** A worker's work: answer one message, posting its replies (progress, then the last). */
export type Answer = (message: unknown, post: (reply: unknown) => void) => void;

/** Whether this page can start Web Workers at all. */
export const workersAvailable = (): boolean => typeof Worker === 'function';

export function mainThreadWorker(answer: Answer): PoolWorker {
  let live = true;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const worker: PoolWorker = {
    onmessage: null,
    onerror: null,
    postMessage(message) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        answer(message, (reply) => {
          if (live) worker.onmessage?.({ data: reply } as MessageEvent);
        });
      });
      timers.add(timer);
    },
    terminate() {
      live = false;
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
  return worker;
}

/** A Web Worker from `create`, or this thread's stand-in running `answer` where none can start. */
export function workerOrMainThread(create: () => Worker, answer: Answer): PoolWorker {
  if (!workersAvailable()) return mainThreadWorker(answer);
  try {
    return create();
  } catch {
    return mainThreadWorker(answer);
  }
}

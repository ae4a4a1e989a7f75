/**
 * Web Worker entry of the app's sweep (issue 10): runs one job (sweep-protocol.ts) with the one sweep
 * implementation (src/lab/sweep-runs.ts), reporting every finished run, so the page stays responsive and
 * shows progress; the app cancels by terminating the worker.
 */
/// <reference lib="webworker" />
import { runSweepJob } from '../sweep-runs.ts';
import type { SweepReply, SweepStart } from './sweep-protocol.ts';

const post = (message: SweepReply) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

self.onmessage = (event: MessageEvent<SweepStart>) => {
  try {
    let done = 0;
    const runs = runSweepJob(event.data.job, () => post({ type: 'progress', done: ++done }));
    post({ type: 'result', runs });
  } catch (err) {
    post({ type: 'failed', message: (err as Error).message });
  }
};

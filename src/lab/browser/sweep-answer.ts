/**
 * What a sweep worker does with its job (sweep-protocol.ts): runs it with the one sweep implementation
 * (src/lab/sweep-runs.ts), posting progress after every run, then the runs, or why it failed. Kept apart
 * from the worker entry (sweep-worker.ts) so the main-thread fallback (main-thread-worker.ts) and tests
 * run the very same code.
 */
import { runSweepJob } from '../sweep-runs.ts';
import type { SweepReply, SweepStart } from './sweep-protocol.ts';

export function answerSweep(message: SweepStart, post: (reply: SweepReply) => void): void {
  try {
    let done = 0;
    const runs = runSweepJob(message.job, () => post({ type: 'progress', done: ++done }));
    post({ type: 'result', runs });
  } catch (err) {
    post({ type: 'failed', message: (err as Error).message });
  }
}

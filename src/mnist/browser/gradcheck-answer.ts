/**
 * What the gradient check's worker does with its start message (protocol.ts GradCheckStartMessage): runs
 * gradcheck.ts on the given network and answers once with the result, or why it failed. Kept apart from the
 * worker entry (gradcheck-worker.ts) so the main-thread stand-in where Workers are missing
 * (src/lab/browser/main-thread-worker.ts) and the tests run the very same code.
 */
import { gradientCheck } from '../gradcheck.ts';
import type { GradCheckReply, GradCheckStartMessage } from './protocol.ts';

export function answerGradCheck(message: GradCheckStartMessage, post: (reply: GradCheckReply) => void): void {
  try {
    const result = gradientCheck(message.config, { seed: message.seed, sample: message.sample, rows: message.rows });
    post({ type: 'result', result });
  } catch (err) {
    post({ type: 'failed', message: (err as Error).message });
  }
}

/**
 * The gradient check as the panel runs it: a one-shot task (one-shot.ts) whose worker answers with
 * gradcheck-answer.ts — here on the main-thread stand-in (main-thread-worker.ts), the panel's fallback and
 * the very code the worker entry runs — with every message structured-cloned, as a real worker's would be.
 */
import { describe, expect, it } from 'vitest';
import { startOneShot } from '../../src/mnist/browser/one-shot.ts';
import { answerGradCheck } from '../../src/mnist/browser/gradcheck-answer.ts';
import type { GradCheckReply, GradCheckStartMessage } from '../../src/mnist/browser/protocol.ts';
import { mainThreadWorker } from '../../src/lab/browser/main-thread-worker.ts';
import { gradientCheck } from '../../src/mnist/gradcheck.ts';
import type { MlpConfig } from '../../src/mnist/layout.ts';

const check = (start: GradCheckStartMessage) =>
  startOneShot<GradCheckReply>({
    create: () => mainThreadWorker((message, post) => answerGradCheck(structuredClone(message) as GradCheckStartMessage, (reply) => post(structuredClone(reply)))),
    start,
    name: 'the gradient-check worker',
  });

describe('the gradient check in a worker', () => {
  it('answers with the same result as the check on this thread', async () => {
    const config: MlpConfig = { sizes: [20, 6, 5, 3], activations: ['sigmoid', 'tanh'], batchNorm: true, keepProb: 0.5, l2: 0.1 };
    const { result } = await check({ type: 'start', config, seed: 4, sample: 40, rows: 6 }).result;
    const direct = gradientCheck(config, { seed: 4, sample: 40, rows: 6 });
    expect(result).toEqual(direct);
    expect(result.relativeDifference).toBeLessThan(1e-7);
  });

  it("rejects with the check's own message when it refuses the network", async () => {
    const config: MlpConfig = { sizes: [784, 3000, 10], activations: ['relu'], batchNorm: false, keepProb: 1, l2: 0 };
    await expect(check({ type: 'start', config, seed: 1, sample: 300, rows: 6 }).result).rejects.toThrow(
      '784-3000-10 has 2,385,010 parameters; the check takes networks of at most 2,000,000',
    );
  });
});

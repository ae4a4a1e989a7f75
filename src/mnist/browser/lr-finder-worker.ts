/**
 * Web Worker entry for the LR range test (src/mnist/lr-finder.ts): same data split, initial weights
 * and batch stream as a training run of this config, learning rate growing exponentially per batch.
 * Answers one start message (protocol.ts LrFinderStartMessage) with the curve and the suggested rate.
 */
/// <reference lib="webworker" />
import { splitMnist } from '../dataset.ts';
import { findLearningRate } from '../lr-finder.ts';
import { getOptimizer } from '../../optim/index.ts';
import { pickBackend } from './pick-backend.ts';
import { wasmArena } from '../kernels/wasm/arena.ts';
import type { LrFinderReply, LrFinderStartMessage } from './protocol.ts';

const post = (message: LrFinderReply) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

self.onmessage = async (event: MessageEvent<LrFinderStartMessage>) => {
  const msg = event.data;
  try {
    const data = splitMnist(msg.files, { seed: msg.config.seed, limit: msg.limit });
    const backend = await pickBackend(msg.backend, wasmArena(msg.config.mlp, msg.config.batchSize));
    const result = findLearningRate(data, msg.config, getOptimizer(msg.optimizer), msg.hyper, { backend });
    post({ type: 'result', result });
  } catch (err) {
    post({ type: 'failed', message: (err as Error).message });
  }
};

/**
 * Rebuilds a trained network on the main thread from a run's result (packed parameters plus batch-norm
 * running statistics), for inference on the main thread: the drawing canvas (capacity 1) and the
 * activation histograms (a larger capacity, fewer passes).
 */
import { createMlp, type Mlp } from '../../mnist/mlp.ts';
import { createTsBackend } from '../../mnist/kernels/ts.ts';
import type { MlpConfig } from '../../mnist/layout.ts';
import type { RunResult } from './run-view.svelte.ts';

export function trainedNet(config: MlpConfig, result: RunResult, capacity = 1): Mlp<Float32Array> {
  const net = createMlp(config, createTsBackend(), capacity);
  if (result.params.length !== net.params.length) {
    throw new Error(`the result has ${result.params.length} parameters, the network ${net.params.length}`);
  }
  net.params.set(result.params);
  net.hidden.forEach((h, l) => {
    if (!h.bn) return;
    h.bn.runMean.set(result.runningMean[l]);
    h.bn.runVar.set(result.runningVar[l]);
  });
  return net;
}

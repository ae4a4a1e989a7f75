/**
 * Inference-mode evaluation of a trained network on a digit set: mean cross-entropy, accuracy
 * (share of argmax predictions equal to the label), and optionally the confusion matrix
 * (confusion[true·k + predicted]) and every prediction (for a gallery of misclassified digits).
 * Runs in chunks of the network's batch capacity, through the same buffers as training.
 */
import { identityOrder, type DigitSet } from './dataset.ts';
import { inferMlp, loadBatch, type Mlp } from './mlp.ts';
import type { FloatArray } from './float-array.ts';

export interface Evaluation {
  readonly loss: number;
  readonly accuracy: number;
}

export interface EvaluationDetail {
  /** k × k counts, row = true label, column = predicted label. */
  readonly confusion: Uint32Array;
  /** Predicted label of every example of the set, in set order. */
  readonly predictions: Uint8Array;
}

function argmaxRow(P: FloatArray, row: number, k: number): number {
  let best = 0;
  for (let j = 1; j < k; j++) if (P[row * k + j] > P[row * k + best]) best = j;
  return best;
}

/**
 * Over the examples `order` lists (positions in the set: default, all of them in the set's own order; a
 * caller may pass one to avoid allocating it per call, or a part of the set).
 */
export function evaluate<A extends FloatArray>(net: Mlp<A>, set: DigitSet, order?: Uint32Array, detail?: EvaluationDetail): Evaluation {
  const ord = order ?? identityOrder(set.indices.length);
  const n = ord.length;
  const k = net.config.sizes[net.config.sizes.length - 1];
  detail?.confusion.fill(0);
  let loss = 0;
  let correct = 0;
  for (let start = 0; start < n; start += net.capacity) {
    const m = Math.min(net.capacity, n - start);
    loadBatch(net, set, ord, start, m);
    loss += inferMlp(net);
    for (let r = 0; r < m; r++) {
      const predicted = argmaxRow(net.output, r, k);
      const label = net.labels[r];
      if (predicted === label) correct++;
      if (detail) {
        detail.confusion[label * k + predicted]++;
        detail.predictions[start + r] = predicted;
      }
    }
  }
  return { loss: loss / n, accuracy: correct / n };
}

export function createEvaluationDetail(classes: number, examples: number): EvaluationDetail {
  return { confusion: new Uint32Array(classes * classes), predictions: new Uint8Array(examples) };
}

/** Class probabilities for one image of `features` values in [0, 1] (the drawing canvas). */
export function predictOne<A extends FloatArray>(net: Mlp<A>, image: ArrayLike<number>): number[] {
  const f = net.config.sizes[0];
  if (image.length !== f) throw new Error(`image has ${image.length} values, the network expects ${f}`);
  for (let i = 0; i < f; i++) net.input[i] = image[i];
  net.labels[0] = 0;
  net.rows = 1;
  inferMlp(net);
  const k = net.config.sizes[net.config.sizes.length - 1];
  return Array.from(net.output.subarray(0, k));
}

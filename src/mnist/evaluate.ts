/**
 * Inference-mode evaluation of a trained network on a digit set: mean cross-entropy, accuracy
 * (share of argmax predictions equal to the label), and optionally the confusion matrix
 * (confusion[true·k + predicted]) and every prediction (for a gallery of misclassified digits).
 * Runs in chunks of the network's batch capacity, through the same buffers as training.
 *
 * A set too large to hold at once (a worker that asks the tab for the test images) is evaluated in parts
 * (evaluateInParts): each part a whole number of batches, so the batches, the loss summed batch by batch
 * and every prediction are those of one evaluate() of the whole set, bit for bit
 * (tests/mnist/evaluate-in-parts.test.ts). Both go through `tally`, the one evaluation loop.
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

/** Running sums of an evaluation whose examples arrive in order, in one or more calls of `tally`. */
interface Tally {
  /** Sum of the batches' summed cross-entropies, batch by batch. */
  loss: number;
  correct: number;
  /** Examples counted so far: the next one's position in detail.predictions. */
  examples: number;
  readonly detail: EvaluationDetail | undefined;
}

function startTally(detail: EvaluationDetail | undefined): Tally {
  detail?.confusion.fill(0);
  return { loss: 0, correct: 0, examples: 0, detail };
}

/** Adds the examples `order` lists (positions in `set`), in batches of the network's capacity, as the tally's next examples. */
function tally<A extends FloatArray>(net: Mlp<A>, set: DigitSet, order: Uint32Array, t: Tally): void {
  const n = order.length;
  const k = net.config.sizes[net.config.sizes.length - 1];
  for (let start = 0; start < n; start += net.capacity) {
    const m = Math.min(net.capacity, n - start);
    loadBatch(net, set, order, start, m);
    t.loss += inferMlp(net);
    for (let r = 0; r < m; r++) {
      const predicted = argmaxRow(net.output, r, k);
      const label = net.labels[r];
      if (predicted === label) t.correct++;
      if (t.detail) {
        t.detail.confusion[label * k + predicted]++;
        t.detail.predictions[t.examples + start + r] = predicted;
      }
    }
  }
  t.examples += n;
}

const result = (t: Tally): Evaluation => ({ loss: t.loss / t.examples, accuracy: t.correct / t.examples });

/**
 * Over the examples `order` lists (positions in the set: default, all of them in the set's own order; a
 * caller may pass one to avoid allocating it per call, or a part of the set).
 */
export function evaluate<A extends FloatArray>(net: Mlp<A>, set: DigitSet, order?: Uint32Array, detail?: EvaluationDetail): Evaluation {
  const t = startTally(detail);
  tally(net, set, order ?? identityOrder(set.indices.length), t);
  return result(t);
}

/**
 * evaluate() of a set of `labels.length` examples whose images are fetched a part at a time: `images(from, to)`
 * resolves to the bytes of examples [from, to) (`features` bytes each, from the array's start; it may be longer,
 * and may be reused for the next part once evaluated). `part` must be a whole number of the network's batches.
 */
export async function evaluateInParts<A extends FloatArray>(
  net: Mlp<A>,
  labels: Uint8Array,
  features: number,
  part: number,
  images: (from: number, to: number) => Promise<Uint8Array>,
  detail?: EvaluationDetail,
): Promise<Evaluation> {
  if (!(part >= net.capacity && part % net.capacity === 0)) throw new Error(`a part of ${part} examples is not a whole number of batches of ${net.capacity}`);
  const t = startTally(detail);
  const n = labels.length;
  for (let from = 0; from < n; from += part) {
    const to = Math.min(n, from + part);
    const pixels = await images(from, to);
    const order = identityOrder(to - from);
    tally(net, { pixels, labels: labels.subarray(from, to), features, indices: order }, order, t);
  }
  return result(t);
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

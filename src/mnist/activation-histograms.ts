/**
 * Per-layer activation histograms (the course's initialisation experiment: with zeros every unit is
 * identical, with N(0, 1) sigmoid/tanh units saturate at their ends, with Xavier/He they spread).
 * Runs the network in inference mode over the first `examples` images of a set and bins every hidden
 * unit's output h. Bounded activations use their natural range (sigmoid [0, 1], tanh [−1, 1]); ReLU
 * and leaky ReLU use the observed range.
 */
import type { FloatArray } from './float-array.ts';
import { fillBatch, identityOrder, type DigitSet } from './dataset.ts';
import { inferMlp, type Mlp } from './mlp.ts';

export interface Histogram {
  readonly lo: number;
  readonly hi: number;
  /** counts[k] covers [lo + k·w, lo + (k+1)·w), w = (hi − lo)/bins; the top edge falls in the last bin. */
  readonly counts: Uint32Array;
}

export function activationHistograms<A extends FloatArray>(net: Mlp<A>, set: DigitSet, examples = 1000, bins = 40): Histogram[] {
  const n = Math.min(examples, set.indices.length);
  const order = identityOrder(n);
  const hiddenSizes = net.config.sizes.slice(1, -1);
  const values = hiddenSizes.map((size) => new Float64Array(n * size));
  for (let start = 0; start < n; start += net.capacity) {
    const m = Math.min(net.capacity, n - start);
    fillBatch(set, order, start, m, net.input, net.labels);
    net.rows = m;
    inferMlp(net);
    hiddenSizes.forEach((size, l) => values[l].set(net.hidden[l].H.subarray(0, m * size), start * size));
  }
  return values.map((v, l) => {
    const act = net.config.activations[l];
    let lo = act === 'sigmoid' ? 0 : act === 'tanh' ? -1 : Infinity;
    let hi = act === 'sigmoid' || act === 'tanh' ? 1 : -Infinity;
    if (act === 'relu' || act === 'leaky-relu') {
      for (const x of v) {
        if (x < lo) lo = x;
        if (x > hi) hi = x;
      }
      if (!(hi > lo)) hi = lo + 1;
    }
    const counts = new Uint32Array(bins);
    const scale = bins / (hi - lo);
    for (const x of v) counts[Math.min(bins - 1, Math.max(0, Math.floor((x - lo) * scale)))]++;
    return { lo, hi, counts };
  });
}

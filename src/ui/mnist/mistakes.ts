/**
 * The test digits a network got wrong, in test-set order: all of them, or those of one (true, predicted)
 * pair of the confusion matrix (a cell click). The gallery shows them a page at a time.
 */
export interface Pair {
  readonly truth: number;
  readonly predicted: number;
}

export function mistakes(labels: ArrayLike<number>, predictions: ArrayLike<number>, pair: Pair | null): number[] {
  const out: number[] = [];
  for (let i = 0; i < predictions.length; i++) {
    if (predictions[i] === labels[i]) continue;
    if (pair === null || (labels[i] === pair.truth && predictions[i] === pair.predicted)) out.push(i);
  }
  return out;
}

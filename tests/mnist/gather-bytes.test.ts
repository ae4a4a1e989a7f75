import { describe, expect, it } from 'vitest';
import { gatherBytes, type DigitSet } from '../../src/mnist/dataset.ts';

/** Six 3-byte images; image i holds bytes 10i, 10i+1, 10i+2 and label i. */
const pixels = Uint8Array.from({ length: 18 }, (_, b) => 10 * Math.floor(b / 3) + (b % 3));
const set = (indices: number[]): DigitSet => ({ pixels, labels: Uint8Array.from([0, 1, 2, 3, 4, 5]), features: 3, indices: Uint32Array.from(indices) });

function gather(s: DigitSet, order: number[], start: number, count: number) {
  const bytes = new Uint8Array(count * 3).fill(255);
  const labels = new Uint8Array(count).fill(255);
  gatherBytes(s, Uint32Array.from(order), start, count, bytes, labels);
  return { bytes: Array.from(bytes), labels: Array.from(labels) };
}

describe('gatherBytes', () => {
  it('copies each example\'s image and label, whether the images lie in order (one block) or scattered', () => {
    // Examples 0…5 are images 1, 2, 3 (consecutive), 5, 0, 4.
    const s = set([1, 2, 3, 5, 0, 4]);
    expect(gather(s, [0, 1, 2, 3, 4, 5], 0, 6)).toEqual({
      bytes: [10, 11, 12, 20, 21, 22, 30, 31, 32, 50, 51, 52, 0, 1, 2, 40, 41, 42],
      labels: [1, 2, 3, 5, 0, 4],
    });
    // From position 2 of a shuffled order: examples 4, 1, 2 → images 0, 2, 3 (the last two a block).
    expect(gather(s, [5, 3, 4, 1, 2, 0], 2, 3)).toEqual({ bytes: [0, 1, 2, 20, 21, 22, 30, 31, 32], labels: [0, 2, 3] });
  });
});

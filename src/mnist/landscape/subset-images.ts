/**
 * Only the images the landscape reads (subset-loss.ts: the first `size` examples of the seeded validation
 * split), packed into arrays of their own: `size` × features bytes and `size` labels, example k the k-th
 * of the split's validation images, so the Landscape panel hands its worker ≤ 5,000 images (≤ 3.9 MB,
 * transferred) instead of the 55 MB of MNIST files. A subset loss over it is bit for bit the one over the
 * whole split (same bytes, same order: tests/mnist/landscape-subset.test.ts).
 */
import { compactSet, splitMnist, type DigitSet, type MnistFiles } from '../dataset.ts';

/** The first `size` examples of `validation`, packed. */
export function packSubset(validation: DigitSet, size: number): DigitSet {
  if (!(Number.isInteger(size) && size >= 1 && size <= validation.indices.length)) {
    throw new Error(`the landscape subset of ${size} images must be a whole number from 1 to the ${validation.indices.length} validation images`);
  }
  return compactSet({ ...validation, indices: validation.indices.subarray(0, size) });
}

/** The landscape's images for a race of this seed: the seeded split's validation set (dataset.ts, as training uses), its first `size` packed. */
export function landscapeImages(files: MnistFiles, seed: number, size: number): DigitSet {
  return packSubset(splitMnist(files, { seed }).validation, size);
}

/** The buffers of a packed subset, to transfer with it. */
export const subsetBuffers = (set: DigitSet): ArrayBuffer[] => [set.pixels.buffer, set.labels.buffer, set.indices.buffer] as ArrayBuffer[];

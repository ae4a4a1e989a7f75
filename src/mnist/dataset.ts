/**
 * MNIST as index lists over the byte arrays, and the textbook's split: a seeded shuffle of the 60,000
 * training images holds out 5,000 for validation (55,000 train); the 10,000 test images are kept for
 * the final test accuracy only. Batches are filled by scaling bytes to x/255 on the fly.
 */
import { parseIdxImages, parseIdxLabels } from './idx.ts';
import { createRng, shuffleInPlace } from '../run/random.ts';

/** A subset of one IDX file pair: example k is image indices[k]. */
export interface DigitSet {
  /** All images of the file, `features` bytes each. */
  readonly pixels: Uint8Array;
  readonly labels: Uint8Array;
  readonly features: number;
  readonly indices: Uint32Array;
}

export interface MnistSplit {
  readonly train: DigitSet;
  readonly validation: DigitSet;
  readonly test: DigitSet;
}

/** The four raw IDX files, as bytes. */
export interface MnistFiles {
  readonly trainImages: Uint8Array;
  readonly trainLabels: Uint8Array;
  readonly testImages: Uint8Array;
  readonly testLabels: Uint8Array;
}

export interface SplitOptions {
  readonly seed: number;
  /** Held-out validation images (textbook: 5,000). */
  readonly validation?: number;
  /** Keep only the first `limit` training examples of the shuffled split (quick runs). */
  readonly limit?: number;
}

function digitSet(imagesBytes: Uint8Array, labelsBytes: Uint8Array, name: string): DigitSet {
  const images = parseIdxImages(imagesBytes, `${name} images`);
  const labels = parseIdxLabels(labelsBytes, `${name} labels`);
  if (labels.length !== images.count) {
    throw new Error(`${name}: ${images.count} images but ${labels.length} labels`);
  }
  const indices = new Uint32Array(images.count);
  for (let i = 0; i < indices.length; i++) indices[i] = i;
  return { pixels: images.pixels, labels, features: images.rows * images.cols, indices };
}

/** The seeded split as image indices of the training file: the held-out validation images, then the training ones. */
export interface SplitIndices {
  readonly train: Uint32Array;
  readonly validation: Uint32Array;
}

/** The split of splitMnist for a training file of `count` images, without the images (a worker that holds none). */
export function splitIndices(count: number, options: SplitOptions): SplitIndices {
  const held = options.validation ?? 5000;
  if (!(held >= 1 && held < count)) {
    throw new Error(`validation size ${held} must be between 1 and ${count - 1}`);
  }
  const order = identityOrder(count);
  shuffleInPlace(order, createRng(options.seed));
  let train = order.subarray(held);
  if (options.limit !== undefined) {
    if (!(Number.isInteger(options.limit) && options.limit >= 1)) throw new Error(`limit must be a positive integer, got ${options.limit}`);
    train = train.subarray(0, Math.min(options.limit, train.length));
  }
  return { train, validation: order.subarray(0, held) };
}

export function splitMnist(files: MnistFiles, options: SplitOptions): MnistSplit {
  const all = digitSet(files.trainImages, files.trainLabels, 'train');
  const test = digitSet(files.testImages, files.testLabels, 'test');
  if (test.features !== all.features) throw new Error(`test images have ${test.features} pixels, train images ${all.features}`);
  const split = splitIndices(all.indices.length, options);
  const subset = (indices: Uint32Array): DigitSet => ({ ...all, indices });
  return { train: subset(split.train), validation: subset(split.validation), test };
}

/**
 * The bytes of `images` (indices into `pixels`, `features` bytes each), in that order: what the tab sends a
 * worker that holds no copy of the file. Written to the start of `into` when it is given and large enough
 * (a buffer passed back and forth, so nothing is allocated per request), else to a new array.
 */
export function imageBytes(pixels: Uint8Array, images: Uint32Array, features: number, into?: Uint8Array): Uint8Array {
  const out = into && into.length >= images.length * features ? into : new Uint8Array(images.length * features);
  // A plain loop: a subarray per image would make a garbage object per image, 55,000 an epoch per run.
  for (let k = 0, to = 0; k < images.length; k++) {
    const at = images[k] * features;
    if (!(at + features <= pixels.length)) throw new Error(`image ${images[k]} is outside the file (${pixels.length / features} images)`);
    for (let j = 0; j < features; j++) out[to++] = pixels[at + j];
  }
  return out;
}

/** The same examples as `set`, in the same order, in a buffer of their own (identity indices). */
export function compactSet(set: DigitSet): DigitSet {
  const labels = new Uint8Array(set.indices.length);
  for (let k = 0; k < labels.length; k++) labels[k] = set.labels[set.indices[k]];
  return { pixels: imageBytes(set.pixels, set.indices, set.features), labels, features: set.features, indices: identityOrder(labels.length) };
}

/** byte → byte/255, exactly as Math.fround(b / 255) (a lookup is cheaper than a division per pixel). */
const SCALE = Float32Array.from({ length: 256 }, (_, b) => b / 255);

/**
 * Writes examples order[start … start+count) of `set` into X (count × features, scaled to [0, 1]) and
 * their labels into `labels`. `order` indexes into set.indices.
 */
export function fillBatch(
  set: DigitSet,
  order: Uint32Array,
  start: number,
  count: number,
  X: Float32Array | Float64Array,
  labels: Uint8Array,
): void {
  const n = set.features;
  for (let k = 0; k < count; k++) {
    const image = set.indices[order[start + k]];
    const src = image * n;
    const dst = k * n;
    for (let j = 0; j < n; j++) X[dst + j] = SCALE[set.pixels[src + j]];
    labels[k] = set.labels[image];
  }
}

/**
 * fillBatch without the scaling: copies the bytes of examples order[start … start+count) of `set` into
 * `bytes` (count × features) and their labels into `labels`, for a backend that scales them itself.
 * Examples whose images follow one another in `pixels` are copied as one block: a training worker's
 * example windows (example-windows.ts) hold each batch's images in order, so a batch is one copy there
 * instead of a view object per image (a race of seven made 3.9 million of them in ten epochs).
 */
export function gatherBytes(set: DigitSet, order: Uint32Array, start: number, count: number, bytes: Uint8Array, labels: Uint8Array): void {
  const n = set.features;
  for (let k = 0; k < count; ) {
    const first = set.indices[order[start + k]];
    let run = 1;
    while (k + run < count && set.indices[order[start + k + run]] === first + run) run++;
    bytes.set(set.pixels.subarray(first * n, (first + run) * n), k * n);
    for (let q = 0; q < run; q++) labels[k + q] = set.labels[first + q];
    k += run;
  }
}

/** 0, 1, …, n−1: the identity order, for evaluation. */
export function identityOrder(n: number): Uint32Array {
  return indexRange(0, n);
}

/** from, from + 1, …, to − 1: a run of consecutive positions (a part of a set, in its own order). */
export function indexRange(from: number, to: number): Uint32Array {
  const range = new Uint32Array(to - from);
  for (let k = 0; k < range.length; k++) range[k] = from + k;
  return range;
}

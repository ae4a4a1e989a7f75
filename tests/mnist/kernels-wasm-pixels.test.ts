/**
 * The wasm backend's pixel path (allocBytes + scaleBytes) against the scalar reference Math.fround(b/255)
 * that fillBatch uses: all 256 byte values, lengths that are not multiples of the 16-byte tile, and
 * loadBatch on real MNIST giving exactly fillBatch's input.
 */
import { describe, expect, it } from 'vitest';
import { createWasmBackend } from '../../src/mnist/kernels/wasm/wasm-backend.ts';
import { createTsBackend } from '../../src/mnist/kernels/ts.ts';
import { fillBatch, splitMnist } from '../../src/mnist/dataset.ts';
import { readMnistFiles } from '../../src/mnist/load-node.ts';
import { createMlp, loadBatch } from '../../src/mnist/mlp.ts';
import { DEFAULT_MLP } from '../../src/mnist/layout.ts';
import { createRng, shuffleInPlace } from '../../src/run/random.ts';

describe('wasm scaleBytes', () => {
  it('scales every byte value exactly as Math.fround(b / 255), at every length 0…300', async () => {
    const backend = await createWasmBackend(1 << 12, 1 << 10);
    const bytes = backend.allocBytes!(300);
    const X = backend.alloc(301);
    for (let i = 0; i < 300; i++) bytes[i] = (i * 7 + 3) & 255; // every value 0…255 occurs (7 is odd)
    for (let n = 0; n <= 300; n++) {
      X.fill(-1);
      backend.scaleBytes!(bytes, X, n);
      for (let i = 0; i < n; i++) {
        if (X[i] !== Math.fround(bytes[i] / 255)) throw new Error(`n ${n}, byte ${bytes[i]}: ${X[i]} ≠ ${Math.fround(bytes[i] / 255)}`);
      }
      expect(X[n]).toBe(-1); // nothing past length is written
    }
    expect(X[0]).toBe(Math.fround(3 / 255)); // worked value: byte 3 → 0.011764706
  });

  it('rejects arrays that are not its own or too short', async () => {
    const backend = await createWasmBackend(1 << 12, 1 << 10);
    const X = backend.alloc(32);
    expect(() => backend.scaleBytes!(new Uint8Array(32), X, 32)).toThrow(/not a view from this backend/);
    expect(() => backend.scaleBytes!(backend.allocBytes!(8), X, 16)).toThrow(/bytes has 8 entries/);
    expect(() => backend.scaleBytes!(backend.allocBytes!(64), X, 64)).toThrow(/X has 32 floats/);
    expect(() => backend.allocBytes!(1 << 20)).toThrow(/exceeds/);
  });
});

describe('loadBatch', () => {
  it('gives the wasm network exactly fillBatch input and labels on real MNIST, and the TS network uses fillBatch', async () => {
    const split = splitMnist(readMnistFiles(), { seed: 3, limit: 500 });
    const order = Uint32Array.from(split.train.indices.keys());
    shuffleInPlace(order, createRng(9));
    const wasmNet = createMlp(DEFAULT_MLP, await createWasmBackend(), 128);
    const tsNet = createMlp(DEFAULT_MLP, createTsBackend(), 128);
    expect(wasmNet.inputBytes).not.toBeNull();
    expect(tsNet.inputBytes).toBeNull();
    const X = new Float32Array(128 * 784);
    const labels = new Uint8Array(128);
    for (const [start, m] of [[0, 128], [437, 63]]) {
      fillBatch(split.train, order, start, m, X, labels);
      for (const net of [wasmNet, tsNet]) {
        loadBatch(net, split.train, order, start, m);
        expect(net.rows).toBe(m);
        expect(net.input.subarray(0, m * 784)).toEqual(X.subarray(0, m * 784));
        expect(net.labels.subarray(0, m)).toEqual(labels.subarray(0, m));
      }
    }
  });
});

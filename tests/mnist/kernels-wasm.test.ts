/**
 * The WebAssembly SIMD kernels against a plain float64 triple loop, on random shapes that include batch 1,
 * sizes that are not multiples of 4 (or of the 4×8 and 16-column tiles) and MNIST-like inputs that are
 * ~80 % zeros. Tolerance: |got − ref| ≤ 1e-5·Σ|terms| per entry (float32 rounding of a sum is bounded
 * relative to the sum of absolute terms, not to the possibly cancelled result).
 */
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../src/run/random.ts';
import { createWasmBackend } from '../../src/mnist/kernels/wasm/wasm-backend.ts';
import {
  instantiateDenseKernels, PATH_DENSE, PATH_SPARSE, SCRATCH_TOO_SMALL, wasmSimdSupported,
} from '../../src/mnist/kernels/wasm/load.ts';
import type { KernelBackend } from '../../src/mnist/kernels/types.ts';

const TOL = 1e-5;

/** [batch, nIn, nOut] */
const SHAPES: [number, number, number][] = [
  [1, 1, 1], [1, 7, 3], [1, 784, 64], [2, 5, 9], [3, 13, 17], [4, 8, 16], [5, 33, 6], [7, 30, 10],
  [9, 64, 16], [128, 16, 10], [128, 64, 16], [31, 784, 64], [6, 19, 41],
];

function fill(rng: Rng, a: Float32Array, zeroFraction: number): Float32Array {
  for (let i = 0; i < a.length; i++) a[i] = rng.uniform() < zeroFraction ? 0 : rng.uniform() * 2 - 1;
  return a;
}

/** Checks got against ref with the per-entry bound TOL·scale[k]. */
function expectClose(got: Float32Array, ref: Float64Array, scale: Float64Array, what: string): void {
  let worst = 0;
  for (let k = 0; k < ref.length; k++) worst = Math.max(worst, Math.abs(got[k] - ref[k]) / (scale[k] + 1e-30));
  expect(worst, what).toBeLessThanOrEqual(TOL);
}

function referenceForward(X: Float32Array, W: Float32Array, bias: Float32Array, batch: number, nIn: number, nOut: number) {
  const y = new Float64Array(batch * nOut);
  const s = new Float64Array(batch * nOut);
  for (let b = 0; b < batch; b++) {
    for (let o = 0; o < nOut; o++) {
      let sum = bias[o];
      let abs = Math.abs(bias[o]);
      for (let i = 0; i < nIn; i++) {
        sum += X[b * nIn + i] * W[o * nIn + i];
        abs += Math.abs(X[b * nIn + i] * W[o * nIn + i]);
      }
      y[b * nOut + o] = sum;
      s[b * nOut + o] = abs;
    }
  }
  return { y, s };
}

function referenceGradParams(X: Float32Array, dY: Float32Array, batch: number, nIn: number, nOut: number) {
  const dW = new Float64Array(nOut * nIn);
  const sW = new Float64Array(nOut * nIn);
  const dB = new Float64Array(nOut);
  const sB = new Float64Array(nOut);
  for (let o = 0; o < nOut; o++) {
    for (let b = 0; b < batch; b++) {
      dB[o] += dY[b * nOut + o];
      sB[o] += Math.abs(dY[b * nOut + o]);
      for (let i = 0; i < nIn; i++) {
        dW[o * nIn + i] += dY[b * nOut + o] * X[b * nIn + i];
        sW[o * nIn + i] += Math.abs(dY[b * nOut + o] * X[b * nIn + i]);
      }
    }
  }
  return { dW, sW, dB, sB };
}

function referenceGradInput(dY: Float32Array, W: Float32Array, batch: number, nIn: number, nOut: number) {
  const dX = new Float64Array(batch * nIn);
  const s = new Float64Array(batch * nIn);
  for (let b = 0; b < batch; b++) {
    for (let i = 0; i < nIn; i++) {
      for (let o = 0; o < nOut; o++) {
        dX[b * nIn + i] += dY[b * nOut + o] * W[o * nIn + i];
        s[b * nIn + i] += Math.abs(dY[b * nOut + o] * W[o * nIn + i]);
      }
    }
  }
  return { dX, s };
}

/** Runs the three kernels once on random data; buffers start out filled with garbage to catch missed writes. */
function checkKernels(backend: KernelBackend, rng: Rng, [batch, nIn, nOut]: [number, number, number], zeroFraction: number): void {
  const label = `${batch}×${nIn}→${nOut}, ${zeroFraction * 100}% zeros`;
  const X = fill(rng, backend.alloc(batch * nIn), zeroFraction);
  const W = fill(rng, backend.alloc(nOut * nIn), 0);
  const bias = fill(rng, backend.alloc(nOut), 0);
  const dY = fill(rng, backend.alloc(batch * nOut), 0);
  const Y = backend.alloc(batch * nOut).fill(7);
  const dW = backend.alloc(nOut * nIn).fill(7);
  const dB = backend.alloc(nOut).fill(7);
  const dX = backend.alloc(batch * nIn).fill(7);

  backend.dense.forward(X, W, bias, Y, batch, nIn, nOut);
  const f = referenceForward(X, W, bias, batch, nIn, nOut);
  expectClose(Y, f.y, f.s, `forward ${label}`);

  backend.dense.gradParams(X, dY, dW, dB, batch, nIn, nOut);
  const g = referenceGradParams(X, dY, batch, nIn, nOut);
  expectClose(dW, g.dW, g.sW, `gradParams dW ${label}`);
  expectClose(dB, g.dB, g.sB, `gradParams dB ${label}`);

  backend.dense.gradInput(dY, W, dX, batch, nIn, nOut);
  const gi = referenceGradInput(dY, W, batch, nIn, nOut);
  expectClose(dX, gi.dX, gi.s, `gradInput ${label}`);
}

describe('wasm SIMD dense kernels', () => {
  it('are supported by this Node (the module validates)', () => {
    expect(wasmSimdSupported()).toBe(true);
  });

  it('match the float64 reference on dense and on mostly-zero inputs, for every shape', async () => {
    const rng = createRng(20261123);
    for (const shape of SHAPES) {
      for (const zeroFraction of [0, 0.8]) {
        const backend = await createWasmBackend(1 << 20, 1 << 19);
        checkKernels(backend, rng, shape, zeroFraction);
      }
    }
  });

  it('a worked 1×3→2 example: Y = X·Wᵀ + b, dW = dYᵀX, dB = ΣdY, dX = dY·W', async () => {
    const backend = await createWasmBackend(1024, 1024);
    const X = backend.alloc(3);
    X.set([1, 0, 2]);
    const W = backend.alloc(6);
    W.set([1, 2, 3, 4, 5, 6]); // rows o=0: [1 2 3], o=1: [4 5 6]
    const bias = backend.alloc(2);
    bias.set([0.5, -1]);
    const Y = backend.alloc(2);
    backend.dense.forward(X, W, bias, Y, 1, 3, 2);
    // Y0 = 1·1 + 0·2 + 2·3 + 0.5 = 7.5;  Y1 = 1·4 + 0·5 + 2·6 − 1 = 15
    expect(Array.from(Y)).toEqual([7.5, 15]);
    const dY = backend.alloc(2);
    dY.set([1, -2]);
    const dW = backend.alloc(6);
    const dB = backend.alloc(2);
    backend.dense.gradParams(X, dY, dW, dB, 1, 3, 2);
    // dW[o,i] = dY[o]·X[i]: [1 0 2], [−2 0 −4]  (accumulators start at +0, so −2·0 is stored as +0)
    expect(Array.from(dW)).toEqual([1, 0, 2, -2, 0, -4]);
    expect(Array.from(dB)).toEqual([1, -2]);
    const dX = backend.alloc(3);
    backend.dense.gradInput(dY, W, dX, 1, 3, 2);
    // dX[i] = 1·W[0,i] − 2·W[1,i] = [1−8, 2−10, 3−12]
    expect(Array.from(dX)).toEqual([-7, -8, -9]);
  });

  it('propagates NaN from the input even on the sparse path (only exact zeros are skipped)', async () => {
    const backend = await createWasmBackend(1 << 16, 1 << 16);
    const [batch, nIn, nOut] = [4, 40, 5];
    const X = backend.alloc(batch * nIn);
    X[3] = NaN; // row 0; all other inputs are zero, so the sparse path is taken
    const W = backend.alloc(nOut * nIn).fill(0.5);
    const Y = backend.alloc(batch * nOut);
    backend.dense.forward(X, W, backend.alloc(nOut), Y, batch, nIn, nOut);
    expect(Array.from(Y.subarray(0, nOut)).every(Number.isNaN)).toBe(true);
    expect(Array.from(Y.subarray(nOut))).toEqual(new Array((batch - 1) * nOut).fill(0));
  });
});

describe('path choice (raw module exports)', () => {
  /** A memory with buffers placed by a bump pointer, as the backend does. */
  async function setup(batch: number, nIn: number, nOut: number, zeroFraction: number) {
    const memory = new WebAssembly.Memory({ initial: 64, maximum: 64 });
    const wasm = await instantiateDenseKernels(memory);
    let next = (wasm.heapBase() + 15) & ~15;
    const view = (n: number) => {
      const a = new Float32Array(memory.buffer, next, n);
      next += ((n * 4 + 15) >> 4) << 4;
      return a;
    };
    const rng = createRng(7);
    const X = fill(rng, view(batch * nIn), zeroFraction);
    const W = fill(rng, view(nOut * nIn), 0);
    const bias = fill(rng, view(nOut), 0);
    const Y = view(batch * nOut);
    const dY = fill(rng, view(batch * nOut), 0);
    const dW = view(nOut * nIn);
    const dB = view(nOut);
    return { wasm, X, W, bias, Y, dY, dW, dB, scratch: next, end: memory.buffer.byteLength };
  }

  it('takes the sparse path on mostly-zero X and the dense path otherwise, with the same results', async () => {
    const [batch, nIn, nOut] = [16, 100, 12];
    for (const [zeroFraction, path] of [[0.8, PATH_SPARSE], [0.1, PATH_DENSE]] as const) {
      const s = await setup(batch, nIn, nOut, zeroFraction);
      const p = (a: Float32Array) => a.byteOffset;
      expect(s.wasm.forward(p(s.X), p(s.W), p(s.bias), p(s.Y), batch, nIn, nOut, s.scratch, s.end)).toBe(path);
      const f = referenceForward(s.X, s.W, s.bias, batch, nIn, nOut);
      expectClose(s.Y, f.y, f.s, `forward, ${zeroFraction} zeros`);
      expect(s.wasm.gradParams(p(s.X), p(s.dY), p(s.dW), p(s.dB), batch, nIn, nOut, s.scratch, s.end)).toBe(path);
      const g = referenceGradParams(s.X, s.dY, batch, nIn, nOut);
      expectClose(s.dW, g.dW, g.sW, `gradParams, ${zeroFraction} zeros`);
    }
  });

  it('falls back to the dense path when the non-zero lists do not fit, and reports when Wᵀ does not', async () => {
    const [batch, nIn, nOut] = [16, 100, 12];
    const s = await setup(batch, nIn, nOut, 0.8);
    const p = (a: Float32Array) => a.byteOffset;
    const wtOnly = s.scratch + nIn * nOut * 4 + 64;
    expect(s.wasm.forward(p(s.X), p(s.W), p(s.bias), p(s.Y), batch, nIn, nOut, s.scratch, wtOnly)).toBe(PATH_DENSE);
    const f = referenceForward(s.X, s.W, s.bias, batch, nIn, nOut);
    expectClose(s.Y, f.y, f.s, 'forward, dense fallback');
    expect(s.wasm.gradParams(p(s.X), p(s.dY), p(s.dW), p(s.dB), batch, nIn, nOut, s.scratch, s.scratch)).toBe(PATH_DENSE);
    const g = referenceGradParams(s.X, s.dY, batch, nIn, nOut);
    expectClose(s.dW, g.dW, g.sW, 'gradParams, dense fallback');
    expect(s.wasm.forward(p(s.X), p(s.W), p(s.bias), p(s.Y), batch, nIn, nOut, s.scratch, s.scratch + 16)).toBe(SCRATCH_TOO_SMALL);
  });
});

describe('wasm backend memory', () => {
  it('hands out zeroed views that stay attached, also after kernels used their scratch', async () => {
    const backend = await createWasmBackend(1 << 16, 1 << 16);
    const rng = createRng(3);
    const X = fill(rng, backend.alloc(8 * 50), 0.5);
    const W = fill(rng, backend.alloc(20 * 50), 0);
    const Y = backend.alloc(8 * 20);
    backend.dense.forward(X, W, backend.alloc(20), Y, 8, 50, 20); // writes Wᵀ and non-zero lists into scratch
    const later = backend.alloc(5000);
    expect(later.every((v) => v === 0)).toBe(true);
    expect(X.length).toBe(400); // a detached view would have length 0
    expect(later.byteOffset % 16).toBe(0);
    expect(later.byteOffset).toBeGreaterThanOrEqual(Y.byteOffset + Y.byteLength);
  });

  it('rejects foreign arrays, short arrays, bad shapes and over-allocation with clear messages', async () => {
    const backend = await createWasmBackend(1000, 1000);
    const X = backend.alloc(12);
    const W = backend.alloc(6);
    const b = backend.alloc(2);
    const Y = backend.alloc(8);
    const forward = backend.dense.forward;
    expect(() => forward(new Float32Array(12), W, b, Y, 4, 3, 2)).toThrow(/X is not a view from this backend's alloc/);
    expect(() => forward(X, W, b, Y.subarray(0, 7), 4, 3, 2)).toThrow(/Y has 7 floats, the shape needs 8/);
    expect(() => forward(X, W, b, Y, 4.5, 3, 2)).toThrow(/positive integers/);
    expect(() => forward(X, W, b, Y, 0, 3, 2)).toThrow(/positive integers/);
    expect(() => backend.alloc(1000)).toThrow(/exceeds its 1000 floats/);
    expect(() => backend.alloc(-1)).toThrow(/whole number/);
    await expect(createWasmBackend(2 ** 40)).rejects.toThrow(/exceeds/);
  });

  it('reports a scratch area too small for Wᵀ instead of writing past memory', async () => {
    // Without reserved scratch, only the spare static-data page and the rounding to whole 64 KiB pages are
    // left (< 131,072 bytes), and Wᵀ of a 200×200 layer needs 160,000.
    const backend = await createWasmBackend(200 * 200 + 1000, 0);
    const [nIn, nOut] = [200, 200];
    const W = backend.alloc(nOut * nIn);
    const Y = backend.alloc(nOut);
    expect(() => backend.dense.forward(backend.alloc(nIn), W, backend.alloc(nOut), Y, 1, nIn, nOut)).toThrow(/scratch too small for a 200×200 layer/);
  });
});

/**
 * Pure-TypeScript dense kernels (contract in ./types.ts), for engines without WebAssembly SIMD and, in
 * Float64, for the gradient check. Two ideas make them fast without changing any result beyond
 * summation order:
 * - register tiling: four outputs per pass over a dense row, eight per pass over a sparse one, so
 *   each loaded input (or non-zero position and value) serves four or eight products;
 * - sparse rows: an MNIST image is ~80 % zero pixels, so when X is mostly zeros, the products run over
 *   its non-zero entries only (skipping x = 0 terms is exact).
 * Accumulation is in JavaScript doubles; results are rounded once when stored. Each loop nest lives in
 * its own small function with a single path, so V8 optimises it once instead of deoptimising on
 * branches it had not seen when it compiled a long-running loop.
 */
import type { Backend, Dense } from '../backend.ts';
import type { FloatArray } from '../float-array.ts';
import type { KernelBackend } from './types.ts';

/** X is treated as sparse when at most this fraction of its entries is non-zero. */
const SPARSE_FRACTION = 0.5;

/** The non-zeros of X, row after row: positions, values, and where each row starts. */
interface NonZeros {
  index: Int32Array;
  value: Float64Array;
  rowStart: Int32Array;
}

function ensureCapacity(nz: NonZeros, batch: number, nIn: number): void {
  if (nz.index.length < batch * nIn) {
    nz.index = new Int32Array(batch * nIn);
    nz.value = new Float64Array(batch * nIn);
  }
  if (nz.rowStart.length < batch + 1) nz.rowStart = new Int32Array(batch + 1);
}

/** Returns true (and fills nz) when X's first `batch` rows are sparse enough for the sparse kernels. */
function gatherNonZeros(X: FloatArray, batch: number, nIn: number, nz: NonZeros): boolean {
  ensureCapacity(nz, batch, nIn);
  const { index, value, rowStart } = nz;
  let n = 0;
  for (let b = 0; b < batch; b++) {
    rowStart[b] = n;
    const xb = b * nIn;
    for (let i = 0; i < nIn; i++) {
      const x = X[xb + i];
      if (x !== 0) {
        index[n] = i;
        value[n] = x;
        n++;
      }
    }
  }
  rowStart[batch] = n;
  return n <= SPARSE_FRACTION * batch * nIn;
}

function forwardDense(X: FloatArray, W: FloatArray, bias: FloatArray, Y: FloatArray, batch: number, nIn: number, nOut: number): void {
  const o4 = nOut - (nOut % 4);
  for (let b = 0; b < batch; b++) {
    const xb = b * nIn;
    const yb = b * nOut;
    for (let o = 0; o < o4; o += 4) {
      const w0 = o * nIn;
      const w1 = w0 + nIn;
      const w2 = w1 + nIn;
      const w3 = w2 + nIn;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let i = 0; i < nIn; i++) {
        const x = X[xb + i];
        s0 += x * W[w0 + i];
        s1 += x * W[w1 + i];
        s2 += x * W[w2 + i];
        s3 += x * W[w3 + i];
      }
      Y[yb + o] = s0 + bias[o];
      Y[yb + o + 1] = s1 + bias[o + 1];
      Y[yb + o + 2] = s2 + bias[o + 2];
      Y[yb + o + 3] = s3 + bias[o + 3];
    }
    for (let o = o4; o < nOut; o++) {
      const w0 = o * nIn;
      let s = 0;
      for (let i = 0; i < nIn; i++) s += X[xb + i] * W[w0 + i];
      Y[yb + o] = s + bias[o];
    }
  }
}

function forwardSparse(nz: NonZeros, W: FloatArray, bias: FloatArray, Y: FloatArray, batch: number, nIn: number, nOut: number): void {
  const { index, value, rowStart } = nz;
  const o8 = nOut - (nOut % 8);
  for (let b = 0; b < batch; b++) {
    const yb = b * nOut;
    const k0 = rowStart[b];
    const k1 = rowStart[b + 1];
    for (let o = 0; o < o8; o += 8) {
      const w0 = o * nIn;
      const w1 = w0 + nIn;
      const w2 = w1 + nIn;
      const w3 = w2 + nIn;
      const w4 = w3 + nIn;
      const w5 = w4 + nIn;
      const w6 = w5 + nIn;
      const w7 = w6 + nIn;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let s4 = 0;
      let s5 = 0;
      let s6 = 0;
      let s7 = 0;
      for (let k = k0; k < k1; k++) {
        const i = index[k];
        const x = value[k];
        s0 += x * W[w0 + i];
        s1 += x * W[w1 + i];
        s2 += x * W[w2 + i];
        s3 += x * W[w3 + i];
        s4 += x * W[w4 + i];
        s5 += x * W[w5 + i];
        s6 += x * W[w6 + i];
        s7 += x * W[w7 + i];
      }
      Y[yb + o] = s0 + bias[o];
      Y[yb + o + 1] = s1 + bias[o + 1];
      Y[yb + o + 2] = s2 + bias[o + 2];
      Y[yb + o + 3] = s3 + bias[o + 3];
      Y[yb + o + 4] = s4 + bias[o + 4];
      Y[yb + o + 5] = s5 + bias[o + 5];
      Y[yb + o + 6] = s6 + bias[o + 6];
      Y[yb + o + 7] = s7 + bias[o + 7];
    }
  }
  if (o8 < nOut) forwardSparseRest(nz, W, bias, Y, batch, nIn, nOut, o8);
}

/** Outputs o0 … nOut−1 (fewer than eight) of forwardSparse, one at a time. */
function forwardSparseRest(nz: NonZeros, W: FloatArray, bias: FloatArray, Y: FloatArray, batch: number, nIn: number, nOut: number, o0: number): void {
  const { index, value, rowStart } = nz;
  for (let b = 0; b < batch; b++) {
    const k1 = rowStart[b + 1];
    for (let o = o0; o < nOut; o++) {
      const w0 = o * nIn;
      let s = 0;
      for (let k = rowStart[b]; k < k1; k++) s += value[k] * W[w0 + index[k]];
      Y[b * nOut + o] = s + bias[o];
    }
  }
}

function gradParamsDense(X: FloatArray, dY: FloatArray, dW: FloatArray, dB: FloatArray, batch: number, nIn: number, nOut: number): void {
  const b4 = batch - (batch % 4);
  for (let o = 0; o < nOut; o++) {
    const row = o * nIn;
    dW.fill(0, row, row + nIn);
    let db = 0;
    for (let b = 0; b < b4; b += 4) {
      const d0 = dY[b * nOut + o];
      const d1 = dY[(b + 1) * nOut + o];
      const d2 = dY[(b + 2) * nOut + o];
      const d3 = dY[(b + 3) * nOut + o];
      db += d0 + d1 + d2 + d3;
      const x0 = b * nIn;
      const x1 = x0 + nIn;
      const x2 = x1 + nIn;
      const x3 = x2 + nIn;
      for (let i = 0; i < nIn; i++) {
        dW[row + i] += d0 * X[x0 + i] + d1 * X[x1 + i] + d2 * X[x2 + i] + d3 * X[x3 + i];
      }
    }
    for (let b = b4; b < batch; b++) {
      const d = dY[b * nOut + o];
      db += d;
      const x0 = b * nIn;
      for (let i = 0; i < nIn; i++) dW[row + i] += d * X[x0 + i];
    }
    dB[o] = db;
  }
}

function gradParamsSparse(nz: NonZeros, dY: FloatArray, dW: FloatArray, dB: FloatArray, batch: number, nIn: number, nOut: number): void {
  const { index, value, rowStart } = nz;
  const o8 = nOut - (nOut % 8);
  dW.fill(0, 0, nOut * nIn);
  for (let o = 0; o < o8; o += 8) {
    const r0 = o * nIn;
    const r1 = r0 + nIn;
    const r2 = r1 + nIn;
    const r3 = r2 + nIn;
    const r4 = r3 + nIn;
    const r5 = r4 + nIn;
    const r6 = r5 + nIn;
    const r7 = r6 + nIn;
    for (let b = 0; b < batch; b++) {
      const y = b * nOut + o;
      const d0 = dY[y];
      const d1 = dY[y + 1];
      const d2 = dY[y + 2];
      const d3 = dY[y + 3];
      const d4 = dY[y + 4];
      const d5 = dY[y + 5];
      const d6 = dY[y + 6];
      const d7 = dY[y + 7];
      const k1 = rowStart[b + 1];
      for (let k = rowStart[b]; k < k1; k++) {
        const i = index[k];
        const x = value[k];
        dW[r0 + i] += d0 * x;
        dW[r1 + i] += d1 * x;
        dW[r2 + i] += d2 * x;
        dW[r3 + i] += d3 * x;
        dW[r4 + i] += d4 * x;
        dW[r5 + i] += d5 * x;
        dW[r6 + i] += d6 * x;
        dW[r7 + i] += d7 * x;
      }
    }
  }
  for (let o = 0; o < o8; o++) {
    let db = 0;
    for (let b = 0; b < batch; b++) db += dY[b * nOut + o];
    dB[o] = db;
  }
  if (o8 < nOut) gradParamsSparseRest(nz, dY, dW, dB, batch, nIn, nOut, o8);
}

/** Output rows o0 … nOut−1 (fewer than eight) of gradParamsSparse, one at a time. */
function gradParamsSparseRest(nz: NonZeros, dY: FloatArray, dW: FloatArray, dB: FloatArray, batch: number, nIn: number, nOut: number, o0: number): void {
  const { index, value, rowStart } = nz;
  for (let o = o0; o < nOut; o++) {
    const row = o * nIn;
    let db = 0;
    for (let b = 0; b < batch; b++) {
      const d = dY[b * nOut + o];
      db += d;
      const k1 = rowStart[b + 1];
      for (let k = rowStart[b]; k < k1; k++) dW[row + index[k]] += d * value[k];
    }
    dB[o] = db;
  }
}

function gradInput(dY: FloatArray, W: FloatArray, dX: FloatArray, batch: number, nIn: number, nOut: number): void {
  const o4 = nOut - (nOut % 4);
  for (let b = 0; b < batch; b++) {
    const xb = b * nIn;
    const yb = b * nOut;
    dX.fill(0, xb, xb + nIn);
    for (let o = 0; o < o4; o += 4) {
      const d0 = dY[yb + o];
      const d1 = dY[yb + o + 1];
      const d2 = dY[yb + o + 2];
      const d3 = dY[yb + o + 3];
      const w0 = o * nIn;
      const w1 = w0 + nIn;
      const w2 = w1 + nIn;
      const w3 = w2 + nIn;
      for (let i = 0; i < nIn; i++) {
        dX[xb + i] += d0 * W[w0 + i] + d1 * W[w1 + i] + d2 * W[w2 + i] + d3 * W[w3 + i];
      }
    }
    for (let o = o4; o < nOut; o++) {
      const d = dY[yb + o];
      const w0 = o * nIn;
      for (let i = 0; i < nIn; i++) dX[xb + i] += d * W[w0 + i];
    }
  }
}

function createDense<A extends FloatArray>(): Dense<A> {
  const nz: NonZeros = { index: new Int32Array(0), value: new Float64Array(0), rowStart: new Int32Array(0) };
  return {
    forward(X, W, bias, Y, batch, nIn, nOut) {
      if (gatherNonZeros(X, batch, nIn, nz)) forwardSparse(nz, W, bias, Y, batch, nIn, nOut);
      else forwardDense(X, W, bias, Y, batch, nIn, nOut);
    },
    gradParams(X, dY, dW, dB, batch, nIn, nOut) {
      if (gatherNonZeros(X, batch, nIn, nz)) gradParamsSparse(nz, dY, dW, dB, batch, nIn, nOut);
      else gradParamsDense(X, dY, dW, dB, batch, nIn, nOut);
    },
    gradInput,
  };
}

/** The pure-TypeScript Float32 backend: ordinary zeroed arrays. */
export function createTsBackend(): KernelBackend {
  return { name: 'typescript', alloc: (n) => new Float32Array(n), dense: createDense<Float32Array>() };
}

/** The same kernels in Float64: the network's gradient-check mode. */
export function createTsBackend64(): Backend<Float64Array> {
  return { name: 'typescript-f64', alloc: (n) => new Float64Array(n), dense: createDense<Float64Array>() };
}

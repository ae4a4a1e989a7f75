/**
 * Pure-TypeScript dense kernels (contract in ./types.ts), for engines without WebAssembly SIMD and, in
 * Float64, for the gradient check. Two ideas make them fast without changing any result beyond
 * summation order:
 * - register tiling: four outputs per pass, so each loaded input (or non-zero) serves four products;
 * - sparse rows: an MNIST image is ~80 % zero pixels, so when X is mostly zeros, the products run over
 *   its non-zero entries only (skipping x = 0 terms is exact).
 * Accumulation is in JavaScript doubles; results are rounded once when stored. Each loop nest lives in
 * its own small function with a single path, so V8 optimises it once instead of deoptimising on
 * branches it had not seen when it compiled a long-running loop.
 */
import type { Backend, Dense, FloatArray } from '../backend.ts';
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
  const o4 = nOut - (nOut % 4);
  for (let b = 0; b < batch; b++) {
    const yb = b * nOut;
    const k0 = rowStart[b];
    const k1 = rowStart[b + 1];
    for (let o = 0; o < o4; o += 4) {
      const w0 = o * nIn;
      const w1 = w0 + nIn;
      const w2 = w1 + nIn;
      const w3 = w2 + nIn;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = k0; k < k1; k++) {
        const i = index[k];
        const x = value[k];
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
      for (let k = k0; k < k1; k++) s += value[k] * W[w0 + index[k]];
      Y[yb + o] = s + bias[o];
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
  const o4 = nOut - (nOut % 4);
  dW.fill(0, 0, nOut * nIn);
  for (let o = 0; o < o4; o += 4) {
    const r0 = o * nIn;
    const r1 = r0 + nIn;
    const r2 = r1 + nIn;
    const r3 = r2 + nIn;
    let db0 = 0;
    let db1 = 0;
    let db2 = 0;
    let db3 = 0;
    for (let b = 0; b < batch; b++) {
      const y = b * nOut + o;
      const d0 = dY[y];
      const d1 = dY[y + 1];
      const d2 = dY[y + 2];
      const d3 = dY[y + 3];
      db0 += d0;
      db1 += d1;
      db2 += d2;
      db3 += d3;
      const k1 = rowStart[b + 1];
      for (let k = rowStart[b]; k < k1; k++) {
        const i = index[k];
        const x = value[k];
        dW[r0 + i] += d0 * x;
        dW[r1 + i] += d1 * x;
        dW[r2 + i] += d2 * x;
        dW[r3 + i] += d3 * x;
      }
    }
    dB[o] = db0;
    dB[o + 1] = db1;
    dB[o + 2] = db2;
    dB[o + 3] = db3;
  }
  if (o4 < nOut) gradParamsSparseRest(nz, dY, dW, dB, batch, nIn, nOut, o4);
}

/** Output rows o0 … nOut−1 (fewer than four) of gradParamsSparse, one at a time. */
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

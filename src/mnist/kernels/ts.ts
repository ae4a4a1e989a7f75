/**
 * Pure-TypeScript dense kernels (contract in ./types.ts), for engines without WebAssembly SIMD and, in
 * Float64, for the gradient check. Two ideas make them fast without changing a single result bit
 * beyond summation order:
 * - register tiling: four outputs (or four batch rows) per pass, so each loaded input is used 4×;
 * - sparse rows: an MNIST image is ~80 % zero pixels, so when a row of X is mostly zeros, the products
 *   run over its non-zero entries only (skipping x = 0 terms is exact).
 * Accumulation is in JavaScript doubles; results are rounded once when stored.
 */
import type { Backend, Dense, FloatArray } from '../backend.ts';
import type { KernelBackend } from './types.ts';

/** A row is treated as sparse when at most this fraction of its entries is non-zero. */
const SPARSE_FRACTION = 0.5;

function createDense<A extends FloatArray>(): Dense<A> {
  // Non-zero entries of X, row after row: positions, values, and where each row starts.
  let nzIndex = new Int32Array(0);
  let nzValue = new Float64Array(0);
  let rowStart = new Int32Array(0);

  /** Collects the non-zeros of X's rows; returns the total count. Grows scratch only on first use. */
  function gatherNonZeros(X: A, batch: number, nIn: number): number {
    if (nzIndex.length < batch * nIn) {
      nzIndex = new Int32Array(batch * nIn);
      nzValue = new Float64Array(batch * nIn);
    }
    if (rowStart.length < batch + 1) rowStart = new Int32Array(batch + 1);
    let n = 0;
    for (let b = 0; b < batch; b++) {
      rowStart[b] = n;
      const xb = b * nIn;
      for (let i = 0; i < nIn; i++) {
        const x = X[xb + i];
        if (x !== 0) {
          nzIndex[n] = i;
          nzValue[n] = x;
          n++;
        }
      }
    }
    rowStart[batch] = n;
    return n;
  }

  function forward(X: A, W: A, bias: A, Y: A, batch: number, nIn: number, nOut: number): void {
    const sparse = gatherNonZeros(X, batch, nIn) <= SPARSE_FRACTION * batch * nIn;
    const o4 = nOut - (nOut % 4);
    for (let b = 0; b < batch; b++) {
      const xb = b * nIn;
      const yb = b * nOut;
      const k0 = rowStart[b];
      const k1 = rowStart[b + 1];
      let o = 0;
      for (; o < o4; o += 4) {
        const w0 = o * nIn;
        const w1 = w0 + nIn;
        const w2 = w1 + nIn;
        const w3 = w2 + nIn;
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        if (sparse) {
          for (let k = k0; k < k1; k++) {
            const i = nzIndex[k];
            const x = nzValue[k];
            s0 += x * W[w0 + i];
            s1 += x * W[w1 + i];
            s2 += x * W[w2 + i];
            s3 += x * W[w3 + i];
          }
        } else {
          for (let i = 0; i < nIn; i++) {
            const x = X[xb + i];
            s0 += x * W[w0 + i];
            s1 += x * W[w1 + i];
            s2 += x * W[w2 + i];
            s3 += x * W[w3 + i];
          }
        }
        Y[yb + o] = s0 + bias[o];
        Y[yb + o + 1] = s1 + bias[o + 1];
        Y[yb + o + 2] = s2 + bias[o + 2];
        Y[yb + o + 3] = s3 + bias[o + 3];
      }
      for (; o < nOut; o++) {
        const w0 = o * nIn;
        let s = 0;
        for (let i = 0; i < nIn; i++) s += X[xb + i] * W[w0 + i];
        Y[yb + o] = s + bias[o];
      }
    }
  }

  function gradParams(X: A, dY: A, dW: A, dB: A, batch: number, nIn: number, nOut: number): void {
    const sparse = gatherNonZeros(X, batch, nIn) <= SPARSE_FRACTION * batch * nIn;
    const b4 = batch - (batch % 4);
    for (let o = 0; o < nOut; o++) {
      const row = o * nIn;
      dW.fill(0, row, row + nIn);
      let db = 0;
      if (sparse) {
        for (let b = 0; b < batch; b++) {
          const d = dY[b * nOut + o];
          db += d;
          if (d === 0) continue;
          const k1 = rowStart[b + 1];
          for (let k = rowStart[b]; k < k1; k++) dW[row + nzIndex[k]] += d * nzValue[k];
        }
      } else {
        let b = 0;
        for (; b < b4; b += 4) {
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
        for (; b < batch; b++) {
          const d = dY[b * nOut + o];
          db += d;
          const x0 = b * nIn;
          for (let i = 0; i < nIn; i++) dW[row + i] += d * X[x0 + i];
        }
      }
      dB[o] = db;
    }
  }

  function gradInput(dY: A, W: A, dX: A, batch: number, nIn: number, nOut: number): void {
    const o4 = nOut - (nOut % 4);
    for (let b = 0; b < batch; b++) {
      const xb = b * nIn;
      const yb = b * nOut;
      dX.fill(0, xb, xb + nIn);
      let o = 0;
      for (; o < o4; o += 4) {
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
      for (; o < nOut; o++) {
        const d = dY[yb + o];
        const w0 = o * nIn;
        for (let i = 0; i < nIn; i++) dX[xb + i] += d * W[w0 + i];
      }
    }
  }

  return { forward, gradParams, gradInput };
}

/** The pure-TypeScript Float32 backend: ordinary zeroed arrays. */
export function createTsBackend(): KernelBackend {
  return { name: 'typescript', alloc: (n) => new Float32Array(n), dense: createDense<Float32Array>() };
}

/** The same kernels in Float64: the network's gradient-check mode. */
export function createTsBackend64(): Backend<Float64Array> {
  return { name: 'typescript-f64', alloc: (n) => new Float64Array(n), dense: createDense<Float64Array>() };
}

import { describe, expect, it } from 'vitest';
import { createTsBackend, createTsBackend64 } from '../../src/mnist/kernels/ts.ts';
import { createRng } from '../../src/run/random.ts';

// Reference: the contract's sums written as plain triple loops in float64.
function reference(X: Float64Array, W: Float64Array, bias: Float64Array, dY: Float64Array, batch: number, nIn: number, nOut: number) {
  const Y = new Float64Array(batch * nOut);
  const dW = new Float64Array(nOut * nIn);
  const dB = new Float64Array(nOut);
  const dX = new Float64Array(batch * nIn);
  for (let b = 0; b < batch; b++) {
    for (let o = 0; o < nOut; o++) {
      let s = bias[o];
      for (let i = 0; i < nIn; i++) {
        s += X[b * nIn + i] * W[o * nIn + i];
        dW[o * nIn + i] += dY[b * nOut + o] * X[b * nIn + i];
        dX[b * nIn + i] += dY[b * nOut + o] * W[o * nIn + i];
      }
      Y[b * nOut + o] = s;
      dB[o] += dY[b * nOut + o];
    }
  }
  return { Y, dW, dB, dX };
}

function problem(batch: number, nIn: number, nOut: number, zeroFraction: number, seed: number) {
  const rng = createRng(seed);
  const fill = (n: number, zeros = 0) => Float64Array.from({ length: n }, () => (rng.uniform() < zeros ? 0 : rng.normal()));
  return { X: fill(batch * nIn, zeroFraction), W: fill(nOut * nIn), bias: fill(nOut), dY: fill(batch * nOut) };
}

describe('pure-TypeScript dense kernels', () => {
  // Odd sizes exercise the 4-wide tiles' remainders; 85 % zeros takes the sparse-row path, 0 % the dense one.
  for (const [batch, nIn, nOut, zeros] of [[7, 13, 6, 0], [9, 30, 11, 0.85], [4, 4, 4, 0.5], [1, 5, 3, 1]] as const) {
    it(`match the reference sums, batch ${batch}, ${nIn}→${nOut}, ${zeros * 100} % zero inputs`, () => {
      const p = problem(batch, nIn, nOut, zeros, batch * 100 + nIn);
      const ref = reference(p.X, p.W, p.bias, p.dY, batch, nIn, nOut);
      const k64 = createTsBackend64().dense;
      const Y = new Float64Array(batch * nOut);
      const dW = new Float64Array(nOut * nIn).fill(99); // overwritten, not accumulated
      const dB = new Float64Array(nOut).fill(99);
      const dX = new Float64Array(batch * nIn).fill(99);
      k64.forward(p.X, p.W, p.bias, Y, batch, nIn, nOut);
      k64.gradParams(p.X, p.dY, dW, dB, batch, nIn, nOut);
      k64.gradInput(p.dY, p.W, dX, batch, nIn, nOut);
      for (const [got, want] of [[Y, ref.Y], [dW, ref.dW], [dB, ref.dB], [dX, ref.dX]] as const) {
        for (let i = 0; i < want.length; i++) expect(got[i]).toBeCloseTo(want[i], 12);
      }
      // Float32 backend: same sums, rounded to single precision.
      const k32 = createTsBackend();
      const f = (a: Float64Array) => Float32Array.from(a);
      const Y32 = k32.alloc(batch * nOut);
      k32.dense.forward(f(p.X), f(p.W), f(p.bias), Y32, batch, nIn, nOut);
      for (let i = 0; i < Y32.length; i++) expect(Y32[i]).toBeCloseTo(ref.Y[i], 4);
    });
  }
});

/**
 * Muon's Newton–Schulz on the network's kernels (src/mnist/kernels/matrix.ts, src/optim/muon.ts): the
 * TypeScript path against a float64 reference of the same five steps, the WebAssembly path against the
 * TypeScript one, and a whole Muon step on the MNIST network's layout on both backends (a transposed
 * r > c matrix included) against a float64 reference of the rule.
 *
 * Tolerance: the iteration works on matrices whose singular values stay in about [0, 1.2], so float32
 * rounding (≈ 6e-8 relative per operation, sums over up to 784 terms) stays small after five steps: the
 * worst differences measured are 0.2–4e-6 of the largest entry; every comparison allows 2e-5 of it.
 */
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../src/run/random.ts';
import { createTsBackend } from '../../src/mnist/kernels/ts.ts';
import { createWasmBackend } from '../../src/mnist/kernels/wasm/wasm-backend.ts';
import { matrixKernels } from '../../src/mnist/kernels/matrix.ts';
import { muon, newtonSchulz, NS_COEFFICIENTS, NS_EPS, NS_STEPS } from '../../src/optim/muon.ts';
import { defaultHyper } from '../../src/optim/index.ts';
import type { MatrixKernels } from '../../src/optim/types.ts';
import { paramLayout, type MlpConfig } from '../../src/mnist/layout.ts';

const TOL = 2e-5;

function randomMatrix(rng: Rng, n: number, zeroColumns = 0): Float64Array {
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = rng.uniform() * 2 - 1;
  // Zero columns, as the first layer's gradient has for pixels that are 0 in the whole batch.
  return zeroColumns > 0 ? a.map((v, i) => (i % 7 < zeroColumns ? 0 : v)) : a;
}

/** The five steps in float64: A = X·Xᵀ, B = b·A + c₂·A·A, X ← a·X + B·X, on X n × m. */
function referenceNewtonSchulz(X0: Float64Array, n: number, m: number): Float64Array {
  const [a, b, c2] = NS_COEFFICIENTS;
  let X = Float64Array.from(X0);
  for (let s = 0; s < NS_STEPS; s++) {
    const A = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let k = 0; k < m; k++) sum += X[i * m + k] * X[j * m + k];
      A[i * n + j] = sum;
    }
    const B = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let k = 0; k < n; k++) sum += A[i * n + k] * A[k * n + j];
      B[i * n + j] = b * A[i * n + j] + c2 * sum;
    }
    const next = new Float64Array(n * m);
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) {
      let sum = 0;
      for (let k = 0; k < n; k++) sum += B[i * n + k] * X[k * m + j];
      next[i * m + j] = a * X[i * m + j] + sum;
    }
    X = next;
  }
  return X;
}

/** Newton–Schulz of X0 (already normalised) on the given kernels, in buffers from their alloc. */
function onKernels(k: MatrixKernels, X0: ArrayLike<number>, n: number, m: number): Float32Array {
  const X = k.alloc(n * m);
  X.set(X0);
  newtonSchulz(k, X, k.alloc(n * n), k.alloc(n * n), k.alloc(n * m), k.alloc(n), n, m);
  return X;
}

function frobenius(U: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < U.length; i++) sum += U[i] * U[i];
  return Math.sqrt(sum);
}

function normalised(rng: Rng, n: number, m: number, zeroColumns = 0): Float32Array {
  const U = randomMatrix(rng, n * m, zeroColumns);
  const norm = frobenius(U) + NS_EPS;
  return Float32Array.from(U, (u) => u / norm);
}

/** max |got − ref| / max |ref| */
function worst(got: ArrayLike<number>, ref: ArrayLike<number>): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < ref.length; i++) {
    diff = Math.max(diff, Math.abs(got[i] - ref[i]));
    scale = Math.max(scale, Math.abs(ref[i]));
  }
  return diff / scale;
}

/** [n, m]: rows ≤ columns, as Muon hands the iteration (after transposing when r > c). */
const SHAPES: [number, number][] = [[1, 1], [2, 3], [3, 5], [10, 10], [16, 64], [13, 30], [64, 784]];

describe('Newton–Schulz on the TypeScript kernels against float64', () => {
  it.each(SHAPES)('%i × %i', (n, m) => {
    const rng = createRng(n * 1000 + m);
    const X0 = normalised(rng, n, m, m >= 7 ? 2 : 0);
    const ref = referenceNewtonSchulz(Float64Array.from(X0), n, m);
    const got = onKernels(matrixKernels(createTsBackend()), X0, n, m);
    expect(worst(got, ref)).toBeLessThanOrEqual(TOL);
    // It orthogonalises, roughly: the singular values end in about [0.5, 1.5], so XXᵀ's diagonal is O(1).
    if (n > 1) {
      let diag = 0;
      for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) diag += ref[i * m + j] ** 2;
      expect(diag / n).toBeGreaterThan(0.25);
      expect(diag / n).toBeLessThan(2.25);
    }
  });
});

describe('Newton–Schulz on the WebAssembly kernels against the TypeScript ones', () => {
  it.each(SHAPES)('%i × %i', async (n, m) => {
    const rng = createRng(n * 1000 + m + 7);
    const X0 = normalised(rng, n, m, m >= 7 ? 5 : 0); // 5 of 7 columns zero: the sparse product path
    const wasm = await createWasmBackend(1 << 20, 1 << 19);
    const viaWasm = onKernels(matrixKernels(wasm), X0, n, m);
    expect(viaWasm.buffer).not.toBe(X0.buffer);
    const viaTs = onKernels(matrixKernels(createTsBackend()), X0, n, m);
    expect(worst(viaWasm, viaTs)).toBeLessThanOrEqual(TOL);
    expect(worst(viaWasm, referenceNewtonSchulz(Float64Array.from(X0), n, m))).toBeLessThanOrEqual(TOL);
  });
});

describe('a whole Muon step on an MNIST layout', () => {
  // 784-32-64-10 with batch norm on the hidden layers: W₁ 32×784 (r < c), W₂ 64×32 (r > c: transposed,
  // scale √2), the output layer 10×64 and every γ, β and bias by AdamW.
  const config: MlpConfig = { sizes: [784, 32, 64, 10], activations: ['relu', 'relu'], batchNorm: true, keepProb: 1, l2: 0 };
  const layout = paramLayout(config);
  const hyper = defaultHyper(muon);

  function stepOn(kernels: MatrixKernels, params0: Float32Array, grads: Float32Array[]): Float32Array {
    const params = kernels.alloc(params0.length);
    params.set(params0);
    const state = muon.init(params, { layers: layout.layers, kernels });
    let k = 0;
    for (let s = 0; s < grads.length; s++) {
      muon.step(params, state, hyper, (_p, g) => {
        g.set(grads[k++]);
        return 1;
      });
    }
    return params;
  }

  /** The rule in float64, for the matrices only (AdamW's entries are covered by the golden tests). */
  function referenceMatrices(params0: Float32Array, grads: Float32Array[]): Float64Array {
    const params = Float64Array.from(params0);
    const M = new Float64Array(params.length);
    const beta = hyper.beta;
    for (const G of grads) {
      for (const { w, nOut: r, nIn: c } of layout.layers.slice(0, -1)) {
        const transposed = r > c;
        const [n, m] = transposed ? [c, r] : [r, c];
        const U = new Float64Array(r * c);
        for (let o = 0; o < r; o++) for (let i = 0; i < c; i++) {
          const kk = w + o * c + i;
          M[kk] = beta * M[kk] + (1 - beta) * G[kk];
          U[transposed ? i * r + o : o * c + i] = (1 - beta) * G[kk] + beta * M[kk];
        }
        const norm = frobenius(U) + NS_EPS;
        const X = referenceNewtonSchulz(U.map((u) => u / norm), n, m);
        const scale = Math.sqrt(Math.max(1, r / c));
        for (let o = 0; o < r; o++) for (let i = 0; i < c; i++) params[w + o * c + i] -= hyper.lr * scale * X[transposed ? i * r + o : o * c + i];
      }
    }
    return params;
  }

  it('TypeScript and WebAssembly paths agree, and both match the float64 rule on the matrices', async () => {
    const rng = createRng(5);
    const params0 = Float32Array.from(randomMatrix(rng, layout.size), (v) => v * 0.1);
    const grads = [0, 1].map(() => Float32Array.from(randomMatrix(rng, layout.size, 2)));
    const viaTs = stepOn(matrixKernels(createTsBackend()), params0, grads);
    const viaWasm = stepOn(matrixKernels(await createWasmBackend()), params0, grads);
    const ref = referenceMatrices(params0, grads);
    const moved = (a: ArrayLike<number>) => Float64Array.from({ length: layout.size }, (_, i) => a[i] - params0[i]);
    for (const { w, nOut, nIn } of layout.layers.slice(0, -1)) {
      const block = (a: ArrayLike<number>) => Array.from(moved(a)).slice(w, w + nOut * nIn);
      // Compare the steps taken (not the parameters, whose size would hide a wrong step).
      expect(worst(block(viaTs), block(ref)), `${nOut}×${nIn} TS`).toBeLessThanOrEqual(TOL);
      expect(worst(block(viaWasm), block(viaTs)), `${nOut}×${nIn} wasm`).toBeLessThanOrEqual(TOL);
    }
    // Every other entry moved by AdamW: at most about 2·η_A after two steps, and identically on both
    // paths (elementwise code on the same float32 inputs).
    let adamEntries = 0;
    for (let i = 0; i < layout.size; i++) {
      if (layout.layers.slice(0, -1).some(({ w, nOut, nIn }) => i >= w && i < w + nOut * nIn)) continue;
      adamEntries++;
      expect(Math.abs(viaTs[i] - params0[i])).toBeLessThanOrEqual(2 * hyper.adamLr * 1.01);
      expect(viaWasm[i]).toBe(viaTs[i]);
    }
    expect(adamEntries).toBe(32 * 2 + 64 * 2 + 64 * 10 + 10);
  });
});

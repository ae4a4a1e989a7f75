/**
 * The wasm backend's sigmoid and tanh against the scalar reference of activations.ts (float64 Math.exp /
 * Math.tanh, rounded to float32). Bound: 2 float32 ulps of the reference, plus 1e-38 absolute for sigmoid
 * of s < −87.3, where the clamped e^(−s) gives ~4e-39 instead of a smaller subnormal (measured worst on a
 * 2²⁰-point sweep: 1.42 ulp for sigmoid on [−30, 30], 1.00 for tanh on [−12, 12]).
 */
import { describe, expect, it } from 'vitest';
import { createWasmBackend } from '../../src/mnist/kernels/wasm/wasm-backend.ts';
import { createTsBackend } from '../../src/mnist/kernels/ts.ts';
import { ACTIVATIONS } from '../../src/mnist/activations.ts';
import { createMlp, inferMlp, initMlp } from '../../src/mnist/mlp.ts';
import { createRng } from '../../src/run/random.ts';
import type { MlpConfig } from '../../src/mnist/layout.ts';
import type { KernelBackend } from '../../src/mnist/kernels/types.ts';

const CONFIG: MlpConfig = { sizes: [30, 12, 7, 5], activations: ['sigmoid', 'tanh'], l2: 0, keepProb: 1, batchNorm: false };

const ULP = 2 ** -23;

function worstError(got: Float32Array, ref: Float32Array): number {
  let worst = 0;
  for (let i = 0; i < ref.length; i++) {
    const bound = 2 * ULP * Math.abs(ref[i]) + 1e-38;
    worst = Math.max(worst, Math.abs(got[i] - ref[i]) / bound);
  }
  return worst;
}

describe('wasm activations', () => {
  for (const id of ['sigmoid', 'tanh'] as const) {
    it(`${id} is within 2 ulp of activations.ts on [−100, 100], near 0, and at every tail length`, async () => {
      const backend = await createWasmBackend(1 << 16, 1 << 10);
      const n = 20003; // not a multiple of 4: the scalar tail runs too
      const S = backend.alloc(n);
      const H = backend.alloc(n);
      const rng = createRng(5);
      for (let i = 0; i < n; i++) S[i] = i < 10000 ? -100 + (200 * i) / 9999 : (rng.uniform() * 2 - 1) * 10 ** (-8 * rng.uniform());
      const ref = new Float32Array(n);
      ACTIVATIONS[id].forward(S, ref, n);
      backend.activations![id]!(S, H, n);
      expect(worstError(H, ref)).toBeLessThanOrEqual(1);
      for (let m = 0; m <= 9; m++) {
        H.fill(7);
        backend.activations![id]!(S.subarray(0, 9), H, m);
        expect(worstError(H.subarray(0, m), ref.subarray(0, m))).toBeLessThanOrEqual(1);
        expect(H[m]).toBe(7); // nothing past n is written
      }
    });
  }

  it('keeps the special values: f(0), ±∞, NaN, in place (H = S)', async () => {
    const backend = await createWasmBackend(1 << 12, 1 << 10);
    const S = backend.alloc(5);
    const { sigmoid, tanh } = backend.activations!;
    S.set([0, Infinity, -Infinity, NaN, 1]);
    sigmoid!(S, S, 5);
    // σ(0) = 0.5, σ(∞) = 1, σ(−∞) ≈ 0 (≤ 1e-38), NaN stays NaN, σ(1) = 0.7310586
    expect([S[0], S[1], S[3]]).toEqual([0.5, 1, NaN]);
    expect(S[2]).toBeLessThan(1e-38);
    expect(S[4]).toBeCloseTo(0.7310586, 7);
    S.set([0, Infinity, -Infinity, NaN, 1]);
    tanh!(S, S, 5);
    // tanh 0 = 0, tanh ±∞ = ±1, tanh 1 = 0.7615942
    expect([...S.subarray(0, 4)]).toEqual([0, 1, -1, NaN]);
    expect(S[4]).toBeCloseTo(0.7615942, 7);
  });

  it('rejects arrays that are not its own', async () => {
    const backend = await createWasmBackend(1 << 12, 1 << 10);
    expect(() => backend.activations!.sigmoid!(new Float32Array(4), backend.alloc(4), 4)).toThrow(/not a view from this backend/);
  });

  it('the network uses them: wasm and TS inference agree to float32 rounding', async () => {
    const wasmNet = createMlp(CONFIG, await createWasmBackend(1 << 16, 1 << 14), 9);
    const tsNet = createMlp(CONFIG, createTsBackend(), 9);
    for (const net of [wasmNet, tsNet]) {
      initMlp(net, 'normal', createRng(2));
      const rng = createRng(4);
      for (let i = 0; i < net.input.length; i++) net.input[i] = rng.uniform();
      net.labels.set([0, 1, 2, 3, 4, 0, 1, 2, 3]);
      net.rows = 9;
    }
    const lw = inferMlp(wasmNet);
    const lt = inferMlp(tsNet);
    expect(Math.abs(lw - lt) / lt).toBeLessThan(1e-5);
    for (let i = 0; i < 9 * 5; i++) expect(Math.abs(wasmNet.output[i] - tsNet.output[i])).toBeLessThan(1e-5);
  });

  it('the network calls a backend activation when it has one, activations.ts otherwise', () => {
    const calls: string[] = [];
    const ts = createTsBackend();
    const backend: KernelBackend = {
      ...ts,
      activations: {
        tanh: (S, H, n) => {
          calls.push(`tanh ${n}`);
          ACTIVATIONS.tanh.forward(S, H, n);
        },
      },
    };
    const net = createMlp(CONFIG, backend, 9);
    initMlp(net, 'normal', createRng(2));
    net.rows = 3;
    inferMlp(net);
    expect(calls).toEqual(['tanh 21']); // 3 rows × 7 units; the sigmoid layer used activations.ts
  });
});

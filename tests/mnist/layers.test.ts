import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, ACTIVATION_IDS } from '../../src/mnist/activations.ts';
import { batchNormBackward, batchNormInfer, batchNormTrain } from '../../src/mnist/batchnorm.ts';
import { dropoutBackward, dropoutForward } from '../../src/mnist/dropout.ts';
import { softmaxCrossEntropy } from '../../src/mnist/loss.ts';
import { createMlp, initMlp, mlpOracle, trainMlp } from '../../src/mnist/mlp.ts';
import { paramLayout } from '../../src/mnist/layout.ts';
import { createTsBackend64 } from '../../src/mnist/kernels/ts.ts';
import { createRng } from '../../src/run/random.ts';

const H = 1e-6;

describe('activations', () => {
  for (const id of ACTIVATION_IDS) {
    it(`${id}: backward is f′(s) (central differences, away from the kink)`, () => {
      const act = ACTIVATIONS[id];
      const S = Float64Array.from([-2.5, -0.7, -0.1, 0.2, 0.9, 3]);
      const Hs = new Float64Array(6);
      act.forward(S, Hs, 6);
      const D = new Float64Array(6).fill(1);
      act.backward(Hs, D, 6);
      const plus = new Float64Array(6);
      const minus = new Float64Array(6);
      act.forward(S.map((s) => s + H), plus, 6);
      act.forward(S.map((s) => s - H), minus, 6);
      for (let i = 0; i < 6; i++) expect(D[i]).toBeCloseTo((plus[i] - minus[i]) / (2 * H), 8);
    });
  }
  it('worked values: σ(0) = 0.5, tanh(0) = 0, relu(−1) = 0, leaky-relu(−1) = −0.01', () => {
    const out = (id: (typeof ACTIVATION_IDS)[number], s: number) => {
      const h = new Float64Array(1);
      ACTIVATIONS[id].forward(Float64Array.of(s), h, 1);
      return h[0];
    };
    expect([out('sigmoid', 0), out('tanh', 0), out('relu', -1), out('leaky-relu', -1), out('relu', 2)]).toEqual([0.5, 0, 0, -0.01, 2]);
  });
});

describe('batch norm', () => {
  // m = 4 rows, n = 2 units. Unit 0: z = 1, 2, 3, 4 → μ 2.5, σ² 1.25; unit 1 constant 5 → σ² 0.
  const Z = Float64Array.from([1, 5, 2, 5, 3, 5, 4, 5]);
  const gamma = Float64Array.of(2, 1);
  const beta = Float64Array.of(0.5, -1);

  it('normalises with batch statistics and moves the running ones by 0.1', () => {
    const Zhat = new Float64Array(8);
    const S = new Float64Array(8);
    const stats = { mean: new Float64Array(2), invStd: new Float64Array(2) };
    const runMean = Float64Array.of(0, 0);
    const runVar = Float64Array.of(1, 1);
    batchNormTrain(Z, Zhat, S, stats, gamma, beta, runMean, runVar, 4, 2, true);
    const inv = 1 / Math.sqrt(1.25 + 1e-5);
    expect(Zhat[0]).toBeCloseTo(-1.5 * inv, 12);
    expect(S[0]).toBeCloseTo(2 * -1.5 * inv + 0.5, 12);
    expect(S[1]).toBe(-1); // a constant unit normalises to 0, leaving β
    // running: 0.9·0 + 0.1·2.5 = 0.25, 0.9·1 + 0.1·1.25 = 1.025; unit 1: 0.5 and 0.9
    expect(runMean[0]).toBeCloseTo(0.25, 12);
    expect(runMean[1]).toBeCloseTo(0.5, 12);
    expect(runVar[0]).toBeCloseTo(1.025, 12);
    expect(runVar[1]).toBeCloseTo(0.9, 12);
    // inference uses the running statistics: (1 − 0.25)/√(1.025 + ε)·2 + 0.5
    const Si = new Float64Array(8);
    batchNormInfer(Z, Si, gamma, beta, runMean, runVar, 4, 2);
    expect(Si[0]).toBeCloseTo((0.75 / Math.sqrt(1.025 + 1e-5)) * 2 + 0.5, 12);
  });

  it('backward matches central differences of L = Σ c·s', () => {
    const rng = createRng(5);
    const m = 5;
    const n = 3;
    const Zr = Float64Array.from({ length: m * n }, () => rng.normal());
    const g = Float64Array.from({ length: n }, () => 1 + rng.normal() * 0.3);
    const b = Float64Array.from({ length: n }, () => rng.normal());
    const c = Float64Array.from({ length: m * n }, () => rng.normal());
    const loss = (z: Float64Array, gm: Float64Array, bt: Float64Array) => {
      const S = new Float64Array(m * n);
      batchNormTrain(z, new Float64Array(m * n), S, { mean: new Float64Array(n), invStd: new Float64Array(n) }, gm, bt, new Float64Array(n), new Float64Array(n), m, n, false);
      return S.reduce((acc, s, i) => acc + s * c[i], 0);
    };
    const Zhat = new Float64Array(m * n);
    const stats = { mean: new Float64Array(n), invStd: new Float64Array(n) };
    batchNormTrain(Zr, Zhat, new Float64Array(m * n), stats, g, b, new Float64Array(n), new Float64Array(n), m, n, false);
    const dZ = new Float64Array(m * n);
    const dG = new Float64Array(n);
    const dB = new Float64Array(n);
    batchNormBackward(c, Zhat, stats, g, dG, dB, dZ, m, n);
    const bump = (a: Float64Array, i: number, d: number) => a.map((v, k) => (k === i ? v + d : v));
    for (let i = 0; i < m * n; i++) expect(dZ[i]).toBeCloseTo((loss(bump(Zr, i, H), g, b) - loss(bump(Zr, i, -H), g, b)) / (2 * H), 6);
    for (let j = 0; j < n; j++) {
      expect(dG[j]).toBeCloseTo((loss(Zr, bump(g, j, H), b) - loss(Zr, bump(g, j, -H), b)) / (2 * H), 6);
      expect(dB[j]).toBeCloseTo((loss(Zr, g, bump(b, j, H)) - loss(Zr, g, bump(b, j, -H))) / (2 * H), 6);
    }
  });
});

describe('inverted dropout', () => {
  it('keeps about p of the units, scales them by 1/p, and backward applies the same mask', () => {
    const n = 10000;
    const Hs = new Float64Array(n).fill(2);
    const A = new Float64Array(n);
    const mask = new Float64Array(n);
    dropoutForward(Hs, A, mask, n, 0.8, createRng(1));
    const kept = mask.filter((k) => k !== 0);
    expect([...new Set(mask)].sort()).toEqual([0, 1.25]);
    expect(kept.length / n).toBeCloseTo(0.8, 1);
    // E[a] = h: the mean activation stays ≈ 2
    expect(A.reduce((s, a) => s + a, 0) / n).toBeCloseTo(2, 1);
    const D = new Float64Array(n).fill(1);
    dropoutBackward(D, mask, n);
    expect(D.every((d, i) => d === mask[i])).toBe(true);
  });
});

describe('softmax cross-entropy', () => {
  it('worked example: z = (0, ln 2, ln 3) → p = (1/6, 1/3, 1/2); label 2 → loss ln 2', () => {
    const Z = Float64Array.of(0, Math.log(2), Math.log(3), 1000, 0, 0);
    const P = new Float64Array(6);
    const delta = new Float64Array(6);
    const total = softmaxCrossEntropy(Z, P, Uint8Array.of(2, 1), 2, 3, delta);
    expect(P[0]).toBeCloseTo(1 / 6, 15);
    expect(P[2]).toBeCloseTo(1 / 2, 15);
    // Row 2: logit 1000 for class 0, label 1 → loss 1000 (finite: computed from the logits).
    expect(total).toBeCloseTo(Math.log(2) + 1000, 9);
    expect(delta[2]).toBeCloseTo((1 / 2 - 1) / 2, 15);
    expect(delta[0]).toBeCloseTo(1 / 6 / 2, 15);
    expect(delta[4]).toBeCloseTo(-1 / 2, 15);
  });
});

describe('packed parameters and the oracle', () => {
  const config = { sizes: [4, 3, 2], activations: ['tanh' as const], batchNorm: false, keepProb: 1, l2: 0 };

  it('lays out W then b per layer; batch-norm layers carry γ, β instead of b', () => {
    expect(paramLayout(config)).toEqual({
      layers: [{ nIn: 4, nOut: 3, w: 0, b: 12, gamma: -1, beta: -1 }, { nIn: 3, nOut: 2, w: 15, b: 21, gamma: -1, beta: -1 }],
      size: 23,
    });
    expect(paramLayout({ ...config, batchNorm: true }).layers[0]).toEqual({ nIn: 4, nOut: 3, w: 0, b: -1, gamma: 12, beta: 15 });
  });

  function net(l2: number) {
    const mlp = createMlp({ ...config, l2 }, createTsBackend64(), 3);
    initMlp(mlp, 'xavier-normal', createRng(2));
    mlp.rows = 3;
    mlp.input.set([0.1, 0.5, 0, 1, 0.3, 0.2, 0.9, 0, 1, 1, 0.5, 0.25]);
    mlp.labels.set([0, 1, 1]);
    return mlp;
  }

  it('adds λ/(2m)·Σ‖W‖² to the loss and (λ/m)·W to the weight gradient, not to biases', () => {
    const plain = net(0);
    const decayed = net(0.6);
    const l0 = trainMlp(plain, null);
    const l1 = trainMlp(decayed, null);
    let sq = 0;
    for (const v of plain.layers) for (const w of v.W) sq += w * w;
    expect(l1 - l0).toBeCloseTo((0.6 / (2 * 3)) * sq, 14);
    expect(decayed.grad[5] - plain.grad[5]).toBeCloseTo((0.6 / 3) * plain.params[5], 14);
    expect(decayed.grad[12]).toBe(plain.grad[12]);
  });

  it('evaluates at a point other than the parameters (NAG look-ahead) and restores them', () => {
    const mlp = net(0);
    const oracle = mlpOracle(mlp, null);
    const saved = mlp.params.slice();
    const elsewhere = saved.map((w, i) => w + 0.01 * Math.sin(i));
    const grad = new Float64Array(saved.length);
    const loss = oracle(elsewhere, grad);
    expect(mlp.params).toEqual(saved);
    mlp.params.set(elsewhere);
    expect(trainMlp(mlp, null)).toBe(loss);
    expect(grad).toEqual(mlp.grad);
  });
});

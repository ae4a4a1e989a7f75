/**
 * Muon (src/optim/muon.ts), worked by hand on a tiny network: a 2×3 hidden matrix W₁ (r = 2 outputs,
 * c = 3 inputs), its bias b₁, and a 1×2 output layer W₂, b₂, packed as src/mnist/layout.ts packs them:
 *   params = [W₁ (6, row-major) | b₁ (2) | W₂ (2) | b₂ (1)]
 * Muon takes W₁; AdamW takes b₁, W₂ and b₂ (offsets 6 … 10). The gradient is given, not computed: the
 * oracle writes a fixed G per step. Products on the TypeScript kernels; numbers in float32, so asserted to
 * about 6 decimals.
 *
 * With G's rows orthogonal, Newton–Schulz acts on each singular value σ alone, by the quintic
 *   p(σ) = 3.4445·σ − 4.7750·σ³ + 2.0315·σ⁵,
 * so five steps can be followed by hand (the zero entries stay exactly zero).
 */
import { describe, expect, it } from 'vitest';
import type { GradientOracle } from '../../src/math/objective.ts';
import { muon, MUON_SURFACE_REFUSAL, NS_COEFFICIENTS, type MuonState } from '../../src/optim/muon.ts';
import { defaultHyper, getOptimizer, MNIST_OPTIMIZERS, OPTIMIZERS } from '../../src/optim/index.ts';
import type { NetworkLayout } from '../../src/optim/types.ts';
import { createTsBackend } from '../../src/mnist/kernels/ts.ts';
import { matrixKernels } from '../../src/mnist/kernels/matrix.ts';
import { run } from '../../src/run/run.ts';
import { getSurface } from '../../surfaces/index.ts';
import { surfaceObjective } from '../../surfaces/objective.ts';

const HYPER = defaultHyper(muon); // η 0.02, β 0.95, AdamW η_A 0.001, β (0.9, 0.95), ε 1e-10, λ 0

function tiny(hidden: { r: number; c: number }) {
  const { r, c } = hidden;
  const layout: NetworkLayout = {
    layers: [
      { nIn: c, nOut: r, w: 0 },
      { nIn: r, nOut: 1, w: r * c + r },
    ],
    kernels: matrixKernels(createTsBackend()),
  };
  const size = r * c + r + r + 1;
  return { layout, params: new Float32Array(size) };
}

/** An oracle that hands out the given gradients, one per step. */
function gradients(...gs: number[][]): GradientOracle {
  let k = 0;
  return (_p, g) => {
    g.set(gs[k++]);
    return 0;
  };
}

describe('Muon, hand-worked on a 2×3 hidden matrix', () => {
  // W₁ = [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]], b₁ = (0.7, 0.8), W₂ = (0.9, 1.0), b₂ = 1.1
  const start = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1];
  // Step 1: G₁ = [[3, 0, 0], [0, 4, 0]]; AdamW gradients (b₁, W₂, b₂) = (2, −0.5, 0.25, −4, 1)
  const g1 = [3, 0, 0, 0, 4, 0, 2, -0.5, 0.25, -4, 1];
  // Step 2: G₂ = [[1, 0, 0], [0, −2, 0]]; AdamW gradients (−1, −0.5, 0.25, −4, 1)
  const g2 = [1, 0, 0, 0, -2, 0, -1, -0.5, 0.25, -4, 1];

  it('first step', () => {
    const { layout, params } = tiny({ r: 2, c: 3 });
    params.set(start);
    const state = muon.init(params, layout);
    muon.step(params, state, HYPER, gradients(g1));
    // M = 0.05·G₁ = [[0.15, 0, 0], [0, 0.2, 0]]
    expect(Array.from(state.M.subarray(0, 6))).toEqual([0.15, 0, 0, 0, 0.2, 0].map(Math.fround));
    // U = 0.05·G₁ + 0.95·M = 0.0975·G₁ = [[0.2925, 0, 0], [0, 0.39, 0]];  ‖U‖_F = 0.4875
    // X₀ = U/(0.4875 + 1e-7) = [[0.59999988, 0, 0], [0, 0.79999984, 0]]   (r = 2 ≤ c = 3: not transposed)
    // p(0.6) = 2.0667 − 1.0314 + 0.15796944 = 1.19326944; the five iterates of σ₁ from 0.6:
    //   1.1932694, 0.9119177, 0.8011377, 0.9747024, 0.7228762    (from 0.59999988: 0.7228758)
    // and of σ₂ from 0.8: 0.9764819, 0.7211176, 1.0894568, 0.6960447, 1.1192039  (from 0.79999984: 1.1192037)
    // scale √max(1, 2/3) = 1;  W₁ ← W₁ − 0.02·X₅
    //   W₁[0,0] = 0.1 − 0.02·0.7228758 = 0.08554248;  W₁[1,1] = 0.5 − 0.02·1.1192037 = 0.47761593; the rest unchanged
    expect(params[0]).toBeCloseTo(0.08554248, 6);
    expect(params[4]).toBeCloseTo(0.47761593, 6);
    for (const i of [1, 2, 3, 5]) expect(params[i]).toBe(Math.fround(start[i]));
    // AdamW, t = 1: m = 0.1·g, v = 0.05·g², m̂ = g, v̂ = g², so the step is η_A·g/(|g| + 1e-10) = 0.001·sign(g)
    //   b₁ = (0.7 − 0.001, 0.8 + 0.001), W₂ = (0.9 − 0.001, 1.0 + 0.001), b₂ = 1.1 − 0.001
    const expected = [0.699, 0.801, 0.899, 1.001, 1.099];
    for (let i = 0; i < 5; i++) expect(params[6 + i]).toBeCloseTo(expected[i], 6);
    // AdamW's entries keep no Muon momentum, Muon's no AdamW moments.
    expect(Array.from(state.M.subarray(6))).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(state.m.subarray(0, 6))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(state.t).toBe(1);
  });

  it('second step', () => {
    const { layout, params } = tiny({ r: 2, c: 3 });
    params.set(start);
    const state = muon.init(params, layout);
    const oracle = gradients(g1, g2);
    muon.step(params, state, HYPER, oracle);
    muon.step(params, state, HYPER, oracle);
    // M₂ = 0.95·[[0.15, ·], [·, 0.2]] + 0.05·G₂ = [[0.1925, 0, 0], [0, 0.09, 0]]
    expect(state.M[0]).toBeCloseTo(0.1925, 7);
    expect(state.M[4]).toBeCloseTo(0.09, 7);
    // U = 0.05·G₂ + 0.95·M₂ = [[0.232875, 0, 0], [0, −0.0145, 0]];  ‖U‖_F = 0.23332599
    // X₀ = (0.99806672, −0.06214479) on the diagonal; five iterates (p is odd, so the sign stays):
    //   σ₁: 0.7024200, 1.1119924, 0.7186196, 1.0925822, 0.6984982
    //   σ₂: −0.2129136, −0.6881822, −1.1277478, −0.7415639, −1.0626534
    // W₁[0,0] = 0.08554248 − 0.02·0.6984982 = 0.07157252;  W₁[1,1] = 0.47761593 + 0.02·1.0626534 = 0.49886899
    expect(params[0]).toBeCloseTo(0.07157252, 6);
    expect(params[4]).toBeCloseTo(0.49886899, 6);
    // AdamW on b₁[0], g = 2 then −1: m = 0.9·0.2 − 0.1 = 0.08, v = 0.95·0.2 + 0.05 = 0.24;
    //   m̂ = 0.08/0.19 = 0.42105263, v̂ = 0.24/0.0975 = 2.46153846, step = 0.001·0.42105263/1.56892908 = 0.000268369
    //   b₁[0] = 0.699 − 0.000268369 = 0.69873163
    expect(params[6]).toBeCloseTo(0.69873163, 6);
    // The others see the same gradient twice: m̂ = g, v̂ = g² again, another 0.001·sign(g)
    const expected = [0.802, 0.898, 1.002, 1.098];
    for (let i = 0; i < 4; i++) expect(params[7 + i]).toBeCloseTo(expected[i], 6);
    expect(state.t).toBe(2);
  });

  it('transposes a matrix with more outputs than inputs, and scales its step by √(r/c)', () => {
    // W₁ 3×2 (r = 3 > c = 2), G = [[3, 0], [0, 4], [0, 0]] = G₁ᵀ of the 2×3 case: X = X₅ᵀ of it, scale √(3/2) = 1.22474487
    //   W₁[0,0] = 0.1 − 0.02·1.22474487·0.7228758 = 0.08229323;  W₁[1,1] = 0.4 − 0.02·1.22474487·1.1192037 = 0.37258522
    const { layout, params } = tiny({ r: 3, c: 2 });
    params.set([0.1, 0.2, 0.3, 0.4, 0.5, 0.6]);
    const state = muon.init(params, layout);
    muon.step(params, state, HYPER, gradients([3, 0, 0, 4, 0, 0, 1, 1, 1, 1, 1, 1, 1]));
    expect(params[0]).toBeCloseTo(0.08229323, 6);
    expect(params[3]).toBeCloseTo(0.37258522, 6);
    for (const i of [1, 2, 4, 5]) expect(params[i]).toBe(Math.fround([0.1, 0.2, 0.3, 0.4, 0.5, 0.6][i]));
  });

  it('AdamW decays its entries first (decoupled weight decay λ)', () => {
    // λ = 0.5, η_A = 0.001: b₁[0] = 0.7·(1 − 0.0005) − 0.001 = 0.69865
    const { layout, params } = tiny({ r: 2, c: 3 });
    params.set(start);
    const state = muon.init(params, layout);
    muon.step(params, state, { ...HYPER, adamWd: 0.5 }, gradients(g1));
    expect(params[6]).toBeCloseTo(0.69865, 6);
    // The Muon matrix has no decay: the same as without λ.
    expect(params[0]).toBeCloseTo(0.08554248, 6);
  });

  it('the step of a matrix does not depend on the scale of its gradient (normalised, then orthogonalised)', () => {
    const at = (scale: number) => {
      const { layout, params } = tiny({ r: 2, c: 3 });
      params.set(start);
      const state = muon.init(params, layout);
      muon.step(params, state, HYPER, gradients(g1.map((v, i) => (i < 6 ? v * scale : v))));
      return Array.from(params.subarray(0, 6));
    };
    const base = at(1);
    for (const [i, v] of at(1000).entries()) expect(v).toBeCloseTo(base[i], 5);
  });
});

describe('Muon in the registry', () => {
  it('is offered on the MNIST tab, in the "more" group, and not among the surfaces\' optimizers', () => {
    expect(MNIST_OPTIMIZERS.map((o) => o.id)).toContain('muon');
    expect(OPTIMIZERS.map((o) => o.id)).not.toContain('muon');
    expect(getOptimizer('muon')).toBe(muon);
    expect(muon.group).toBe('more');
    expect(HYPER).toEqual({ lr: 0.02, beta: 0.95, adamLr: 0.001, adamBeta1: 0.9, adamBeta2: 0.95, adamEps: 1e-10, adamWd: 0 });
    expect(NS_COEFFICIENTS).toEqual([3.4445, -4.775, 2.0315]);
  });

  it('refuses to start without the network\'s layout, i.e. on a surface (a 2-vector has no matrix)', () => {
    expect(() => muon.init(new Float32Array(2))).toThrow(MUON_SURFACE_REFUSAL);
    const bowl = getSurface('bowl')!;
    expect(() => run({ objective: surfaceObjective(bowl), optimizer: muon, hyper: HYPER, start: bowl.start, steps: 3, target: bowl.target })).toThrow(
      'muon updates weight matrices; it runs on the MNIST tab only',
    );
  });

  it('keeps every buffer it steps with in its state (nothing allocated per step)', () => {
    const { layout, params } = tiny({ r: 2, c: 3 });
    const state: MuonState = muon.init(params, layout);
    expect(state.X.length).toBe(6);
    expect(state.A.length).toBe(4);
    expect(Array.from(state.adamRanges)).toEqual([6, 11]);
    expect(Array.from(state.matrices)).toEqual([0, 2, 3]);
  });
});

describe('Muon\'s formula', () => {
  it('renders with KaTeX in strict mode, as every hyperparameter symbol does', async () => {
    const katex = (await import('katex')).default;
    expect(katex.renderToString(muon.formula, { displayMode: true, throwOnError: true, strict: 'error' })).toContain('katex');
    for (const h of muon.hyper) expect(() => katex.renderToString(h.tex, { throwOnError: true, strict: 'error' })).not.toThrow();
  });
});

/**
 * Golden first and second steps, worked by hand, for the 'more' group, in the style of golden.test.ts:
 * f(θ) = θ₀² + θ₁², ∇f = 2θ, from θ = (1, −2); step 1 sees g = (2, −4). The arithmetic is in the comments
 * (rounded to the digits shown; the asserted numbers carry the full hand computation), asserted to 12
 * significant digits unless a comment says otherwise. RAdam also gets a step on its rectified branch
 * (t = 6 with β₂ = 0.999) on a linear f, whose constant gradient keeps the arithmetic short. Then the
 * optax-style table: every optimizer, classic or not, reaches the minimum of a parabola within a
 * per-optimizer tolerance.
 */
import { describe, expect, it } from 'vitest';
import type { GradientOracle } from '../../src/math/objective.ts';
import type { Optimizer, OptimizerState } from '../../src/optim/types.ts';
import { OPTIMIZERS, resolveHyper } from '../../src/optim/index.ts';
import { adamw } from '../../src/optim/adamw.ts';
import { nadam } from '../../src/optim/nadam.ts';
import { amsgrad } from '../../src/optim/amsgrad.ts';
import { radam } from '../../src/optim/radam.ts';
import { adabelief } from '../../src/optim/adabelief.ts';
import { lion } from '../../src/optim/lion.ts';
import { sfsgd } from '../../src/optim/sfsgd.ts';

const sphere: GradientOracle = (p, g) => {
  g[0] = 2 * p[0];
  g[1] = 2 * p[1];
  return p[0] * p[0] + p[1] * p[1];
};

/** f = 2θ₀ − 4θ₁: the gradient is (2, −4) everywhere. */
const linear: GradientOracle = (p, g) => {
  g[0] = 2;
  g[1] = -4;
  return 2 * p[0] - 4 * p[1];
};

/** Runs `n` steps from `start`; returns the iterates after each step and the losses each step returned. */
function steps<S extends OptimizerState>(opt: Optimizer<S>, hyper: Record<string, number>, n: number, oracle = sphere, start = [1, -2]) {
  const p = Float64Array.from(start);
  const state = opt.init(p);
  const points: number[][] = [];
  const losses: number[] = [];
  for (let k = 0; k < n; k++) {
    losses.push(opt.step(p, state, hyper, oracle));
    points.push([p[0], p[1]]);
  }
  return { points, losses, state };
}

function expectPoint(actual: ArrayLike<number>, expected: [number, number], digits = 12) {
  expect(actual[0]).toBeCloseTo(expected[0], digits);
  expect(actual[1]).toBeCloseTo(expected[1], digits);
}

describe('golden first and second steps on f = x² + y² from (1, −2)', () => {
  it('AdamW lr 0.1, β₁ 0.9, β₂ 0.999, ε 1e-8, λ 0.1', () => {
    // t = 1: g = (2, −4) at θ before the decay; decay: θ·(1 − 0.1·0.1) = (0.99, −1.98)
    //   m = (0.2, −0.4), v = (0.004, 0.016); m̂ = (2, −4), v̂ = (4, 16)
    //   step = 0.1·(2/(2 + 1e-8), −4/(4 + 1e-8)) = (0.0999999995, −0.09999999975)
    //   θ₁ = (0.99 − 0.0999999995, −1.98 + 0.09999999975) = (0.8900000005, −1.88000000025)
    // t = 2: g = 2θ₁ = (1.780000001, −3.7600000005); decay: 0.99·θ₁ = (0.881100000495, −1.861200000248)
    //   m = 0.9·(0.2, −0.4) + 0.1·g = (0.3580000001, −0.73600000005)
    //   v = 0.999·(0.004, 0.016) + 0.001·g² = (0.003996 + 0.0031684, 0.015984 + 0.0141376) = (0.0071644, 0.0301216)
    //   m̂ = m/0.19 = (1.884210527, −3.873684211); v̂ = v/0.001999 = (3.583992, 15.068334); √v̂ = (1.893143, 3.881795)
    //   step = 0.1·m̂/(√v̂ + ε) = (0.0995286446, −0.0997910496)
    //   θ₂ = (0.881100000495 − 0.0995286446, −1.861200000248 + 0.0997910496) = (0.781571856, −1.761408951)
    const { points, state } = steps(adamw, { lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8, wd: 0.1 }, 2);
    expectPoint(points[0], [0.8900000005, -1.88000000025]);
    expectPoint(points[1], [0.7815718559365048, -1.7614089505845592], 11);
    expectPoint(state.m, [0.3580000001, -0.73600000005], 11);
  });

  it('AdamW decays after taking the gradient: g is the gradient at θ before θ·(1 − ηλ)', () => {
    // With β₁ = β₂ = 0 the Adam part is ±η per coordinate: θ₁ = θ·(1 − ηλ) − η·sign(g(θ)).
    // At θ = (1, −2), η = 0.5, λ = 1: (0.5, −1) − 0.5·(1, −1) = (0, −0.5) (up to ε/|g| = 5e-9).
    const { points } = steps(adamw, { lr: 0.5, beta1: 0, beta2: 0, eps: 1e-8, wd: 1 }, 1);
    expectPoint(points[0], [0, -0.5], 8);
  });

  it('NAdam lr 0.1, β₁ 0.9, β₂ 0.999, ε 1e-8, ψ 0.004', () => {
    // 0.96^ψ = exp(0.004·ln 0.96) = exp(−0.000163289) = 0.999836724
    // μ₁ = 0.9·(1 − ½·0.999836724) = 0.450073474; μ₂ = 0.9·(1 − ½·0.999836724²) = 0.450146935; P₁ = μ₁
    // t = 1: m = (0.2, −0.4), v = (0.004, 0.016); d = √(v/0.001) + ε = (2 + 1e-8, 4 + 1e-8)
    //   θ₁ = θ − 0.1·(1 − μ₁)/(1 − μ₁)·g/d − 0.1·μ₂/(1 − μ₁μ₂)·m/d
    //      = θ − 0.1·(1, −1)·(1 − 5e-9-ish) − 0.1·(0.450146935/0.797400805)·(0.1, −0.1)
    //      = θ − (0.0999999995, −0.09999999975) − (0.00564517730, −0.00564517731)
    //      = (0.894354823, −1.894354822)
    // t = 2: μ₃ = 0.9·(1 − ½·0.999836724³) = 0.450220385; P₂ = μ₁μ₂ = 0.202599195
    //   g = 2θ₁ = (1.788709645, −3.788709645); m = (0.358870965, −0.738870964)
    //   v = (0.003996 + 0.001·3.199482, 0.015984 + 0.001·14.354321) = (0.007195482, 0.030338321)
    //   d = √(v/0.001999) + ε = (1.897245610, 3.895734698)
    //   θ₂ = θ₁ − 0.1·(0.549853065/0.797400805)·g/d − 0.1·(0.450220385/(1 − 0.202599195·0.450220385))·m/d
    //      = θ₁ − 0.1·0.689556·g/d − 0.1·0.495366·m/d = (0.819973071, −1.817897531)
    const { points, state } = steps(nadam, { lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8, psi: 0.004 }, 2);
    expectPoint(points[0], [0.8943548226926871, -1.894354822428574]);
    expectPoint(points[1], [0.8199730706329195, -1.8178975308053855], 11);
    // 0.96^(2ψ) and P₂ = μ₁·μ₂ kept as running products
    expect(state.muDecayPower).toBe(0.96 ** 0.004 * 0.96 ** 0.004);
    expect(state.muProduct).toBeCloseTo(0.45007347359129607 * 0.4501469351862175, 15);
  });

  it('AMSGrad lr 0.1, β₁ 0.9, β₂ 0.999, ε 1e-8: as Adam while v grows', () => {
    // t = 1: m = (0.2, −0.4), v = v_max = (0.004, 0.016); θ₁ = θ − 0.1/0.1·m/(√v_max/√0.001 + ε)
    //   = θ − (0.2/(2 + 1e-8), −0.4/(4 + 1e-8)) = (0.9000000005, −1.90000000025), Adam's first step
    // t = 2: g = (1.800000001, −3.8000000005); m = (0.3600000001, −0.74000000005)
    //   v = (0.003996 + 0.00324, 0.015984 + 0.01444) = (0.007236, 0.030424) > v_max, so v_max = v
    //   θ₂ = θ₁ − 0.1/0.19·m/(√v_max/√0.001999 + ε) = θ₁ − 0.526315789·(0.3600000001/1.902580795, −0.74000000005/3.901231841)
    //      = (0.9000000005 − 0.0995878718, −1.90000000025 + 0.0998335141) = (0.800412229, −1.800166486)
    const { points, state } = steps(amsgrad, { lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8 }, 2);
    expectPoint(points[0], [0.9000000005, -1.90000000025]);
    expectPoint(points[1], [0.8004122286917927, -1.800166486115701], 11);
    expectPoint(state.vMax, [0.007236000003600007, 0.03042400000380003], 14);
  });

  it('AMSGrad keeps the largest v: after a spike the step stays small', () => {
    // β₁ = 0, β₂ = 0.5, lr 1, ε 0, in 1-D: g = 4, then 1.
    // t = 1: v = 0.5·16 = 8, v_max = 8; step = 1/(1 − 0)·4/(√8/√0.5) = 4/4 = 1
    // t = 2: v = 0.5·8 + 0.5·1 = 4.5 < v_max = 8; step = 1/(√8/√0.75) = 1/3.265986 = 0.306186
    //   (Adam would divide by √4.5/√0.75 = 2.449490 and step 0.408248)
    const gs = [4, 1];
    let k = 0;
    const spike: GradientOracle = (_p, g) => {
      g[0] = gs[k++];
      return 0;
    };
    const p = Float64Array.of(0);
    const state = amsgrad.init(p);
    amsgrad.step(p, state, { lr: 1, beta1: 0, beta2: 0.5, eps: 0 }, spike);
    expect(p[0]).toBeCloseTo(-1, 14);
    amsgrad.step(p, state, { lr: 1, beta1: 0, beta2: 0.5, eps: 0 }, spike);
    expect(p[0]).toBeCloseTo(-1 - 1 / Math.sqrt(8 / 0.75), 14);
    expect(state.vMax[0]).toBe(8);
    expect(state.v[0]).toBe(4.5);
  });

  it('RAdam lr 0.1, β₁ 0.9, β₂ 0.999, ε 1e-8: the first steps are momentum steps (ρₜ ≤ 5)', () => {
    // ρ∞ = 2/0.001 − 1 = 1999
    // t = 1: ρ₁ = 1999 − 2·0.999/0.001 = 1999 − 1998 = 1 ≤ 5: θ₁ = θ − 0.1·m̂ = θ − 0.1·g = (0.8, −1.6)
    // t = 2: ρ₂ = 1999 − 4·0.998001/0.001999 = 1999 − 1997.0005 = 1.9995 ≤ 5
    //   g = (1.6, −3.2); m = 0.9·(0.2, −0.4) + 0.1·g = (0.34, −0.68); m̂ = m/0.19 = (1.789473684, −3.578947368)
    //   θ₂ = (0.8 − 0.1789473684, −1.6 + 0.3578947368) = (0.6210526316, −1.2421052632)
    const { points } = steps(radam, { lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8 }, 2);
    expectPoint(points[0], [0.8, -1.6]);
    expectPoint(points[1], [0.6210526315789474, -1.2421052631578948]);
  });

  it('RAdam on its rectified branch: t = 6 with β₂ = 0.999 (ρ₆ ≈ 5.994 > 5), constant gradient', () => {
    // f = 2θ₀ − 4θ₁, g = (2, −4) at every step, lr 0.1, from (1, −2).
    // m = (1 − 0.9ᵗ)·g, so m̂ = g, and v = (1 − 0.999ᵗ)·g², so √v = √(1 − 0.999ᵗ)·|g|.
    // t = 1…5: ρₜ = 1, 1.9995, 2.9987, 3.9975, 4.9960, all ≤ 5: θ ← θ − 0.1·g, five times:
    //   θ₅ = (1 − 5·0.2, −2 + 5·0.4) = (0, 0)
    // t = 6: 0.999⁶ = 0.994014980; 1 − 0.999⁶ = 0.005985020
    //   ρ₆ = 1999 − 12·0.994014980/0.005985020 = 1999 − 1993.005836 = 5.994164 > 5
    //   r = √((ρ₆ − 4)(ρ₆ − 2)·ρ∞ / ((ρ∞ − 4)(ρ∞ − 2)·ρ₆)) = √(1.994164·3.994164·1999 / (1995·1997·5.994164))
    //     = √(15922.05 / 23880838.6) = √0.000666730 = 0.025821113
    //   step = 0.1·m̂·r·√(1 − 0.999⁶)/(√v + ε) = 0.1·r·g·0.077362910/(0.077362910·|g| + 1e-8)
    //        = 0.1·0.025821113·(1 − 1e-8/(0.077362910·|g|))·sign(g)
    //        = (0.0025821111133, −0.0025821111967)   (ε/(0.1547·) = 6.5e-8, ε/(0.3095·) = 3.2e-8)
    //   θ₆ = (−0.0025821111133, 0.0025821111967)
    // t = 7: ρ₇ = 6.991996, r = 0.032738814: θ₇ = θ₆ − 0.1·0.032738814·(1, −1) = (−0.0058559924, 0.0058559925)
    const { points } = steps(radam, { lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8 }, 7, linear);
    expectPoint(points[4], [0, 0], 14);
    expectPoint(points[5], [-0.0025821111133028435, 0.0025821111967443467], 11);
    expectPoint(points[6], [-0.005855992358353759, 0.005855992539767997], 10);
  });

  it('AdaBelief lr 0.1, β₁ 0.9, β₂ 0.999, ε 1e-16', () => {
    // t = 1: m = (0.2, −0.4); g − m = (1.8, −3.6); s = 0.001·(3.24, 12.96) + 1e-16 = (0.00324, 0.01296)
    //   √s/√0.001 = (1.8, 3.6); θ₁ = θ − 0.1/0.1·(0.2/1.8, −0.4/3.6) = (1 − 1/9, −2 + 1/9) = (0.888888889, −1.888888889)
    //   (the first step is η/β₁ per coordinate: g − m = β₁·g, so √ŝ = β₁·|g|)
    // t = 2: g = (1.777777778, −3.777777778); m = (0.18 + 0.177777778, −0.36 − 0.377777778) = (0.357777778, −0.737777778)
    //   g − m = (1.42, −3.04); s = 0.999·(0.00324, 0.01296) + 0.001·(2.0164, 9.2416) = (0.00525316, 0.02218864)
    //   √s/√0.001999 = (0.072478686/0.044710178, 0.148958518/0.044710178) = (1.621078, 3.331646)
    //   θ₂ = θ₁ − 0.1/0.19·(0.357777778/1.621078, −0.737777778/3.331646) = (0.888888889 − 0.116159797, −1.888888889 + 0.116550200)
    //      = (0.772729092, −1.772338689)
    const { points, state } = steps(adabelief, { lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-16 }, 2);
    expectPoint(points[0], [8 / 9, -2 + 1 / 9]);
    expectPoint(points[1], [0.7727290919868357, -1.7723386886394399], 11);
    // ε is stored in s: 0.00525316 + 1e-16·(1 + 0.999) to the precision of a double near 0.005
    expectPoint(state.s, [0.00525316, 0.02218864], 15);
  });

  it('Lion lr 0.1, β₁ 0.9, β₂ 0.99, λ 0', () => {
    // t = 1: c = 0.9·0 + 0.1·(2, −4) = (0.2, −0.4); θ₁ = θ − 0.1·sign(c) = (0.9, −1.9); m = 0.01·(2, −4) = (0.02, −0.04)
    // t = 2: g = (1.8, −3.8); c = 0.9·(0.02, −0.04) + 0.1·g = (0.198, −0.416); θ₂ = (0.8, −1.8)
    //   m = 0.99·(0.02, −0.04) + 0.01·g = (0.0378, −0.0776)
    const { points, state } = steps(lion, { lr: 0.1, beta1: 0.9, beta2: 0.99, wd: 0 }, 2);
    expectPoint(points[0], [0.9, -1.9]);
    expectPoint(points[1], [0.8, -1.8]);
    expectPoint(state.m, [0.0378, -0.0776], 15);
  });

  it('Lion with decoupled decay λ 0.5: θ ← θ·(1 − ηλ) − η·sign(c)', () => {
    // t = 1: θ·0.95 = (0.95, −1.9); − 0.1·(1, −1) → (0.85, −1.8)
    // t = 2: g = (1.7, −3.6); c = 0.9·(0.02, −0.04) + 0.1·g = (0.188, −0.396)
    //   θ₂ = (0.85·0.95 − 0.1, −1.8·0.95 + 0.1) = (0.7075, −1.61)
    const { points } = steps(lion, { lr: 0.1, beta1: 0.9, beta2: 0.99, wd: 0.5 }, 2);
    expectPoint(points[0], [0.85, -1.8]);
    expectPoint(points[1], [0.7075, -1.61]);
  });

  it('Lion: sign(0) = 0, so a coordinate with c = 0 stays put', () => {
    // From (0, −2): g = (0, −4), c = (0, −0.4): θ₁ = (0 − 0.1·0, −2 + 0.1) = (0, −1.9)
    const { points } = steps(lion, { lr: 0.1, beta1: 0.9, beta2: 0.99, wd: 0 }, 1, sphere, [0, -2]);
    expect(points[0]).toEqual([0, -1.9]);
  });

  it('Schedule-Free SGD lr 0.1, β 0.9: x is reported, g is taken at y', () => {
    // Start: z = x = y = (1, −2).
    // t = 1: g = ∇f(y) = (2, −4); z₁ = (1, −2) − 0.1·(2, −4) = (0.8, −1.6)
    //   x₁ = (1 − 1/1)·x + (1/1)·z₁ = (0.8, −1.6); y₁ = 0.9·x₁ + 0.1·z₁ = (0.8, −1.6)   (the first step is SGD's)
    // t = 2: g = ∇f(y₁) = (1.6, −3.2); z₂ = (0.8 − 0.16, −1.6 + 0.32) = (0.64, −1.28)
    //   x₂ = ½·(0.8, −1.6) + ½·(0.64, −1.28) = (0.72, −1.44)
    //   y₂ = 0.9·(0.72, −1.44) + 0.1·(0.64, −1.28) = (0.648 + 0.064, −1.296 − 0.128) = (0.712, −1.424)
    // Losses reported are at y: f(1, −2) = 5, f(0.8, −1.6) = 3.2.
    const { points, losses, state } = steps(sfsgd, { lr: 0.1, beta: 0.9 }, 2);
    expectPoint(points[0], [0.8, -1.6]);
    expectPoint(points[1], [0.72, -1.44]);
    expectPoint(state.z, [0.64, -1.28]);
    expectPoint(state.y, [0.712, -1.424]);
    expect(losses[0]).toBe(5);
    expect(losses[1]).toBeCloseTo(3.2, 12);
  });

  it('Schedule-Free SGD starts with z = x = y = the start point (not zero)', () => {
    const p = Float64Array.of(3, -4);
    const state = sfsgd.init(p);
    expect(Array.from(state.y)).toEqual([3, -4]);
    expect(Array.from(state.z)).toEqual([3, -4]);
    expect(state.y).not.toBe(p);
    expect(state.z).not.toBe(p);
  });
});

describe('every optimizer reaches the minimum of a parabola (optax-style table)', () => {
  // f = (x − 1)² + (y + 2)² from (−1, 2), minimum at (1, −2). Rates are chosen per rule (the registry's
  // defaults suit other scales); steps 2,000 unless said; tolerance on |θ − θ*| per coordinate.
  const minimum = [1, -2];
  const parabola: GradientOracle = (p, g) => {
    let f = 0;
    for (let i = 0; i < 2; i++) {
      const d = p[i] - minimum[i];
      g[i] = 2 * d;
      f += d * d;
    }
    return f;
  };
  const table: Record<string, { hyper: Record<string, number>; steps?: number; tolerance: number }> = {
    sgd: { hyper: { lr: 0.1 }, tolerance: 1e-9 },
    momentum: { hyper: { lr: 0.05 }, tolerance: 1e-9 },
    nag: { hyper: { lr: 0.05 }, tolerance: 1e-9 },
    adagrad: { hyper: { lr: 0.5 }, tolerance: 1e-9 },
    adadelta: { hyper: {}, tolerance: 1e-9 },
    rmsprop: { hyper: { lr: 0.01 }, tolerance: 1e-9 },
    adam: { hyper: { lr: 0.05 }, tolerance: 1e-9 },
    // Decoupled decay pulls θ toward 0 against a step that shrinks with √v̂, which forgets the large early
    // gradients only over ~1/(1 − β₂) = 1,000 steps: the bias is about λ·|θ*|·√v̂/2, 1e-3 after 5,000.
    adamw: { hyper: { lr: 0.05 }, steps: 5000, tolerance: 2e-3 },
    nadam: { hyper: { lr: 0.05 }, tolerance: 1e-9 },
    amsgrad: { hyper: { lr: 0.05 }, tolerance: 1e-9 },
    radam: { hyper: { lr: 0.05 }, tolerance: 1e-9 },
    adabelief: { hyper: { lr: 0.05 }, tolerance: 1e-9 },
    // Every coordinate moves by exactly η each update: it settles only to within its step.
    lion: { hyper: { lr: 0.01 }, tolerance: 0.01 * (1 + 1e-9) },
    // x is the mean of all z's, the start included with weight 1/t: it converges, but at 1/t.
    sfsgd: { hyper: { lr: 0.1 }, tolerance: 1e-9 },
  };

  it('covers the whole registry', () => {
    expect(Object.keys(table).sort()).toEqual(OPTIMIZERS.map((o) => o.id).sort());
  });

  it.each(OPTIMIZERS.map((o) => [o.id, o] as const))('%s', (id, opt) => {
    const { hyper, steps: n = 2000, tolerance } = table[id];
    const p = Float64Array.of(-1, 2);
    const state = opt.init(p);
    const h = resolveHyper(opt, hyper);
    let worstTail = 0;
    for (let k = 0; k < n; k++) {
      opt.step(p, state, h, parabola);
      if (k >= n - 100) worstTail = Math.max(worstTail, Math.abs(p[0] - minimum[0]), Math.abs(p[1] - minimum[1]));
    }
    // Within the tolerance over the last 100 updates, not just at the last one.
    expect(worstTail).toBeLessThanOrEqual(tolerance);
    if (id === 'lion') expect(worstTail).toBeGreaterThan(0.005); // it does keep stepping by η
  });
});

/**
 * Golden first steps, worked by hand, for every optimizer on f(θ) = θ₀² + θ₁², ∇f = 2θ, from θ = (1, −2).
 * Step 1 sees g = (2, −4); step 2 sees 2·θ₁. The arithmetic is in the comments; numbers are asserted to
 * 12 significant digits unless a comment says otherwise.
 */
import { describe, expect, it } from 'vitest';
import type { GradientOracle } from '../../src/math/objective.ts';
import type { Optimizer, OptimizerState } from '../../src/optim/types.ts';
import { sgd } from '../../src/optim/sgd.ts';
import { momentum } from '../../src/optim/momentum.ts';
import { nag } from '../../src/optim/nag.ts';
import { adagrad } from '../../src/optim/adagrad.ts';
import { adadelta } from '../../src/optim/adadelta.ts';
import { rmsprop } from '../../src/optim/rmsprop.ts';
import { adam } from '../../src/optim/adam.ts';

const sphere: GradientOracle = (p, g) => {
  g[0] = 2 * p[0];
  g[1] = 2 * p[1];
  return p[0] * p[0] + p[1] * p[1];
};

/** Runs `n` steps from (1, −2); returns the iterates after each step and the losses each step returned. */
function steps<S extends OptimizerState>(opt: Optimizer<S>, hyper: Record<string, number>, n: number) {
  const p = Float64Array.of(1, -2);
  const state = opt.init(p);
  const points: number[][] = [];
  const losses: number[] = [];
  for (let k = 0; k < n; k++) {
    losses.push(opt.step(p, state, hyper, sphere));
    points.push([p[0], p[1]]);
  }
  return { points, losses, state };
}

function expectPoint(actual: number[], expected: [number, number], digits = 12) {
  expect(actual[0]).toBeCloseTo(expected[0], digits);
  expect(actual[1]).toBeCloseTo(expected[1], digits);
}

describe('golden first steps on f = x² + y² from (1, −2)', () => {
  it('SGD lr 0.1', () => {
    // θ₁ = (1, −2) − 0.1·(2, −4) = (0.8, −1.6); θ₂ = (0.8, −1.6) − 0.1·(1.6, −3.2) = (0.64, −1.28)
    const { points, losses } = steps(sgd, { lr: 0.1 }, 2);
    expectPoint(points[0], [0.8, -1.6]);
    expectPoint(points[1], [0.64, -1.28]);
    // Loss reported is f at the point where the gradient was taken: f(1, −2) = 5, f(0.8, −1.6) = 3.2.
    expect(losses).toEqual([5, expect.closeTo(3.2, 12)]);
  });

  it('Momentum lr 0.1, β 0.9, d 0 (heavy ball)', () => {
    // v₁ = (2, −4); θ₁ = (0.8, −1.6)
    // g₂ = (1.6, −3.2); v₂ = 0.9·(2, −4) + (1.6, −3.2) = (3.4, −6.8); θ₂ = (0.8 − 0.34, −1.6 + 0.68) = (0.46, −0.92)
    const { points, state } = steps(momentum, { lr: 0.1, beta: 0.9, dampening: 0 }, 2);
    expectPoint(points[0], [0.8, -1.6]);
    expectPoint(points[1], [0.46, -0.92]);
    expectPoint([state.v[0], state.v[1]], [3.4, -6.8]);
    expect(state.t).toBe(2);
  });

  it('Momentum with dampening d = 0.5', () => {
    // v₁ = (1 − 0.5)·(2, −4) = (1, −2); θ₁ = (1 − 0.1, −2 + 0.2) = (0.9, −1.8)
    // g₂ = (1.8, −3.6); v₂ = 0.9·(1, −2) + 0.5·(1.8, −3.6) = (1.8, −3.6); θ₂ = (0.72, −1.44)
    const { points } = steps(momentum, { lr: 0.1, beta: 0.9, dampening: 0.5 }, 2);
    expectPoint(points[0], [0.9, -1.8]);
    expectPoint(points[1], [0.72, -1.44]);
  });

  it('NAG lr 0.1, β 0.9 (look-ahead form)', () => {
    // Step 1: v = 0 so the look-ahead is θ itself: g = (2, −4), v₁ = (2, −4), θ₁ = (0.8, −1.6).
    // Step 2: look-ahead θ₁ − 0.1·0.9·v₁ = (0.8 − 0.18, −1.6 + 0.36) = (0.62, −1.24); g = (1.24, −2.48)
    //   v₂ = 0.9·(2, −4) + (1.24, −2.48) = (3.04, −6.08); θ₂ = (0.8 − 0.304, −1.6 + 0.608) = (0.496, −0.992)
    //   reported loss = f(0.62, −1.24) = 0.3844 + 1.5376 = 1.922
    const { points, losses } = steps(nag, { lr: 0.1, beta: 0.9 }, 2);
    expectPoint(points[0], [0.8, -1.6]);
    expectPoint(points[1], [0.496, -0.992]);
    expect(losses[1]).toBeCloseTo(1.922, 12);
  });

  it('AdaGrad lr 0.1, ε 1e-8', () => {
    // r₁ = (4, 16); θ₁ = (1 − 0.1·2/(2 + 1e-8), −2 + 0.1·4/(4 + 1e-8)) = (0.9000000005, −1.90000000025)
    // g₂ = (1.8, −3.8); r₂ = (4 + 3.24, 16 + 14.44) = (7.24, 30.44)
    // θ₂ = (0.9 − 0.18/√7.24, −1.9 + 0.38/√30.44) = (0.9 − 0.18/2.690725, −1.9 + 0.38/5.517246)
    //    = (0.833103527566, −1.831125054179)
    const { points } = steps(adagrad, { lr: 0.1, eps: 1e-8 }, 2);
    expectPoint(points[0], [0.9000000005, -1.90000000025]);
    expectPoint(points[1], [0.8331035275658407, -1.8311250541786028]);
  });

  it('AdaDelta ρ 0.9, ε 1e-6 (no learning rate)', () => {
    // s₁ = 0.1·(4, 16) = (0.4, 1.6); Δ₁ = g·√(0 + 1e-6)/√(s₁ + 1e-6) = (2·0.001/0.6324563, −4·0.001/1.2649115)
    //    = (0.00316227371, −0.00316227667); θ₁ = (0.99683772629, −1.99683772333)
    // u₁ = 0.1·Δ₁² = (9.99997500e-7, 9.99999375e-7)
    // g₂ = 2θ₁ = (1.99367545, −3.99367545); s₂ = 0.9·s₁ + 0.1·g₂² = (0.75747418, 3.03494436)
    // Δ₂ = g₂·√(u₁ + 1e-6)/√(s₂ + 1e-6) = (0.00323955221, −0.00324199440); θ₂ = θ₁ − Δ₂
    const { points, state } = steps(adadelta, { rho: 0.9, eps: 1e-6 }, 2);
    expectPoint(points[0], [0.9968377262926713, -1.996837723328043]);
    expectPoint(points[1], [0.9935981740783056, -1.993595728929903]);
    expect(state.u[0]).toBeCloseTo(1.949467604965763e-6, 15);
  });

  it('RMSprop lr 0.01, ρ 0.9, ε 1e-8', () => {
    // s₁ = (0.4, 1.6); θ₁ = (1 − 0.01·2/√0.4, −2 + 0.01·4/√1.6) = (1 − 0.0316227766, −2 + 0.0316227766)
    //   (the first step is lr/√(1 − ρ) = 0.0316 per coordinate whatever g is)
    // g₂ = (1.93675445, −3.93675445); s₂ = 0.9·(0.4, 1.6) + 0.1·g₂² = (0.73510178, 2.98980356)
    // θ₂ = θ₁ − 0.01·g₂/√s₂ = (0.945788025488, −1.945609637052)
    const { points } = steps(rmsprop, { lr: 0.01, rho: 0.9, eps: 1e-8 }, 2);
    expectPoint(points[0], [0.9683772238983162, -1.9683772236483161]);
    expectPoint(points[1], [0.9457880254881013, -1.9456096370520823]);
  });

  it('Adam lr 0.1, β₁ 0.9, β₂ 0.999, ε 1e-8', () => {
    // t = 1: m = 0.1·(2, −4) = (0.2, −0.4), v = 0.001·(4, 16) = (0.004, 0.016);
    //   m̂ = m/0.1 = (2, −4), v̂ = v/0.001 = (4, 16); θ₁ = θ − 0.1·(2/(2 + 1e-8), −4/(4 + 1e-8))
    //   = (0.9000000005, −1.90000000025): a step of lr in each coordinate
    // t = 2: g = (1.8, −3.8); m = 0.9·(0.2, −0.4) + 0.1·g = (0.36, −0.74)
    //   v = 0.999·(0.004, 0.016) + 0.001·(3.24, 14.44) = (0.007236, 0.030424)
    //   1 − β₁² = 0.19, 1 − β₂² = 0.001999; m̂ = (1.89473684, −3.89473684), v̂ = (3.61980991, 15.21960981)
    //   θ₂ = θ₁ − 0.1·m̂/(√v̂ + ε) = (0.9 − 0.0995878, −1.9 + 0.0998335) = (0.800412229, −1.800166486)
    const { points, state } = steps(adam, { lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8 }, 2);
    expectPoint(points[0], [0.9000000005, -1.90000000025]);
    expectPoint(points[1], [0.8004122286917928, -1.8001664861157012], 11);
    expectPoint([state.m[0], state.m[1]], [0.36, -0.74], 9);
    // β₁², β₂² kept as running products: 0.9·0.9 = 0.81, 0.999·0.999 = 0.998001
    expect(state.beta1Power).toBeCloseTo(0.81, 15);
    expect(state.beta2Power).toBeCloseTo(0.998001, 15);
  });

  it('Adam bias correction is a product, not Math.pow, so every JS engine rounds it the same way', () => {
    // 0.999**16 differs in its last bit between Node 20 and Chromium 156; β₂ᵗ must be the left-to-right
    // product of t factors, which IEEE-754 multiplication rounds identically everywhere.
    const { state } = steps(adam, { lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8 }, 16);
    let product = 1;
    for (let k = 0; k < 16; k++) product *= 0.999;
    expect(state.beta2Power).toBe(product);
    expect(state.beta2Power).toBeCloseTo(0.999 ** 16, 15);
  });
});

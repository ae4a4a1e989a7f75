/**
 * Gradient check of the real backprop (course form): for every parameter θ_i, the central difference
 *   g̃_i = (J(θ + h e_i) − J(θ − h e_i)) / 2h
 * against the analytic gradient g from trainMlp, reported as ‖g − g̃‖ / (‖g‖ + ‖g̃‖).
 * Runs the same network code in Float64 on a small random batch, dropout off (as the course says).
 * Course thresholds: < 1e-7 excellent, > 1e-2 almost certainly a bug.
 */
import { createTsBackend64 } from './kernels/ts.ts';
import { createMlp, initMlp, trainMlp } from './mlp.ts';
import type { InitId } from './init.ts';
import type { MlpConfig } from './layout.ts';
import { createRng } from '../run/random.ts';

export const GRADCHECK_EXCELLENT = 1e-7;
export const GRADCHECK_WRONG = 1e-2;

export interface GradCheckResult {
  readonly relativeDifference: number;
  readonly analytic: Float64Array;
  readonly numeric: Float64Array;
}

export interface GradCheckOptions {
  readonly seed: number;
  /** Rows in the random batch (batch norm needs at least 2). */
  readonly rows?: number;
  readonly init?: InitId;
  readonly h?: number;
}

export function relativeDifference(a: Float64Array, b: Float64Array): number {
  let diff = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    diff += (a[i] - b[i]) ** 2;
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  const denominator = Math.sqrt(na) + Math.sqrt(nb);
  return denominator === 0 ? 0 : Math.sqrt(diff) / denominator;
}

/** The config with dropout off and every layer at most `cap` wide (the course checks a small network). */
export function smallCheckConfig(config: MlpConfig, cap = 8): MlpConfig {
  return { ...config, keepProb: 1, sizes: config.sizes.map((s, i) => (i === config.sizes.length - 1 ? s : Math.min(s, cap))) };
}

export function gradientCheck(config: MlpConfig, options: GradCheckOptions): GradCheckResult {
  const checked = { ...config, keepProb: 1 };
  const rows = options.rows ?? 6;
  const h = options.h ?? 1e-5;
  const rng = createRng(options.seed);
  const net = createMlp(checked, createTsBackend64(), rows);
  initMlp(net, options.init ?? 'xavier-normal', rng);
  // Random γ, β and biases, so the check does not sit at the special point γ = 1, β = b = 0.
  for (const v of net.layers) {
    for (const block of [v.b, v.gamma, v.beta]) if (block) for (let i = 0; i < block.length; i++) block[i] += 0.5 * rng.normal();
  }
  net.rows = rows;
  for (let i = 0; i < rows * checked.sizes[0]; i++) net.input[i] = rng.uniform();
  const classes = checked.sizes[checked.sizes.length - 1];
  for (let r = 0; r < rows; r++) net.labels[r] = rng.int(classes);

  trainMlp(net, null, false);
  const analytic = net.grad.slice();
  const numeric = new Float64Array(analytic.length);
  const p = net.params;
  for (let i = 0; i < p.length; i++) {
    const keep = p[i];
    p[i] = keep + h;
    const plus = trainMlp(net, null, false);
    p[i] = keep - h;
    const minus = trainMlp(net, null, false);
    p[i] = keep;
    numeric[i] = (plus - minus) / (2 * h);
  }
  return { relativeDifference: relativeDifference(analytic, numeric), analytic, numeric };
}

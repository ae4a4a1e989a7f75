/**
 * Gradient check of the real backprop (course form): for each checked parameter θ_i, the central difference
 *   g̃_i = (J(θ + h e_i) − J(θ − h e_i)) / 2h
 * against the analytic gradient g from trainMlp, reported as ‖g − g̃‖ / (‖g‖ + ‖g̃‖) over the checked ones.
 * Runs the same network code in Float64 on a small random batch, dropout off (as the course says).
 * Course thresholds: < 1e-7 excellent, > 1e-2 almost certainly a bug.
 *
 * On a full-size network (784-64-16-10 has 50,890 parameters, two passes each) a seeded sample is checked:
 * `sample` parameters spread over every layer in proportion to its size, and at least MIN_PER_BLOCK of
 * each of its blocks (weights, biases, batch-norm γ and β), so no layer goes unchecked however small.
 */
import { createTsBackend64 } from './kernels/ts.ts';
import { createMlp, initMlp, trainMlp } from './mlp.ts';
import type { Backend } from './backend.ts';
import type { InitId } from './init.ts';
import { paramLayout, type MlpConfig, type ParamLayout } from './layout.ts';
import { createRng, type Rng } from '../run/random.ts';

export const GRADCHECK_EXCELLENT = 1e-7;
export const GRADCHECK_WRONG = 1e-2;
/** Larger networks are refused: the float64 copy, its gradient and buffers would not fit a browser tab. */
export const GRADCHECK_MAX_PARAMS = 2_000_000;
/** Each block of each layer has at least this many parameters checked (all of them if it has fewer). */
export const MIN_PER_BLOCK = 4;

export interface GradCheckResult {
  readonly relativeDifference: number;
  /** The checked parameters' indices in the packed vector, ascending. */
  readonly indices: Uint32Array;
  /** The analytic and numerical gradients at those indices. */
  readonly analytic: Float64Array;
  readonly numeric: Float64Array;
  /** Checked parameters per layer (layer l: W, b, γ, β of sizes[l] → sizes[l+1]). */
  readonly perLayer: readonly number[];
  /** All parameters of the network. */
  readonly total: number;
}

export interface GradCheckOptions {
  readonly seed: number;
  /** Rows in the random batch (batch norm needs at least 2). */
  readonly rows?: number;
  readonly init?: InitId;
  readonly h?: number;
  /** Parameters to check (spread over the layers); all of them when omitted or larger than the network. */
  readonly sample?: number;
  /** The float64 kernels the network runs on (the TypeScript ones unless a test swaps them). */
  readonly backend?: Backend<Float64Array>;
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

/** `k` distinct integers of [from, from + n), by a partial Fisher–Yates shuffle. */
function pick(from: number, n: number, k: number, rng: Rng): number[] {
  const pool = Array.from({ length: n }, (_, i) => from + i);
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(n - i);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, k);
}

/** The sampled indices (see the header) and how many fall in each layer. */
export function sampleParams(layout: ParamLayout, sample: number, rng: Rng): { indices: Uint32Array; perLayer: number[] } {
  const all = sample >= layout.size;
  const chosen: number[] = [];
  const perLayer = layout.layers.map((s) => {
    let count = 0;
    for (const [offset, n] of [[s.w, s.nIn * s.nOut], [s.b, s.nOut], [s.gamma, s.nOut], [s.beta, s.nOut]]) {
      if (offset < 0) continue;
      const k = all ? n : Math.min(n, Math.max(MIN_PER_BLOCK, Math.round((sample * n) / layout.size)));
      chosen.push(...pick(offset, n, k, rng));
      count += k;
    }
    return count;
  });
  return { indices: Uint32Array.from(chosen).sort(), perLayer };
}

export function gradientCheck(config: MlpConfig, options: GradCheckOptions): GradCheckResult {
  const checked = { ...config, keepProb: 1 };
  const layout = paramLayout(checked);
  if (layout.size > GRADCHECK_MAX_PARAMS) {
    throw new Error(`${checked.sizes.join('-')} has ${layout.size.toLocaleString('en')} parameters; the check takes networks of at most ${GRADCHECK_MAX_PARAMS.toLocaleString('en')}`);
  }
  const rows = options.rows ?? 6;
  const h = options.h ?? 1e-5;
  const rng = createRng(options.seed);
  const net = createMlp(checked, options.backend ?? createTsBackend64(), rows);
  initMlp(net, options.init ?? 'xavier-normal', rng);
  // Random γ, β and biases, so the check does not sit at the special point γ = 1, β = b = 0.
  for (const v of net.layers) {
    for (const block of [v.b, v.gamma, v.beta]) if (block) for (let i = 0; i < block.length; i++) block[i] += 0.5 * rng.normal();
  }
  net.rows = rows;
  for (let i = 0; i < rows * checked.sizes[0]; i++) net.input[i] = rng.uniform();
  const classes = checked.sizes[checked.sizes.length - 1];
  for (let r = 0; r < rows; r++) net.labels[r] = rng.int(classes);
  const { indices, perLayer } = sampleParams(layout, options.sample ?? layout.size, rng);

  trainMlp(net, null, false);
  const analytic = Float64Array.from(indices, (i) => net.grad[i]);
  const numeric = new Float64Array(indices.length);
  const p = net.params;
  indices.forEach((i, n) => {
    const keep = p[i];
    p[i] = keep + h;
    const plus = trainMlp(net, null, false);
    p[i] = keep - h;
    const minus = trainMlp(net, null, false);
    p[i] = keep;
    numeric[n] = (plus - minus) / (2 * h);
  });
  return { relativeDifference: relativeDifference(analytic, numeric), indices, analytic, numeric, perLayer, total: layout.size };
}

/**
 * The multilayer perceptron: forward and backward over a mini-batch, on any kernel backend and in
 * either element type (Float32 for training, Float64 for the gradient check of this same code).
 *
 * Per hidden layer l:  z = a_{l−1}·Wᵀ + b  →  [batch norm: s = γ ẑ + β]  →  h = f(s)  →  [dropout: a = h ⊙ mask]
 * Output layer:        z = a·Wᵀ + b  →  softmax, cross-entropy (loss.ts)
 * Loss of a training batch of m rows: mean cross-entropy + λ/(2m)·Σ_l ‖W_l‖² (course form).
 * Backward is the chain rule through the same steps, in reverse; the dense products go through the
 * backend's kernels, which also own every buffer (allocated here, once, before any kernel call).
 */
import type { Backend } from './backend.ts';
import type { FloatArray } from './float-array.ts';
import { ACTIVATIONS } from './activations.ts';
import { fillBatch, gatherBytes, type DigitSet } from './dataset.ts';
import { batchNormBackward, batchNormInfer, batchNormTrain, type BatchNormStats } from './batchnorm.ts';
import { dropoutBackward, dropoutForward } from './dropout.ts';
import { initWeights, type InitId } from './init.ts';
import { layerViews, paramLayout, validateMlpConfig, type LayerViews, type MlpConfig, type ParamLayout } from './layout.ts';
import { softmaxCrossEntropy } from './loss.ts';
import type { Rng } from '../run/random.ts';
import type { GradientOracle } from '../math/objective.ts';
import type { Vec } from '../math/vector.ts';

interface HiddenBuffers<A extends FloatArray> {
  /** Activation output h (before dropout); also what the histograms show. */
  readonly H: A;
  /** What the next layer reads: h, or h ⊙ mask with dropout. */
  readonly A: A;
  readonly mask: A | null;
  /** Gradient with respect to a, turned in place into the gradient with respect to s. */
  readonly dA: A;
  readonly bn: { readonly Zhat: A; readonly S: A; readonly stats: BatchNormStats; readonly runMean: A; readonly runVar: A } | null;
}

export interface Mlp<A extends FloatArray> {
  readonly config: MlpConfig;
  readonly layout: ParamLayout;
  readonly backend: Backend<A>;
  /** Largest mini-batch the buffers hold. */
  readonly capacity: number;
  /** The packed parameters (what optimizers update) and per-layer views into them. */
  readonly params: A;
  readonly layers: readonly LayerViews<A>[];
  /** The packed gradient of the last training forward/backward, with the same layout. */
  readonly grad: A;
  readonly gradLayers: readonly LayerViews<A>[];
  /** Input rows (capacity × sizes[0]) and their labels; `rows` of them are valid. */
  readonly input: A;
  /** Input rows as pixel bytes, when the backend scales bytes itself (allocBytes/scaleBytes); else null. */
  readonly inputBytes: Uint8Array | null;
  readonly labels: Uint8Array;
  rows: number;
  /** Softmax outputs (capacity × classes) of the last forward pass. */
  readonly output: A;
  /** Pre-activation z of every layer (capacity × n_out). */
  readonly linear: readonly A[];
  readonly hidden: readonly HiddenBuffers<A>[];
  /** Gradient with respect to each layer's z. */
  readonly delta: readonly A[];
  readonly zeroBias: readonly A[];
  readonly spareBias: readonly A[];
}

export function createMlp<A extends FloatArray>(config: MlpConfig, backend: Backend<A>, capacity: number): Mlp<A> {
  validateMlpConfig(config);
  if (!(Number.isInteger(capacity) && capacity >= 1)) throw new Error(`batch capacity ${capacity} must be a positive integer`);
  const layout = paramLayout(config);
  const alloc = (n: number): A => backend.alloc(n);
  const params = alloc(layout.size);
  const grad = alloc(layout.size);
  const hiddenCount = config.sizes.length - 2;
  const linear: A[] = [];
  const delta: A[] = [];
  const hidden: HiddenBuffers<A>[] = [];
  const zeroBias: A[] = [];
  const spareBias: A[] = [];
  layout.layers.forEach((s, l) => {
    const n = capacity * s.nOut;
    linear.push(alloc(n));
    const normed = s.b < 0;
    zeroBias.push(normed ? alloc(s.nOut) : alloc(0));
    spareBias.push(normed ? alloc(s.nOut) : alloc(0));
    if (l >= hiddenCount) {
      delta.push(alloc(n));
      return;
    }
    const H = alloc(n);
    const dropout = config.keepProb < 1;
    const dA = alloc(n);
    delta.push(normed ? alloc(n) : dA);
    const runVar = normed ? alloc(s.nOut) : alloc(0);
    runVar.fill(1);
    hidden.push({
      H,
      A: dropout ? alloc(n) : H,
      mask: dropout ? alloc(n) : null,
      dA,
      bn: normed
        ? { Zhat: alloc(n), S: alloc(n), stats: { mean: alloc(s.nOut), invStd: alloc(s.nOut) }, runMean: alloc(s.nOut), runVar }
        : null,
    });
  });
  const classes = config.sizes[config.sizes.length - 1];
  return {
    config,
    layout,
    backend,
    capacity,
    params,
    layers: layerViews(params, layout),
    grad,
    gradLayers: layerViews(grad, layout),
    input: alloc(capacity * config.sizes[0]),
    inputBytes: backend.allocBytes && backend.scaleBytes ? backend.allocBytes(capacity * config.sizes[0]) : null,
    labels: new Uint8Array(capacity),
    rows: 0,
    output: alloc(capacity * classes),
    linear,
    hidden,
    delta,
    zeroBias,
    spareBias,
  };
}

/** Initial weights (biases 0, γ 1, β 0) and fresh running statistics (mean 0, variance 1). */
export function initMlp<A extends FloatArray>(net: Mlp<A>, init: InitId, rng: Rng): void {
  net.params.fill(0);
  net.layers.forEach((v, l) => {
    const s = net.layout.layers[l];
    initWeights(init, v.W, s.nIn, s.nOut, rng);
    v.gamma?.fill(1);
  });
  for (const h of net.hidden) {
    h.bn?.runMean.fill(0);
    h.bn?.runVar.fill(1);
  }
}

/**
 * Loads examples order[start … start+m) of `set` as the network's batch (net.input scaled to [0, 1],
 * net.labels, net.rows = m): through the backend's byte scaling when it has one, else fillBatch.
 */
export function loadBatch<A extends FloatArray>(net: Mlp<A>, set: DigitSet, order: Uint32Array, start: number, m: number): void {
  const { scaleBytes } = net.backend;
  if (net.inputBytes && scaleBytes) {
    gatherBytes(set, order, start, m, net.inputBytes, net.labels);
    scaleBytes.call(net.backend, net.inputBytes, net.input, m * set.features);
  } else {
    fillBatch(set, order, start, m, net.input, net.labels);
  }
  net.rows = m;
}

/**
 * Forward pass over the first `net.rows` input rows. Training mode uses batch statistics (updating the
 * running ones if asked) and dropout when an Rng is given; inference mode uses running statistics and
 * no dropout. Writes net.output and, in training mode, net.delta of the last layer. Returns the SUMMED
 * cross-entropy over the rows.
 */
function forward<A extends FloatArray>(net: Mlp<A>, training: boolean, dropoutRng: Rng | null, updateRunning: boolean): number {
  const m = net.rows;
  const { dense } = net.backend;
  const last = net.layout.layers.length - 1;
  let X = net.input;
  for (let l = 0; l <= last; l++) {
    const s = net.layout.layers[l];
    const v = net.layers[l];
    const Z = net.linear[l];
    dense.forward(X, v.W, v.b ?? net.zeroBias[l], Z, m, s.nIn, s.nOut);
    if (l === last) {
      return softmaxCrossEntropy(Z, net.output, net.labels, m, s.nOut, training ? net.delta[l] : null);
    }
    const h = net.hidden[l];
    const count = m * s.nOut;
    let src: A = Z;
    if (h.bn && v.gamma && v.beta) {
      if (training) {
        batchNormTrain(Z, h.bn.Zhat, h.bn.S, h.bn.stats, v.gamma, v.beta, h.bn.runMean, h.bn.runVar, m, s.nOut, updateRunning);
      } else {
        batchNormInfer(Z, h.bn.S, v.gamma, v.beta, h.bn.runMean, h.bn.runVar, m, s.nOut);
      }
      src = h.bn.S;
    }
    const id = net.config.activations[l];
    (net.backend.activations?.[id] ?? ACTIVATIONS[id].forward)(src, h.H, count);
    if (h.mask) {
      if (training && dropoutRng) dropoutForward(h.H, h.A, h.mask, count, net.config.keepProb, dropoutRng);
      else {
        h.A.set(h.H.subarray(0, count));
        h.mask.fill(1, 0, count);
      }
    }
    X = h.A;
  }
  throw new Error('unreachable: the network has an output layer');
}

/** Inference forward pass over net.rows rows: net.output holds probabilities; returns the summed cross-entropy. */
export function inferMlp<A extends FloatArray>(net: Mlp<A>): number {
  return forward(net, false, null, false);
}

/**
 * Training-mode loss and gradient of the mini-batch in net.input/net.labels (net.rows rows) at
 * net.params: returns mean cross-entropy + λ/(2m)·Σ‖W‖², writes the gradient into net.grad.
 */
export function trainMlp<A extends FloatArray>(net: Mlp<A>, dropoutRng: Rng | null, updateRunning = true): number {
  const m = net.rows;
  if (!(m >= 1 && m <= net.capacity)) throw new Error(`batch of ${m} rows does not fit capacity ${net.capacity}`);
  let loss = forward(net, true, dropoutRng, updateRunning) / m;
  const { dense } = net.backend;
  const lambda = net.config.l2;
  for (let l = net.layout.layers.length - 1; l >= 0; l--) {
    const s = net.layout.layers[l];
    const v = net.layers[l];
    const g = net.gradLayers[l];
    const X = l === 0 ? net.input : net.hidden[l - 1].A;
    dense.gradParams(X, net.delta[l], g.W, g.b ?? net.spareBias[l], m, s.nIn, s.nOut);
    if (lambda > 0) {
      const W = v.W;
      const dW = g.W;
      let sq = 0;
      for (let i = 0; i < W.length; i++) {
        sq += W[i] * W[i];
        dW[i] += (lambda / m) * W[i];
      }
      loss += (lambda / (2 * m)) * sq;
    }
    if (l === 0) break;
    const below = net.layout.layers[l - 1];
    const h = net.hidden[l - 1];
    const count = m * below.nOut;
    dense.gradInput(net.delta[l], v.W, h.dA, m, s.nIn, s.nOut);
    if (h.mask) dropoutBackward(h.dA, h.mask, count);
    ACTIVATIONS[net.config.activations[l - 1]].backward(h.H, h.dA, count);
    const gb = net.gradLayers[l - 1];
    const vb = net.layers[l - 1];
    if (h.bn && vb.gamma && gb.gamma && gb.beta) {
      batchNormBackward(h.dA, h.bn.Zhat, h.bn.stats, vb.gamma, gb.gamma, gb.beta, net.delta[l - 1], m, below.nOut);
    }
  }
  return loss;
}

/**
 * The network on its current mini-batch as the engine's gradient oracle. The optimizer may ask for the
 * gradient at a point other than net.params (NAG's look-ahead); then that point is swapped into the
 * kernels' parameter memory for the call and the parameters are restored afterwards.
 */
export function mlpOracle<A extends FloatArray>(net: Mlp<A>, dropoutRng: Rng | null): GradientOracle {
  let saved: A | null = null;
  return (p: Vec, grad: Vec): number => {
    let loss: number;
    if (p === net.params) loss = trainMlp(net, dropoutRng);
    else {
      saved ??= net.params.slice() as A;
      saved.set(net.params);
      net.params.set(p);
      loss = trainMlp(net, dropoutRng);
      net.params.set(saved);
    }
    if (grad !== net.grad) grad.set(net.grad);
    return loss;
  };
}

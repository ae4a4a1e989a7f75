/**
 * The network's shape and the layout of its ONE packed parameter array, layer after layer:
 *   W (n_out × n_in, row-major), then b (n_out) — or, with batch norm on a hidden layer, γ and β
 *   (n_out each) instead of b, since the batch mean subtraction cancels any bias.
 * The engine's optimizers update this array as one vector; layers read it through subarray views.
 */
import type { FloatArray } from './float-array.ts';
import { ACTIVATION_IDS, type ActivationId } from './activations.ts';

export interface MlpConfig {
  /** Layer widths from input to output, e.g. [784, 64, 16, 10]. */
  readonly sizes: readonly number[];
  /** One per hidden layer (sizes.length − 2). The output layer is softmax. */
  readonly activations: readonly ActivationId[];
  /** Batch normalisation between the linear part and the activation of every hidden layer. */
  readonly batchNorm: boolean;
  /** Inverted-dropout keep probability on hidden activations; 1 = no dropout. */
  readonly keepProb: number;
  /** L2 weight decay λ, course form: loss += λ/(2m)·Σ‖W‖², ∇W += (λ/m)·W (biases, γ, β not decayed). */
  readonly l2: number;
}

/** The textbook's network: 784-64-16-10, sigmoid, tanh, softmax. */
export const DEFAULT_MLP: MlpConfig = { sizes: [784, 64, 16, 10], activations: ['sigmoid', 'tanh'], batchNorm: false, keepProb: 1, l2: 0 };

/** Offsets into the packed array; −1 where a layer has no such block. */
export interface LayerSlots {
  readonly nIn: number;
  readonly nOut: number;
  readonly w: number;
  readonly b: number;
  readonly gamma: number;
  readonly beta: number;
}

export interface ParamLayout {
  readonly layers: readonly LayerSlots[];
  readonly size: number;
}

export interface LayerViews<A extends FloatArray> {
  readonly W: A;
  readonly b: A | null;
  readonly gamma: A | null;
  readonly beta: A | null;
}

export function validateMlpConfig(c: MlpConfig): void {
  if (c.sizes.length < 2) throw new Error('the network needs at least an input and an output layer');
  for (const s of c.sizes) {
    if (!(Number.isInteger(s) && s >= 1 && s <= 100_000)) throw new Error(`layer size ${s} must be an integer in [1, 100000]`);
  }
  if (c.sizes[c.sizes.length - 1] < 2) throw new Error('the softmax output layer needs at least 2 classes');
  if (c.activations.length !== c.sizes.length - 2) {
    throw new Error(`${c.sizes.length - 2} hidden layer(s) need as many activations, got ${c.activations.length}`);
  }
  for (const a of c.activations) {
    if (!(ACTIVATION_IDS as readonly string[]).includes(a)) throw new Error(`unknown activation "${a}"`);
  }
  if (!(c.keepProb > 0 && c.keepProb <= 1)) throw new Error(`keep probability ${c.keepProb} must be in (0, 1]`);
  if (!(c.l2 >= 0 && Number.isFinite(c.l2))) throw new Error(`L2 λ ${c.l2} must be a finite number ≥ 0`);
}

export function paramLayout(c: MlpConfig): ParamLayout {
  const layers: LayerSlots[] = [];
  let at = 0;
  for (let l = 0; l + 1 < c.sizes.length; l++) {
    const nIn = c.sizes[l];
    const nOut = c.sizes[l + 1];
    const normed = c.batchNorm && l + 2 < c.sizes.length;
    const w = at;
    at += nIn * nOut;
    const b = normed ? -1 : at;
    if (!normed) at += nOut;
    const gamma = normed ? at : -1;
    if (normed) at += nOut;
    const beta = normed ? at : -1;
    if (normed) at += nOut;
    layers.push({ nIn, nOut, w, b, gamma, beta });
  }
  return { layers, size: at };
}

export function layerViews<A extends FloatArray>(packed: A, layout: ParamLayout): LayerViews<A>[] {
  const view = (offset: number, n: number): A | null => (offset < 0 ? null : (packed.subarray(offset, offset + n) as A));
  return layout.layers.map((s) => ({
    W: packed.subarray(s.w, s.w + s.nIn * s.nOut) as A,
    b: view(s.b, s.nOut),
    gamma: view(s.gamma, s.nOut),
    beta: view(s.beta, s.nOut),
  }));
}

/**
 * Hidden-layer activations h = f(s), applied elementwise, and their backward pass ds = dh·f′(s) written
 * in terms of the output h (so no pre-activation needs to be kept):
 *   sigmoid     h = 1/(1+e^(−s))            f′ = h(1 − h)
 *   tanh        h = tanh s                  f′ = 1 − h²
 *   relu        h = max(0, s)               f′ = [h > 0]
 *   leaky-relu  h = s if s > 0 else 0.01·s  f′ = 1 if h > 0 else 0.01
 * At the kink s = 0 ReLU's derivative is taken as 0, as in PyTorch and TensorFlow.
 */
import type { FloatArray } from './float-array.ts';

export const ACTIVATION_IDS = ['sigmoid', 'tanh', 'relu', 'leaky-relu'] as const;
export type ActivationId = (typeof ACTIVATION_IDS)[number];

export const LEAKY_SLOPE = 0.01;

export interface Activation {
  readonly id: ActivationId;
  readonly name: string;
  readonly formula: string;
  /** H[i] = f(S[i]) for i < n (H may be S). */
  forward(S: FloatArray, H: FloatArray, n: number): void;
  /** D[i] ← D[i]·f′ at H[i] for i < n, in place: dh becomes ds. */
  backward(H: FloatArray, D: FloatArray, n: number): void;
}

export const ACTIVATIONS: Record<ActivationId, Activation> = {
  sigmoid: {
    id: 'sigmoid',
    name: 'Sigmoid',
    formula: '\\sigma(s) = \\frac{1}{1 + e^{-s}}',
    forward(S, H, n) {
      for (let i = 0; i < n; i++) H[i] = 1 / (1 + Math.exp(-S[i]));
    },
    backward(H, D, n) {
      for (let i = 0; i < n; i++) D[i] *= H[i] * (1 - H[i]);
    },
  },
  tanh: {
    id: 'tanh',
    name: 'Tanh',
    formula: '\\tanh(s)',
    forward(S, H, n) {
      for (let i = 0; i < n; i++) H[i] = Math.tanh(S[i]);
    },
    backward(H, D, n) {
      for (let i = 0; i < n; i++) D[i] *= 1 - H[i] * H[i];
    },
  },
  relu: {
    id: 'relu',
    name: 'ReLU',
    formula: '\\max(0, s)',
    forward(S, H, n) {
      for (let i = 0; i < n; i++) H[i] = S[i] > 0 ? S[i] : 0;
    },
    backward(H, D, n) {
      for (let i = 0; i < n; i++) if (!(H[i] > 0)) D[i] = 0;
    },
  },
  'leaky-relu': {
    id: 'leaky-relu',
    name: 'Leaky ReLU',
    formula: '\\max(0.01\\,s,\\ s)',
    forward(S, H, n) {
      for (let i = 0; i < n; i++) H[i] = S[i] > 0 ? S[i] : LEAKY_SLOPE * S[i];
    },
    backward(H, D, n) {
      for (let i = 0; i < n; i++) if (!(H[i] > 0)) D[i] *= LEAKY_SLOPE;
    },
  },
};

export function parseActivation(text: string): ActivationId {
  if ((ACTIVATION_IDS as readonly string[]).includes(text)) return text as ActivationId;
  throw new Error(`unknown activation "${text}" (expected one of ${ACTIVATION_IDS.join(', ')})`);
}

/**
 * The kernel contract of kernels/types.ts, generic over the element type, so the one network
 * implementation runs in Float32 for training (any KernelBackend, including WebAssembly) and in
 * Float64 for the gradient check of the real backprop. KernelBackend is exactly Backend<Float32Array>.
 */
import type { ActivationId } from './activations.ts';
import type { FloatArray } from './float-array.ts';

export interface Dense<A extends FloatArray> {
  /** Y[b,o] = bias[o] + Σ_i X[b,i]·W[o,i] */
  forward(X: A, W: A, bias: A, Y: A, batch: number, nIn: number, nOut: number): void;
  /** dW[o,i] = Σ_b dY[b,o]·X[b,i];  dB[o] = Σ_b dY[b,o]  (overwrites dW and dB) */
  gradParams(X: A, dY: A, dW: A, dB: A, batch: number, nIn: number, nOut: number): void;
  /** dX[b,i] = Σ_o dY[b,o]·W[o,i]  (overwrites dX) */
  gradInput(dY: A, W: A, dX: A, batch: number, nIn: number, nOut: number): void;
}

export interface Backend<A extends FloatArray> {
  readonly name: string;
  alloc(length: number): A;
  readonly dense: Dense<A>;
  /** Optional pixel path (kernels/types.ts): bytes to X = bytes/255 inside the backend. */
  allocBytes?(length: number): Uint8Array;
  scaleBytes?(bytes: Uint8Array, X: A, length: number): void;
  /** Optional activation forwards in the backend (kernels/types.ts). */
  readonly activations?: Partial<Record<ActivationId, (S: A, H: A, n: number) => void>>;
}

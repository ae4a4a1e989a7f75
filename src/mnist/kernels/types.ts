/**
 * The compute seam of the MNIST network: the three dense-layer products that dominate training time.
 * A backend owns the memory its kernels read, so a WebAssembly backend can hand out Float32Array views
 * into its linear memory (zero-copy) while the pure-TypeScript backend uses ordinary arrays. The engine's
 * optimizers update the packed parameter array through these same views, unchanged.
 *
 * Layouts (row-major): X is batch×nIn, W is nOut×nIn, Y and dY are batch×nOut, dX is batch×nIn.
 */
import type { ActivationId } from '../activations.ts';

export interface DenseKernels {
  /** Y[b,o] = bias[o] + Σ_i X[b,i]·W[o,i] */
  forward(X: Float32Array, W: Float32Array, bias: Float32Array, Y: Float32Array, batch: number, nIn: number, nOut: number): void;
  /** dW[o,i] = Σ_b dY[b,o]·X[b,i];  dB[o] = Σ_b dY[b,o]  (overwrites dW and dB) */
  gradParams(X: Float32Array, dY: Float32Array, dW: Float32Array, dB: Float32Array, batch: number, nIn: number, nOut: number): void;
  /** dX[b,i] = Σ_o dY[b,o]·W[o,i]  (overwrites dX) */
  gradInput(dY: Float32Array, W: Float32Array, dX: Float32Array, batch: number, nIn: number, nOut: number): void;
}

export interface KernelBackend {
  readonly name: string;
  /**
   * A zeroed Float32Array the kernels may read and write. Allocate everything a network needs before the
   * first kernel call: in WebAssembly, growing memory later would detach earlier views.
   */
  alloc(length: number): Float32Array;
  readonly dense: DenseKernels;
  /** Optional, with scaleBytes: a zeroed Uint8Array scaleBytes may read (allocated like alloc's arrays). */
  allocBytes?(length: number): Uint8Array;
  /**
   * Optional, with allocBytes: X[i] = bytes[i]/255 for i < length, rounded to float32 exactly as
   * Math.fround(bytes[i] / 255) (pixel bytes to network input). `bytes` comes from allocBytes.
   */
  scaleBytes?(bytes: Uint8Array, X: Float32Array, length: number): void;
  /**
   * Optional: H[i] = f(S[i]) for i < n (H may be S) for some of activations.ts's functions, in float32
   * within a few ulps of activations.ts (whose forward the network uses for the others).
   */
  readonly activations?: Partial<Record<ActivationId, (S: Float32Array, H: Float32Array, n: number) => void>>;
}

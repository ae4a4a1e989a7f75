/**
 * The loss the landscape draws: mean cross-entropy of the network at given parameters on a fixed
 * validation subset — the first N examples of the seeded validation split (dataset.ts), inference mode
 * (no dropout, no L2 term) — through evaluate.ts on whichever kernel backend it is given (WebAssembly SIMD
 * or TypeScript), in chunks of up to 1,000 images.
 * Batch-norm networks are refused: inference needs running statistics, which exist only at the points
 * training visited, not at the other points of a plane.
 */
import type { DigitSet } from '../dataset.ts';
import { identityOrder } from '../dataset.ts';
import { evaluate } from '../evaluate.ts';
import type { KernelBackend } from '../kernels/types.ts';
import type { MlpConfig } from '../layout.ts';
import { createMlp, type Mlp } from '../mlp.ts';

export const SUBSET_RANGE = { min: 1000, max: 5000, default: 2000 } as const;
const CHUNK = 1000;

/** The rows the subset's evaluating network holds at once: the subset, up to CHUNK images. */
export const subsetRows = (size: number): number => Math.min(size, CHUNK);

export interface SubsetLoss {
  readonly size: number;
  /** The evaluating network (chunks of up to CHUNK rows) and the subset, for plane-loss.ts. */
  readonly net: Mlp<Float32Array>;
  readonly set: DigitSet;
  readonly order: Uint32Array;
  readonly backend: string;
  /** The network's parameters, to be written before calling loss() (saves a copy per point). */
  readonly params: Float32Array;
  loss(): number;
  lossAt(params: ArrayLike<number>): number;
}

export function createSubsetLoss(mlp: MlpConfig, backend: KernelBackend, validation: DigitSet, size: number): SubsetLoss {
  if (mlp.batchNorm) throw new Error('the loss landscape is not drawn for batch-norm networks: their inference needs running statistics, which exist only where training went');
  if (!(Number.isInteger(size) && size >= 1 && size <= validation.indices.length)) {
    throw new Error(`the landscape subset of ${size} images must be a whole number from 1 to the ${validation.indices.length} validation images`);
  }
  const net = createMlp(mlp, backend, subsetRows(size));
  const set: DigitSet = { ...validation, indices: validation.indices.subarray(0, size) };
  const order = identityOrder(size);
  const loss = (): number => evaluate(net, set, order).loss;
  return {
    size,
    net,
    set,
    order,
    backend: backend.name,
    params: net.params,
    loss,
    lossAt(params) {
      net.params.set(params);
      return loss();
    },
  };
}

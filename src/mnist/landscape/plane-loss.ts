/**
 * The subset loss at points of a plane (plane.ts), fast. The first layer's pre-activation is affine in the
 * parameters, so over the subset's images X
 *   Z₁(α, β) = X·(W + α·D₁ + β·D₂)ᵀ + (b + α·e₁ + β·e₂) = Z_o + α·Z₁' + β·Z₂',
 * with Z_o = X·Wᵀ + b, Z₁' = X·D₁ᵀ + e₁, Z₂' = X·D₂ᵀ + e₂ (W, b: the origin's first layer; D, e: the
 * directions' first-layer blocks) computed once, in chunks, by the backend's dense kernel. A point then costs
 * that weighted sum, the first activation, and the rest of the network — run by mlp.ts's own inference
 * forward on a network of the remaining layers (sizes[1…]) whose input rows are the first activations and
 * whose packed parameters are the point's, from the second layer on (the same order: no batch norm here).
 * The first layer holds ~98 % of the default network's multiply-adds, so a point costs a few % of a full pass.
 * Equal to the direct evaluation up to Float32 rounding of Z₁. A network without a hidden layer has no
 * such split: its points are evaluated directly.
 */
import { ACTIVATIONS } from '../activations.ts';
import { createMlp, inferMlp, loadBatch } from '../mlp.ts';
import { wasmArena, type WasmArena } from '../kernels/wasm/arena.ts';
import type { MlpConfig } from '../layout.ts';
import { planePoint, type Plane } from './plane.ts';
import { subsetRows, type SubsetLoss } from './subset-loss.ts';

const aligned = (n: number) => Math.ceil(n / 4) * 4;

/**
 * The WebAssembly arena a landscape takes from its backend (pick-backend.ts sizes it with this): the subset's
 * evaluating network (subset-loss.ts), and what createPlaneLoss allocates below — three first-layer blocks,
 * the pre-activations of every subset image, and the network of the remaining layers over the whole subset.
 * wasmArena counts a trainer (network and optimizer state), an upper bound for these inference networks.
 */
export function landscapeArena(mlp: MlpConfig, size: number): WasmArena {
  const net = wasmArena(mlp, subsetRows(size));
  if (mlp.sizes.length < 3) return net;
  const [nIn, h] = mlp.sizes;
  const tail = wasmArena({ ...mlp, sizes: mlp.sizes.slice(1), activations: mlp.activations.slice(1) }, size);
  return {
    floats: net.floats + tail.floats + 3 * (aligned(nIn * h) + aligned(h)) + aligned(size * h),
    scratchFloats: net.scratchFloats + tail.scratchFloats,
  };
}

export type PlaneLoss = (alpha: number, beta: number) => number;

export function createPlaneLoss(subset: SubsetLoss, plane: Plane): PlaneLoss {
  const { net, set, order } = subset;
  const { config, layout, backend } = net;
  if (config.sizes.length < 3) return (a, b) => subset.lossAt(planePoint(plane, a, b, subset.params));
  const first = layout.layers[0];
  const h = first.nOut;
  const n = subset.size;
  const block = (v: ArrayLike<number>): { W: Float32Array; b: Float32Array } => {
    const W = backend.alloc(first.nIn * h);
    const b = backend.alloc(h);
    for (let i = 0; i < W.length; i++) W[i] = v[first.w + i];
    for (let i = 0; i < h; i++) b[i] = v[first.b + i];
    return { W, b };
  };
  const blocks = [block(plane.origin), block(plane.d1), block(plane.d2)];
  const Z = blocks.map(() => new Float32Array(n * h));
  for (let start = 0; start < n; start += net.capacity) {
    const m = Math.min(net.capacity, n - start);
    loadBatch(net, set, order, start, m);
    blocks.forEach(({ W, b }, k) => {
      backend.dense.forward(net.input, W, b, net.linear[0], m, first.nIn, h);
      Z[k].set(net.linear[0].subarray(0, m * h), start * h);
    });
  }
  const tail = createMlp({ ...config, sizes: config.sizes.slice(1), activations: config.activations.slice(1) }, backend, n);
  for (let r = 0; r < n; r++) tail.labels[r] = set.labels[set.indices[order[r]]];
  tail.rows = n;
  const id = config.activations[0];
  // As mlp.ts chooses: the backend's own activation where it has one (both arrays in its memory).
  const activate = backend.activations?.[id] ?? ACTIVATIONS[id].forward;
  const [Zo, Z1, Z2] = Z;
  const pre = backend.alloc(n * h);
  const rest = layout.layers[1].w;
  return (a, b) => {
    for (let i = 0; i < pre.length; i++) pre[i] = Zo[i] + a * Z1[i] + b * Z2[i];
    activate(pre, tail.input, pre.length);
    const p = tail.params;
    for (let i = 0; i < p.length; i++) p[i] = plane.origin[rest + i] + a * plane.d1[rest + i] + b * plane.d2[rest + i];
    return inferMlp(tail) / n;
  };
}

/**
 * How much WebAssembly memory one training run needs, from its configuration (network widths, batch size):
 * `floats` for alloc (every buffer createMlp in mlp.ts takes at that batch capacity, plus the largest set
 * an optimizer takes at init, Muon's Newton–Schulz buffers in src/optim/muon.ts), each rounded up to alloc's
 * 16-byte alignment; `scratchFloats` for the kernels' scratch (dense.as.ts): the largest layer's Wᵀ (or dWᵀ)
 * plus the non-zero lists gradParams builds when X is sparse enough (at most half non-zero: ≤ batch·nIn pairs
 * of two floats, in both its row and column lists), so the sparse path is never lost for want of room.
 */
import { paramLayout, type MlpConfig } from '../../layout.ts';

export interface WasmArena {
  readonly floats: number;
  readonly scratchFloats: number;
}

/** alloc's 16-byte alignment, in floats. */
const aligned = (floats: number): number => Math.ceil(floats / 4) * 4;

export function wasmArena(mlp: MlpConfig, batch: number): WasmArena {
  const layout = paramLayout(mlp);
  const hiddenCount = mlp.sizes.length - 2;
  const dropout = mlp.keepProb < 1;
  const input = batch * mlp.sizes[0];
  let floats = 2 * aligned(layout.size) + aligned(input) + aligned(Math.ceil(input / 4)) + aligned(batch * mlp.sizes[mlp.sizes.length - 1]);
  let scratchFloats = 0;
  let largest = 0;
  let square = 0;
  layout.layers.forEach((s, l) => {
    const n = aligned(batch * s.nOut);
    const v = aligned(s.nOut);
    const normed = s.b < 0;
    floats += n + (normed ? 2 * v : 0);
    if (l >= hiddenCount) floats += n;
    else floats += 2 * n + (normed ? n + v : 0) + (dropout ? 2 * n : 0) + (normed ? 2 * n + 3 * v : 0);
    scratchFloats = Math.max(scratchFloats, aligned(s.nIn * s.nOut) + aligned(batch + 1) + aligned(s.nIn + 1) + 2 * aligned(batch * s.nIn) + 4);
    if (l < hiddenCount) {
      largest = Math.max(largest, aligned(s.nIn * s.nOut));
      square = Math.max(square, Math.min(s.nIn, s.nOut));
    }
  });
  // Muon: X and Y the largest hidden W, A and B its smaller side squared, and a zero bias of that side.
  floats += 2 * largest + 2 * aligned(square * square) + aligned(square);
  return { floats, scratchFloats };
}

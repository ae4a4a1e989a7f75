/**
 * The backend's dense kernels as the optimizers' MatrixKernels (src/optim/types.ts): Muon's Newton–Schulz
 * products, X·Xᵀ (forward with W = X), A·A and B·X (gradInput, dX = dY·W), run on the same kernels as the
 * network, so in WebAssembly SIMD when the network runs there and in TypeScript otherwise, over buffers
 * from the backend's own memory. tests/mnist/muon-kernels.test.ts checks both against a float64 reference.
 */
import type { MatrixKernels } from '../../optim/types.ts';
import type { KernelBackend } from './types.ts';

export function matrixKernels(backend: KernelBackend): MatrixKernels {
  const { dense } = backend;
  return {
    alloc: (n) => backend.alloc(n),
    forward: (X, W, bias, Y, batch, nIn, nOut) => dense.forward(X, W, bias, Y, batch, nIn, nOut),
    gradInput: (dY, W, dX, batch, nIn, nOut) => dense.gradInput(dY, W, dX, batch, nIn, nOut),
  };
}

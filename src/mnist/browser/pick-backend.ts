/**
 * The kernel backend for a choice, in the browser's workers and in `cli mnist` alike: 'auto' is the fastest
 * this runtime can run, WebAssembly SIMD where supported (and instantiable), otherwise the pure-TypeScript
 * kernels (same maths, slower); 'wasm' and 'ts' ask for one (wasm fails with a message where the runtime
 * lacks SIMD). The returned backend's `name` says which ran.
 */
import { createTsBackend } from '../kernels/ts.ts';
import { createWasmBackend } from '../kernels/wasm/wasm-backend.ts';
import { wasmSimdSupported } from '../kernels/wasm/load.ts';
import type { KernelBackend } from '../kernels/types.ts';

export type BackendChoice = 'auto' | 'wasm' | 'ts';

export async function pickBackend(choice: BackendChoice): Promise<KernelBackend> {
  if (choice === 'wasm') {
    if (!wasmSimdSupported()) throw new Error('this runtime has no WebAssembly SIMD: use --backend ts or auto');
    return createWasmBackend();
  }
  if (choice === 'auto' && wasmSimdSupported()) {
    try {
      return await createWasmBackend();
    } catch {
      // Fall through to TypeScript.
    }
  }
  return createTsBackend();
}

/**
 * The fastest kernel backend this browser can run: WebAssembly SIMD where supported (and instantiable),
 * otherwise the pure-TypeScript kernels (same maths, slower).
 */
import { createTsBackend } from '../kernels/ts.ts';
import { createWasmBackend } from '../kernels/wasm/wasm-backend.ts';
import { wasmSimdSupported } from '../kernels/wasm/load.ts';
import type { KernelBackend } from '../kernels/types.ts';

export type BackendChoice = 'auto' | 'ts';

export async function pickBackend(choice: BackendChoice): Promise<KernelBackend> {
  if (choice === 'auto' && wasmSimdSupported()) {
    try {
      return await createWasmBackend();
    } catch {
      // Fall through to TypeScript.
    }
  }
  return createTsBackend();
}

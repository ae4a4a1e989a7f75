/**
 * The kernel backend for a choice, in the browser's workers and in `cli mnist` alike: 'auto' is the fastest
 * this runtime can run, WebAssembly SIMD where supported (and instantiable), otherwise the pure-TypeScript
 * kernels (same maths, slower); 'wasm' and 'ts' ask for one (wasm fails with a message where the runtime
 * lacks SIMD). The returned backend's `name` says which ran.
 *
 * trainerOn builds a run's trainer on the chosen backend. WebAssembly's memory is a fixed arena
 * (wasm-backend.ts); where 'auto' finds it too small for the network (wide layers at a large batch), the
 * run trains on TypeScript instead and `notice` says so, rather than failing.
 */
import { createTsBackend } from '../kernels/ts.ts';
import { createWasmBackend } from '../kernels/wasm/wasm-backend.ts';
import { wasmSimdSupported } from '../kernels/wasm/load.ts';
import type { KernelBackend } from '../kernels/types.ts';
import type { MnistSplit } from '../dataset.ts';
import { createTrainer, type TrainConfig, type Trainer } from '../train.ts';
import type { Hyper, Optimizer } from '../../optim/types.ts';

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

export interface PlacedTrainer {
  readonly trainer: Trainer;
  readonly backend: KernelBackend;
  /** Why the run is not on the backend 'auto' first picked; null when it is. */
  readonly notice: string | null;
}

export async function trainerOn(choice: BackendChoice, data: MnistSplit, config: TrainConfig, optimizer: Optimizer, hyper: Hyper): Promise<PlacedTrainer> {
  const backend = await pickBackend(choice);
  try {
    return { trainer: createTrainer(data, config, optimizer, hyper, { backend }), backend, notice: null };
  } catch (err) {
    if (choice !== 'auto' || backend.name === createTsBackend().name || !(err instanceof RangeError)) throw err;
    const ts = createTsBackend();
    const notice = `WebAssembly's memory cannot hold ${config.mlp.sizes.join('-')} at batch ${config.batchSize} (${err.message}); trained on TypeScript kernels instead`;
    return { trainer: createTrainer(data, config, optimizer, hyper, { backend: ts }), backend: ts, notice };
  }
}

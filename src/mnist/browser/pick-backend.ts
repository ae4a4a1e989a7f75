/**
 * The kernel backend for a choice, in the browser's workers and in `cli mnist` alike: 'auto' is the fastest
 * this runtime can run, WebAssembly SIMD where supported (and instantiable), otherwise the pure-TypeScript
 * kernels (same maths, slower); 'wasm' and 'ts' ask for one (wasm fails with a message where the runtime
 * lacks SIMD). The returned backend's `name` says which ran.
 *
 * Without an arena, WebAssembly gets the fixed default one (wasm-backend.ts), enough for the networks the
 * landscape and the LR finder build. trainerOn sizes it from the run's configuration (arena.ts: network
 * widths, batch size); where 'auto' still cannot place the run there (the engine refuses the memory, or it
 * is over wasm-backend.ts's limit), the run trains on TypeScript instead and `notice` says so, rather than failing.
 */
import { createTsBackend } from '../kernels/ts.ts';
import { createWasmBackend } from '../kernels/wasm/wasm-backend.ts';
import { wasmArena, type WasmArena } from '../kernels/wasm/arena.ts';
import { wasmSimdSupported } from '../kernels/wasm/load.ts';
import type { KernelBackend } from '../kernels/types.ts';
import { createTrainer, type TrainConfig, type Trainer, type TrainingData } from '../train.ts';
import type { Hyper, Optimizer } from '../../optim/types.ts';

export type BackendChoice = 'auto' | 'wasm' | 'ts';

export async function pickBackend(choice: BackendChoice, arena?: WasmArena): Promise<KernelBackend> {
  const wasm = () => (arena ? createWasmBackend(arena.floats, arena.scratchFloats) : createWasmBackend());
  if (choice === 'wasm') {
    if (!wasmSimdSupported()) throw new Error('this runtime has no WebAssembly SIMD: use --backend ts or auto');
    return wasm();
  }
  if (choice === 'auto' && wasmSimdSupported()) {
    try {
      return await wasm();
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

export async function trainerOn(choice: BackendChoice, data: TrainingData, config: TrainConfig, optimizer: Optimizer, hyper: Hyper): Promise<PlacedTrainer> {
  if (!(choice === 'wasm' || (choice === 'auto' && wasmSimdSupported()))) {
    const ts = createTsBackend();
    return { trainer: createTrainer(data, config, optimizer, hyper, { backend: ts }), backend: ts, notice: null };
  }
  try {
    const backend = await pickBackend('wasm', wasmArena(config.mlp, config.batchSize));
    return { trainer: createTrainer(data, config, optimizer, hyper, { backend }), backend, notice: null };
  } catch (err) {
    if (choice !== 'auto' || !(err instanceof RangeError)) throw err;
    const ts = createTsBackend();
    const notice = `WebAssembly's memory cannot hold ${config.mlp.sizes.join('-')} at batch ${config.batchSize} (${err.message}); trained on TypeScript kernels instead`;
    return { trainer: createTrainer(data, config, optimizer, hyper, { backend: ts }), backend: ts, notice };
  }
}

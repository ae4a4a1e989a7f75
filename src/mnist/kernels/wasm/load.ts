/**
 * Loads the dense kernels' WebAssembly module (dense.as.ts, embedded as base64 in dense.wasm.gen.ts) in
 * exactly the same way in a page, a Web Worker, Node and vitest: no fetch, no file path, no bundler
 * plugin. The module imports its memory, so the caller chooses its size (see wasm-backend.ts).
 */
import { DENSE_WASM_BASE64 } from './dense.wasm.gen.ts';

/** The module's exports; pointers are byte offsets into the imported memory. */
export interface DenseWasmExports {
  /** First byte after the module's static data: allocations start at or above it. */
  heapBase(): number;
  /** Y = X·Wᵀ + b; returns PATH_DENSE, PATH_SPARSE or SCRATCH_TOO_SMALL. */
  forward(x: number, w: number, bias: number, y: number, batch: number, nIn: number, nOut: number, scratch: number, scratchEnd: number): number;
  /** dW = dYᵀ·X, dB = Σ_b dY; returns PATH_DENSE or PATH_SPARSE. */
  gradParams(x: number, dy: number, dw: number, db: number, batch: number, nIn: number, nOut: number, scratch: number, scratchEnd: number): number;
  /** dX = dY·W. */
  gradInput(dy: number, w: number, dx: number, batch: number, nIn: number, nOut: number): void;
  /** x[i] = bytes[i] / 255 for i < n. */
  scaleBytes(bytes: number, x: number, n: number): void;
  /** h = σ(s), n floats. */
  sigmoid(s: number, h: number, n: number): void;
  /** h = tanh s, n floats. */
  tanh(s: number, h: number, n: number): void;
}

/** Return codes of forward and gradParams (constants of dense.as.ts). */
export const PATH_DENSE = 0;
export const PATH_SPARSE = 1;
export const SCRATCH_TOO_SMALL = -1;

let bytes: Uint8Array<ArrayBuffer> | null = null;
let compiled: Promise<WebAssembly.Module> | null = null;

export function denseWasmBytes(): Uint8Array<ArrayBuffer> {
  bytes ??= Uint8Array.from(atob(DENSE_WASM_BASE64), (c) => c.charCodeAt(0));
  return bytes;
}

/**
 * True where this engine can run the kernels. Validating the kernel module itself checks every feature it
 * uses (128-bit SIMD, bulk memory), rather than a proxy module; where false, use the TypeScript backend.
 */
export function wasmSimdSupported(): boolean {
  return typeof WebAssembly === 'object' && typeof WebAssembly.validate === 'function' && WebAssembly.validate(denseWasmBytes());
}

/** Instantiates the kernels over `memory`; the module is compiled once per realm (page, worker, process). */
export async function instantiateDenseKernels(memory: WebAssembly.Memory): Promise<DenseWasmExports> {
  compiled ??= WebAssembly.compile(denseWasmBytes());
  const instance = await WebAssembly.instantiate(await compiled, { env: { memory } });
  return instance.exports as unknown as DenseWasmExports;
}

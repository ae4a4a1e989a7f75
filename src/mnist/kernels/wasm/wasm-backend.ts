/**
 * KernelBackend (src/mnist/kernels/types.ts) in WebAssembly SIMD, with zero-copy buffers: alloc hands out
 * Float32Array views into the module's linear memory, so the network's activations and the packed
 * parameters the optimizers update live where the kernels read them. It also has the contract's optional
 * members: allocBytes/scaleBytes (a batch's pixel bytes scaled in wasm) and activations (sigmoid, tanh).
 *
 * Memory: ONE WebAssembly.Memory with initial = maximum size, created before any view exists. It never
 * grows, so no view is ever detached, and alloc may be called at any time. Layout, in bytes:
 *   [0, heapBase) the module's static data | `floats` for alloc, bump pointer, 16-byte aligned |
 *   scratch (≥ `scratchFloats`, up to the page end): Wᵀ, dWᵀ and non-zero lists, rewritten by every call.
 * The default net at batch 128 needs ~0.4 M floats of buffers and ~0.2 M of scratch. A scratch too small
 * for a layer's Wᵀ is an error; one too small for the non-zero lists only costs the dense path.
 */
import type { DenseKernels, KernelBackend } from '../types.ts';
import { instantiateDenseKernels, SCRATCH_TOO_SMALL } from './load.ts';

export const DEFAULT_FLOATS = 1 << 22;
export const DEFAULT_SCRATCH_FLOATS = 1 << 21;
const PAGE_BYTES = 65536;
/** 2 GiB: what every engine with wasm SIMD can reserve for one memory. */
const MAX_PAGES = 32768;

function checkCount(value: number, what: string): void {
  if (!(Number.isInteger(value) && value >= 0)) throw new RangeError(`${what} must be a whole number ≥ 0, got ${value}`);
}

function checkDims(batch: number, nIn: number, nOut: number): void {
  if (!(Number.isInteger(batch) && batch > 0 && Number.isInteger(nIn) && nIn > 0 && Number.isInteger(nOut) && nOut > 0)) {
    throw new RangeError(`dense kernel shape must be positive integers, got batch ${batch}, nIn ${nIn}, nOut ${nOut}`);
  }
}

export async function createWasmBackend(floats = DEFAULT_FLOATS, scratchFloats = DEFAULT_SCRATCH_FLOATS): Promise<KernelBackend> {
  checkCount(floats, 'floats');
  checkCount(scratchFloats, 'scratchFloats');
  // One spare page holds the module's static data (below heapBase).
  const pages = 1 + Math.ceil(((floats + scratchFloats) * 4) / PAGE_BYTES);
  if (pages > MAX_PAGES) throw new RangeError(`wasm backend of ${floats} + ${scratchFloats} floats exceeds ${MAX_PAGES * PAGE_BYTES} bytes`);
  const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
  const wasm = await instantiateDenseKernels(memory);
  const start = (wasm.heapBase() + 15) & ~15;
  const allocEnd = start + floats * 4;
  const scratch = (allocEnd + 15) & ~15;
  const memoryEnd = memory.buffer.byteLength;
  let next = start;

  /** Byte offset of `bytes` fresh bytes from the alloc region. */
  function reserve(bytes: number, what: string): number {
    const at = (next + 15) & ~15; // fresh memory is zero, and kernels never write below `scratch`
    if (at + bytes > allocEnd) {
      throw new RangeError(`wasm backend: ${what} exceeds its ${floats} floats; create it with more (createWasmBackend(floats))`);
    }
    next = at + bytes;
    return at;
  }

  function alloc(length: number): Float32Array {
    checkCount(length, 'alloc length');
    return new Float32Array(memory.buffer, reserve(length * 4, `alloc(${length})`), length);
  }

  function allocBytes(length: number): Uint8Array {
    checkCount(length, 'allocBytes length');
    return new Uint8Array(memory.buffer, reserve(length, `allocBytes(${length})`), length);
  }

  function scaleBytes(bytes: Uint8Array, X: Float32Array, length: number): void {
    checkCount(length, 'scaleBytes length');
    if (bytes.buffer !== memory.buffer) throw new Error('wasm backend: bytes is not a view from this backend\'s allocBytes');
    if (bytes.length < length) throw new RangeError(`wasm backend: bytes has ${bytes.length} entries, scaleBytes needs ${length}`);
    wasm.scaleBytes(bytes.byteOffset, pointer(X, length, 'X'), length);
  }

  /** Byte offset of a view into this backend's memory, after checking it is one and is long enough. */
  function pointer(a: Float32Array, needed: number, what: string): number {
    if (a.buffer !== memory.buffer) throw new Error(`wasm backend: ${what} is not a view from this backend's alloc`);
    if (a.length < needed) throw new RangeError(`wasm backend: ${what} has ${a.length} floats, the shape needs ${needed}`);
    return a.byteOffset;
  }

  function checkScratch(code: number, nIn: number, nOut: number): void {
    if (code === SCRATCH_TOO_SMALL) {
      throw new RangeError(`wasm backend: scratch too small for a ${nOut}×${nIn} layer; create it with more scratchFloats`);
    }
  }

  const dense: DenseKernels = {
    forward(X, W, bias, Y, batch, nIn, nOut) {
      checkDims(batch, nIn, nOut);
      const code = wasm.forward(
        pointer(X, batch * nIn, 'X'), pointer(W, nOut * nIn, 'W'), pointer(bias, nOut, 'bias'), pointer(Y, batch * nOut, 'Y'),
        batch, nIn, nOut, scratch, memoryEnd,
      );
      checkScratch(code, nIn, nOut);
    },
    gradParams(X, dY, dW, dB, batch, nIn, nOut) {
      checkDims(batch, nIn, nOut);
      const code = wasm.gradParams(
        pointer(X, batch * nIn, 'X'), pointer(dY, batch * nOut, 'dY'), pointer(dW, nOut * nIn, 'dW'), pointer(dB, nOut, 'dB'),
        batch, nIn, nOut, scratch, memoryEnd,
      );
      checkScratch(code, nIn, nOut);
    },
    gradInput(dY, W, dX, batch, nIn, nOut) {
      checkDims(batch, nIn, nOut);
      wasm.gradInput(pointer(dY, batch * nOut, 'dY'), pointer(W, nOut * nIn, 'W'), pointer(dX, batch * nIn, 'dX'), batch, nIn, nOut);
    },
  };

  function elementwise(kernel: (s: number, h: number, n: number) => void) {
    return (S: Float32Array, H: Float32Array, n: number): void => {
      checkCount(n, 'activation length');
      kernel(pointer(S, n, 'S'), pointer(H, n, 'H'), n);
    };
  }
  const activations = { sigmoid: elementwise(wasm.sigmoid), tanh: elementwise(wasm.tanh) };

  return { name: 'wasm-simd', alloc, allocBytes, scaleBytes, activations, dense };
}

/**
 * Dense-layer kernels in WebAssembly SIMD: AssemblyScript source, compiled by `npm run build:wasm`
 * (scripts/build-wasm.ts) into dense.wasm.gen.ts. Contract and layouts: src/mnist/kernels/types.ts
 * (row-major f32; X batch×nIn, W nOut×nIn, Y and dY batch×nOut, dX batch×nIn):
 *   forward     Y = X·Wᵀ + b
 *   gradParams  dW = dYᵀ·X,  dB = Σ_b dY
 *   gradInput   dX = dY·W
 * Every product is one of two shapes, out[r,j] = init[j] + Σ_k C[r,k]·V[k,j]:
 *   - combineRows: dense C, register-tiled 4 rows × 8 columns (8 f32x4 accumulators), no horizontal sums;
 *   - combineRowsSparse: C as a list of its non-zero (k, C[r,k]) pairs per row, 16 columns at a time.
 * forward uses C = X and V = Wᵀ; gradParams uses C = Xᵀ and V = dY, giving dWᵀ; gradInput uses C = dY, V = W.
 * When X is mostly zeros (MNIST pixels: ~80 %), the sparse form skips them, which is exact: a zero input
 * adds 0·w = 0 (for finite w).
 *
 * The module also holds the network's elementwise steps that are too slow in JS (see the end of this file):
 *   scaleBytes  x = bytes/255 (a batch's pixels)      sigmoid, tanh  h = f(s)
 *
 * Pointers are byte offsets into the imported memory, which the JS loader owns; [scratch, scratchEnd) is
 * memory the kernels may overwrite (Wᵀ, dWᵀ, the non-zero lists).
 */

/**
 * Use the sparse form when at most this fraction of X is non-zero. Measured on MNIST (20 % non-zero),
 * 128×784→64: forward 0.21 ms sparse vs 0.88 dense, gradParams 0.27 vs 0.57; the sparse cost grows
 * with the density, so gradParams breaks even near one half.
 */
const SPARSE_MAX_DENSITY: f64 = 0.5;

const PATH_DENSE: i32 = 0;
const PATH_SPARSE: i32 = 1;
const SCRATCH_TOO_SMALL: i32 = -1;

export function heapBase(): usize {
  return __heap_base;
}

/** Y = X·Wᵀ + b. Returns PATH_DENSE or PATH_SPARSE, or SCRATCH_TOO_SMALL (nothing written) if Wᵀ does not fit. */
export function forward(x: usize, w: usize, bias: usize, y: usize, batch: i32, nIn: i32, nOut: i32, scratch: usize, scratchEnd: usize): i32 {
  const wt = align16(scratch);
  const wtEnd = wt + <usize>nIn * <usize>nOut * 4;
  if (wtEnd > scratchEnd) return SCRATCH_TOO_SMALL;
  transpose(w, nOut, nIn, wt);
  const rowBytes = <usize>nOut << 2;
  const nnz = countNonZero(x, batch * nIn);
  const rowPtr = align16(wtEnd);
  const pairs = align16(rowPtr + (<usize>batch + 1) * 4);
  if (isSparse(nnz, batch * nIn) && pairs + <usize>nnz * 8 <= scratchEnd) {
    sparseRows(x, batch, nIn, rowBytes, rowPtr, pairs);
    combineRowsSparse(rowPtr, pairs, wt, bias, true, y, rowBytes, batch, nOut);
    return PATH_SPARSE;
  }
  combineRows(x, <usize>nIn << 2, 4, wt, rowBytes, bias, true, y, rowBytes, batch, nIn, nOut);
  return PATH_DENSE;
}

/** dW = dYᵀ·X (overwritten), dB = Σ_b dY (overwritten). Return codes as forward. */
export function gradParams(x: usize, dy: usize, dw: usize, db: usize, batch: i32, nIn: i32, nOut: i32, scratch: usize, scratchEnd: usize): i32 {
  columnSums(dy, batch, nOut, db);
  const rowBytes = <usize>nOut << 2;
  const nnz = countNonZero(x, batch * nIn);
  const dwt = align16(scratch);
  const rowPtr = align16(dwt + <usize>nIn * <usize>nOut * 4);
  const rowPairs = align16(rowPtr + (<usize>batch + 1) * 4);
  const colPtr = align16(rowPairs + <usize>nnz * 8);
  const pairs = align16(colPtr + (<usize>nIn + 1) * 4);
  if (isSparse(nnz, batch * nIn) && pairs + <usize>nnz * 8 <= scratchEnd) {
    sparseRows(x, batch, nIn, 1, rowPtr, rowPairs);
    sparseColumns(rowPtr, rowPairs, batch, nIn, rowBytes, colPtr, pairs);
    combineRowsSparse(colPtr, pairs, dy, 0, false, dwt, rowBytes, nIn, nOut);
    transpose(dwt, nIn, nOut, dw);
    return PATH_SPARSE;
  }
  combineRows(dy, 4, rowBytes, x, <usize>nIn << 2, 0, false, dw, <usize>nIn << 2, nOut, batch, nIn);
  return PATH_DENSE;
}

/** dX = dY·W (overwritten). */
export function gradInput(dy: usize, w: usize, dx: usize, batch: i32, nIn: i32, nOut: i32): void {
  combineRows(dy, <usize>nOut << 2, 4, w, <usize>nIn << 2, 0, false, dx, <usize>nIn << 2, batch, nOut, nIn);
}

@inline function align16(p: usize): usize {
  return (p + 15) & ~(<usize>15);
}

@inline function isSparse(nnz: i32, total: i32): bool {
  return <f64>nnz <= SPARSE_MAX_DENSITY * <f64>total;
}

@inline function fma(acc: v128, s: v128, v: v128): v128 {
  return f32x4.add(acc, f32x4.mul(s, v));
}

/** Number of non-zero floats among n at p (NaN counts as non-zero, so it propagates). */
function countNonZero(p: usize, n: i32): i32 {
  const zero = f32x4.splat(0);
  let counts = i32x4.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    // f32x4.ne gives -1 in each non-zero lane
    counts = i32x4.sub(counts, f32x4.ne(v128.load(p + (<usize>i << 2)), zero));
  }
  let n0 = i32x4.extract_lane(counts, 0) + i32x4.extract_lane(counts, 1) + i32x4.extract_lane(counts, 2) + i32x4.extract_lane(counts, 3);
  for (; i < n; i++) if (load<f32>(p + (<usize>i << 2)) != 0) n0++;
  return n0;
}

/** dst (cols×rows) = srcᵀ (src rows×cols), in 4×4 SIMD blocks with scalar edges. */
function transpose(src: usize, rows: i32, cols: i32, dst: usize): void {
  const srcRow = <usize>cols << 2;
  const dstRow = <usize>rows << 2;
  let r = 0;
  for (; r + 4 <= rows; r += 4) {
    let c = 0;
    for (; c + 4 <= cols; c += 4) {
      const s = src + <usize>r * srcRow + (<usize>c << 2);
      const a = v128.load(s), b = v128.load(s + srcRow), e = v128.load(s + 2 * srcRow), f = v128.load(s + 3 * srcRow);
      const ab01 = v128.shuffle<f32>(a, b, 0, 4, 1, 5), ab23 = v128.shuffle<f32>(a, b, 2, 6, 3, 7);
      const ef01 = v128.shuffle<f32>(e, f, 0, 4, 1, 5), ef23 = v128.shuffle<f32>(e, f, 2, 6, 3, 7);
      const d = dst + <usize>c * dstRow + (<usize>r << 2);
      v128.store(d, v128.shuffle<f32>(ab01, ef01, 0, 1, 4, 5));
      v128.store(d + dstRow, v128.shuffle<f32>(ab01, ef01, 2, 3, 6, 7));
      v128.store(d + 2 * dstRow, v128.shuffle<f32>(ab23, ef23, 0, 1, 4, 5));
      v128.store(d + 3 * dstRow, v128.shuffle<f32>(ab23, ef23, 2, 3, 6, 7));
    }
    for (; c < cols; c++) {
      for (let k = r; k < r + 4; k++) {
        store<f32>(dst + <usize>c * dstRow + (<usize>k << 2), load<f32>(src + <usize>k * srcRow + (<usize>c << 2)));
      }
    }
  }
  for (; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      store<f32>(dst + <usize>c * dstRow + (<usize>r << 2), load<f32>(src + <usize>r * srcRow + (<usize>c << 2)));
    }
  }
}

/** out[j] = Σ_r m[r,j] for m rows×cols. */
function columnSums(m: usize, rows: i32, cols: i32, out: usize): void {
  const rowBytes = <usize>cols << 2;
  let j = 0;
  for (; j + 4 <= cols; j += 4) {
    let acc = f32x4.splat(0);
    let p = m + (<usize>j << 2);
    for (let r = 0; r < rows; r++, p += rowBytes) acc = f32x4.add(acc, v128.load(p));
    v128.store(out + (<usize>j << 2), acc);
  }
  for (; j < cols; j++) {
    let s: f32 = 0;
    let p = m + (<usize>j << 2);
    for (let r = 0; r < rows; r++, p += rowBytes) s += load<f32>(p);
    store<f32>(out + (<usize>j << 2), s);
  }
}

/**
 * out[r,j] = init[j] + Σ_{k<K} C[r,k]·V[k,j] for r < rows, j < cols, with C[r,k] at c + r·cr + k·ck,
 * V row k at v + k·vk and out row r at out + r·outRow (all strides in bytes; init is skipped if !hasInit).
 */
function combineRows(c: usize, cr: usize, ck: usize, v: usize, vk: usize, init: usize, hasInit: bool, out: usize, outRow: usize, rows: i32, K: i32, cols: i32): void {
  let r = 0;
  for (; r + 4 <= rows; r += 4) {
    const c0 = c + <usize>r * cr;
    const o0 = out + <usize>r * outRow;
    let j = 0;
    for (; j + 8 <= cols; j += 8) {
      const jb = <usize>j << 2;
      const i0 = hasInit ? v128.load(init + jb) : f32x4.splat(0);
      const i1 = hasInit ? v128.load(init + jb, 16) : f32x4.splat(0);
      let a0 = i0, a1 = i1, b0 = i0, b1 = i1, d0 = i0, d1 = i1, e0 = i0, e1 = i1;
      let cp = c0;
      let vp = v + jb;
      for (let k = 0; k < K; k++, cp += ck, vp += vk) {
        const v0 = v128.load(vp), v1 = v128.load(vp, 16);
        let s = f32x4.splat(load<f32>(cp));
        a0 = fma(a0, s, v0); a1 = fma(a1, s, v1);
        s = f32x4.splat(load<f32>(cp + cr));
        b0 = fma(b0, s, v0); b1 = fma(b1, s, v1);
        s = f32x4.splat(load<f32>(cp + 2 * cr));
        d0 = fma(d0, s, v0); d1 = fma(d1, s, v1);
        s = f32x4.splat(load<f32>(cp + 3 * cr));
        e0 = fma(e0, s, v0); e1 = fma(e1, s, v1);
      }
      const o = o0 + jb;
      v128.store(o, a0); v128.store(o, a1, 16);
      v128.store(o + outRow, b0); v128.store(o + outRow, b1, 16);
      v128.store(o + 2 * outRow, d0); v128.store(o + 2 * outRow, d1, 16);
      v128.store(o + 3 * outRow, e0); v128.store(o + 3 * outRow, e1, 16);
    }
    for (; j + 4 <= cols; j += 4) {
      const jb = <usize>j << 2;
      const i0 = hasInit ? v128.load(init + jb) : f32x4.splat(0);
      let a = i0, b = i0, d = i0, e = i0;
      let cp = c0;
      let vp = v + jb;
      for (let k = 0; k < K; k++, cp += ck, vp += vk) {
        const v0 = v128.load(vp);
        a = fma(a, f32x4.splat(load<f32>(cp)), v0);
        b = fma(b, f32x4.splat(load<f32>(cp + cr)), v0);
        d = fma(d, f32x4.splat(load<f32>(cp + 2 * cr)), v0);
        e = fma(e, f32x4.splat(load<f32>(cp + 3 * cr)), v0);
      }
      const o = o0 + jb;
      v128.store(o, a); v128.store(o + outRow, b); v128.store(o + 2 * outRow, d); v128.store(o + 3 * outRow, e);
    }
    for (; j < cols; j++) {
      const jb = <usize>j << 2;
      const i0: f32 = hasInit ? load<f32>(init + jb) : 0;
      let a = i0, b = i0, d = i0, e = i0;
      let cp = c0;
      let vp = v + jb;
      for (let k = 0; k < K; k++, cp += ck, vp += vk) {
        const v0 = load<f32>(vp);
        a += load<f32>(cp) * v0;
        b += load<f32>(cp + cr) * v0;
        d += load<f32>(cp + 2 * cr) * v0;
        e += load<f32>(cp + 3 * cr) * v0;
      }
      const o = o0 + jb;
      store<f32>(o, a); store<f32>(o + outRow, b); store<f32>(o + 2 * outRow, d); store<f32>(o + 3 * outRow, e);
    }
  }
  for (; r < rows; r++) {
    const c0 = c + <usize>r * cr;
    const o0 = out + <usize>r * outRow;
    let j = 0;
    for (; j + 8 <= cols; j += 8) {
      const jb = <usize>j << 2;
      let a0 = hasInit ? v128.load(init + jb) : f32x4.splat(0);
      let a1 = hasInit ? v128.load(init + jb, 16) : f32x4.splat(0);
      let cp = c0;
      let vp = v + jb;
      for (let k = 0; k < K; k++, cp += ck, vp += vk) {
        const s = f32x4.splat(load<f32>(cp));
        a0 = fma(a0, s, v128.load(vp)); a1 = fma(a1, s, v128.load(vp, 16));
      }
      v128.store(o0 + jb, a0); v128.store(o0 + jb, a1, 16);
    }
    for (; j + 4 <= cols; j += 4) {
      const jb = <usize>j << 2;
      let a = hasInit ? v128.load(init + jb) : f32x4.splat(0);
      let cp = c0;
      let vp = v + jb;
      for (let k = 0; k < K; k++, cp += ck, vp += vk) a = fma(a, f32x4.splat(load<f32>(cp)), v128.load(vp));
      v128.store(o0 + jb, a);
    }
    for (; j < cols; j++) {
      const jb = <usize>j << 2;
      let a: f32 = hasInit ? load<f32>(init + jb) : 0;
      let cp = c0;
      let vp = v + jb;
      for (let k = 0; k < K; k++, cp += ck, vp += vk) a += load<f32>(cp) * load<f32>(vp);
      store<f32>(o0 + jb, a);
    }
  }
}

/**
 * Non-zero lists of the rows of m (rows×cols): row r's pairs are pairs[ptr[r] .. ptr[r+1]), each pair
 * (k·vk: u32 byte offset of V's row k, value: f32), so the sparse product needs no multiply per entry.
 */
function sparseRows(m: usize, rows: i32, cols: i32, vk: usize, ptr: usize, pairs: usize): void {
  const zero = f32x4.splat(0);
  let q = pairs;
  for (let r = 0; r < rows; r++) {
    store<u32>(ptr + (<usize>r << 2), <u32>((q - pairs) >> 3));
    const row = m + <usize>r * (<usize>cols << 2);
    let j = 0;
    // 16 entries at a time: a bit per non-zero entry, then one iteration per set bit (no per-entry branch).
    for (; j + 16 <= cols; j += 16) {
      const p = row + (<usize>j << 2);
      let bits = i32x4.bitmask(f32x4.ne(v128.load(p), zero))
        | (i32x4.bitmask(f32x4.ne(v128.load(p, 16), zero)) << 4)
        | (i32x4.bitmask(f32x4.ne(v128.load(p, 32), zero)) << 8)
        | (i32x4.bitmask(f32x4.ne(v128.load(p, 48), zero)) << 12);
      while (bits != 0) {
        const l = <usize>ctz(bits);
        store<u32>(q, <u32>((<usize>j + l) * vk));
        store<f32>(q, load<f32>(p + (l << 2)), 4);
        q += 8;
        bits &= bits - 1;
      }
    }
    for (; j < cols; j++) {
      const e = load<f32>(row + (<usize>j << 2));
      if (e != 0) { store<u32>(q, <u32>(<usize>j * vk)); store<f32>(q, e, 4); q += 8; }
    }
  }
  store<u32>(ptr + (<usize>rows << 2), <u32>((q - pairs) >> 3));
}

/**
 * Non-zero lists of the columns of m (rows×cols), i.e. of the rows of mᵀ, in the format of sparseRows,
 * built from m's row lists (rowPtr, rowPairs, made with vk = 1 so each pair holds its column j) by a
 * counting sort on j: ptr[j+1] = count(j), prefix sums, then ptr[j] serves as column j's write cursor.
 */
function sparseColumns(rowPtr: usize, rowPairs: usize, rows: i32, cols: i32, vk: usize, ptr: usize, pairs: usize): void {
  memory.fill(ptr, 0, (<usize>cols + 1) << 2);
  const rowEnd = rowPairs + (<usize>load<u32>(rowPtr + (<usize>rows << 2)) << 3);
  for (let q = rowPairs; q < rowEnd; q += 8) {
    const cnt = ptr + ((<usize>load<u32>(q) + 1) << 2);
    store<u32>(cnt, load<u32>(cnt) + 1);
  }
  for (let j = 0; j < cols; j++) {
    const next = ptr + (<usize>(j + 1) << 2);
    store<u32>(next, load<u32>(next) + load<u32>(next - 4));
  }
  for (let r = 0; r < rows; r++) {
    const q1 = rowPairs + (<usize>load<u32>(rowPtr + (<usize>(r + 1) << 2)) << 3);
    const vOffset = <u32>(<usize>r * vk);
    for (let q = rowPairs + (<usize>load<u32>(rowPtr + (<usize>r << 2)) << 3); q < q1; q += 8) {
      const cursor = ptr + (<usize>load<u32>(q) << 2);
      const at = load<u32>(cursor);
      const dst = pairs + (<usize>at << 3);
      store<u32>(dst, vOffset);
      store<f32>(dst, load<f32>(q, 4), 4);
      store<u32>(cursor, at + 1);
    }
  }
  // Each cursor now holds its column's end, i.e. the next column's start: shift back by one.
  for (let j = cols; j > 0; j--) store<u32>(ptr + (<usize>j << 2), load<u32>(ptr + (<usize>(j - 1) << 2)));
  store<u32>(ptr, 0);
}

/** out[r,j] = init[j] + Σ_{(o, s) ∈ pairs of row r} s·V[o + 4j] (o is a byte offset into V); out row stride outRow. */
function combineRowsSparse(ptr: usize, pairs: usize, v: usize, init: usize, hasInit: bool, out: usize, outRow: usize, rows: i32, cols: i32): void {
  for (let r = 0; r < rows; r++) {
    const p0 = pairs + (<usize>load<u32>(ptr + (<usize>r << 2)) << 3);
    const p1 = pairs + (<usize>load<u32>(ptr + (<usize>(r + 1) << 2)) << 3);
    const o0 = out + <usize>r * outRow;
    let j = 0;
    for (; j + 16 <= cols; j += 16) {
      const jb = <usize>j << 2;
      let a0 = hasInit ? v128.load(init + jb) : f32x4.splat(0);
      let a1 = hasInit ? v128.load(init + jb, 16) : f32x4.splat(0);
      let a2 = hasInit ? v128.load(init + jb, 32) : f32x4.splat(0);
      let a3 = hasInit ? v128.load(init + jb, 48) : f32x4.splat(0);
      const vj = v + jb;
      for (let p = p0; p < p1; p += 8) {
        const s = f32x4.splat(load<f32>(p, 4));
        const row = vj + <usize>load<u32>(p);
        a0 = fma(a0, s, v128.load(row)); a1 = fma(a1, s, v128.load(row, 16));
        a2 = fma(a2, s, v128.load(row, 32)); a3 = fma(a3, s, v128.load(row, 48));
      }
      const o = o0 + jb;
      v128.store(o, a0); v128.store(o, a1, 16); v128.store(o, a2, 32); v128.store(o, a3, 48);
    }
    for (; j + 4 <= cols; j += 4) {
      const jb = <usize>j << 2;
      let a = hasInit ? v128.load(init + jb) : f32x4.splat(0);
      const vj = v + jb;
      for (let p = p0; p < p1; p += 8) a = fma(a, f32x4.splat(load<f32>(p, 4)), v128.load(vj + <usize>load<u32>(p)));
      v128.store(o0 + jb, a);
    }
    for (; j < cols; j++) {
      const jb = <usize>j << 2;
      let a: f32 = hasInit ? load<f32>(init + jb) : 0;
      const vj = v + jb;
      for (let p = p0; p < p1; p += 8) a += load<f32>(p, 4) * load<f32>(vj + <usize>load<u32>(p));
      store<f32>(o0 + jb, a);
    }
  }
}

/**
 * x[i] = bytes[i] / 255 for i < n (pixel bytes to floats, 16 at a time). The f32 division is correctly
 * rounded, and with b and 255 exact in f32 it equals Math.fround(b / 255): double rounding through f64 is
 * innocuous for a quotient of f32 values (53 ≥ 2·24 + 2 bits).
 */
export function scaleBytes(bytes: usize, x: usize, n: i32): void {
  const k = f32x4.splat(255);
  let i = 0;
  for (; i + 16 <= n; i += 16) {
    const b = v128.load(bytes + <usize>i);
    const lo = i16x8.extend_low_i8x16_u(b), hi = i16x8.extend_high_i8x16_u(b);
    const o = x + (<usize>i << 2);
    v128.store(o, f32x4.div(f32x4.convert_i32x4_u(i32x4.extend_low_i16x8_u(lo)), k));
    v128.store(o, f32x4.div(f32x4.convert_i32x4_u(i32x4.extend_high_i16x8_u(lo)), k), 16);
    v128.store(o, f32x4.div(f32x4.convert_i32x4_u(i32x4.extend_low_i16x8_u(hi)), k), 32);
    v128.store(o, f32x4.div(f32x4.convert_i32x4_u(i32x4.extend_high_i16x8_u(hi)), k), 48);
  }
  for (; i < n; i++) store<f32>(x + (<usize>i << 2), <f32>load<u8>(bytes + <usize>i) / 255);
}

/*
 * Activations, 4 lanes at a time (scalar tail through the same lane code). e^x is Cephes' expf: n = round(x·log₂e),
 * r = x − n·ln2 (ln2 split in two for exactness), e^r by its degree-7 polynomial, times 2ⁿ built in the exponent
 * bits; x is clamped to [−87.3, 88.37] so 2ⁿ stays a normal float (relative error ≈ 2 ulp inside the range).
 * NaN propagates (f32x4.min/max return NaN), so a diverged network still shows a non-finite loss.
 */
const EXP_HI: f32 = 88.3762626647949;
const EXP_LO: f32 = -87.3;

@inline function expLanes(x0: v128): v128 {
  const x = f32x4.min(f32x4.max(x0, f32x4.splat(EXP_LO)), f32x4.splat(EXP_HI));
  const n = f32x4.nearest(f32x4.mul(x, f32x4.splat(1.44269504088896341)));
  const r = f32x4.sub(f32x4.sub(x, f32x4.mul(n, f32x4.splat(0.693359375))), f32x4.mul(n, f32x4.splat(-2.12194440e-4)));
  let p = f32x4.splat(1.9875691500e-4);
  p = fma(f32x4.splat(1.3981999507e-3), p, r);
  p = fma(f32x4.splat(8.3334519073e-3), p, r);
  p = fma(f32x4.splat(4.1665795894e-2), p, r);
  p = fma(f32x4.splat(1.6666665459e-1), p, r);
  p = fma(f32x4.splat(5.0000001201e-1), p, r);
  const e = f32x4.add(fma(r, p, f32x4.mul(r, r)), f32x4.splat(1));
  const scale = i32x4.shl(i32x4.add(i32x4.trunc_sat_f32x4_s(n), i32x4.splat(127)), 23);
  return f32x4.mul(e, scale);
}

/** σ(s) = 1/(1 + e^(−s)) */
@inline function sigmoidLanes(s: v128): v128 {
  const one = f32x4.splat(1);
  return f32x4.div(one, f32x4.add(one, expLanes(f32x4.neg(s))));
}

/**
 * tanh s = sign(s)·t(|s|): Cephes' tanhf, t(a) = a + a·z·P(z) with z = a² for a < 0.625 (no cancellation near 0),
 * else 1 − 2/(e^(2a) + 1).
 */
@inline function tanhLanes(s: v128): v128 {
  const a = f32x4.abs(s);
  const z = f32x4.mul(a, a);
  let p = f32x4.splat(-5.70498872745e-3);
  p = fma(f32x4.splat(2.06390887954e-2), p, z);
  p = fma(f32x4.splat(-5.37397155531e-2), p, z);
  p = fma(f32x4.splat(1.33314422036e-1), p, z);
  p = fma(f32x4.splat(-3.33332819422e-1), p, z);
  const small = fma(a, f32x4.mul(a, z), p);
  const one = f32x4.splat(1);
  const large = f32x4.sub(one, f32x4.div(f32x4.splat(2), f32x4.add(expLanes(f32x4.add(a, a)), one)));
  const t = v128.bitselect(small, large, f32x4.lt(a, f32x4.splat(0.625)));
  // sign of s onto t (t ≥ 0; NaN stays NaN)
  return v128.or(t, v128.and(s, f32x4.splat(-0.0)));
}

/** h[i] = σ(s[i]) for i < n (h may be s). */
export function sigmoid(s: usize, h: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) v128.store(h + (<usize>i << 2), sigmoidLanes(v128.load(s + (<usize>i << 2))));
  for (; i < n; i++) store<f32>(h + (<usize>i << 2), f32x4.extract_lane(sigmoidLanes(f32x4.splat(load<f32>(s + (<usize>i << 2)))), 0));
}

/** h[i] = tanh s[i] for i < n (h may be s). */
export function tanh(s: usize, h: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) v128.store(h + (<usize>i << 2), tanhLanes(v128.load(s + (<usize>i << 2))));
  for (; i < n; i++) store<f32>(h + (<usize>i << 2), f32x4.extract_lane(tanhLanes(f32x4.splat(load<f32>(s + (<usize>i << 2)))), 0));
}

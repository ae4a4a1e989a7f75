/**
 * PCA directions of the training paths (Li et al. 2018, §7): the top two right singular vectors of the
 * uncentred matrix X whose k rows are the checkpoint deltas θ − θ₀ of all runs together.
 * Through the k × k Gram matrix G = X Xᵀ (k is a few hundred, the parameters tens of thousands):
 *   G v = λ v  ⇒  u = Xᵀ v / √λ  is a unit right singular vector of X with singular value √λ,
 *   explained-variance ratio of u = λ / trace(G)  (uncentred: variance about θ₀, not about the mean).
 * The two largest eigenpairs come from power iteration on G, then on G − λ₁ v₁ v₁ᵀ (deflation).
 * Signs are fixed so that each direction's largest-magnitude coordinate over the checkpoints is positive.
 * The rows are read through a RowSource a block of ROW_BLOCK rows at a time, so X is never stored whole:
 * deltaRows computes θ − θ₀ from the checkpoints as it goes (rounded to Float32, as a Float32 copy of the
 * deltas would hold them), which keeps the checkpoints (up to 32 MiB, checkpoints.ts) from being copied again.
 * When the deltas span one direction only (one run moving along a line), the second axis is a seeded
 * Gaussian direction orthogonalised against the first, with explained ratio 0.
 */
import { createRng } from '../../run/random.ts';

export interface PcaDirections {
  readonly d1: Float64Array;
  readonly d2: Float64Array;
  readonly explained: readonly [number, number];
}

/** The rows of X, filled on demand into a caller's buffer: `fill(i, out)` writes row i (length `length`). */
export interface RowSource {
  readonly count: number;
  readonly length: number;
  fill(i: number, out: Float64Array): void;
}

/** Rows given as arrays (tests, small cases). */
export function arrayRows(rows: readonly ArrayLike<number>[]): RowSource {
  return { count: rows.length, length: rows.length ? rows[0].length : 0, fill: (i, out) => out.set(rows[i]) };
}

/** The deltas θ − θ₀ of the checkpoints, each rounded to Float32 (the network's element type). */
export function deltaRows(theta0: Float32Array, checkpoints: readonly Float32Array[]): RowSource {
  return {
    count: checkpoints.length,
    length: theta0.length,
    fill: (i, out) => {
      const c = checkpoints[i];
      for (let p = 0; p < theta0.length; p++) out[p] = Math.fround(c[p] - theta0[p]);
    },
  };
}

/** Rows held at once while the Gram matrix is formed (two blocks of this many), and coordinates per tile. */
const ROW_BLOCK = 16;
const COLUMN_TILE = 1024;
const MAX_ITERATIONS = 20_000;
const TOLERANCE = 1e-13;
/** Relative to λ₁, an eigenvalue below this is rounding noise. */
const RANK_EPS = 1e-10;

/**
 * G = X Xᵀ, in tiles: ROW_BLOCK rows against ROW_BLOCK rows over COLUMN_TILE coordinates at a time, so the
 * tile stays in cache. Each dot product carries its running sum from tile to tile (kept in G), so it still
 * sums the coordinates in order: the same value as one pass over the whole rows. Step-wise, one pair of row
 * blocks per unit (a race of seven's 147 deltas: 55 units of ~15 ms), so a worker can report progress
 * and read a cancel between units.
 */
export interface GramJob {
  /** Units in all (pairs of row blocks). */
  readonly units: number;
  /** Runs one unit; true once G is complete (then G is symmetric). */
  step(): boolean;
  readonly G: Float64Array;
}

export function gramJob(rows: RowSource): GramJob {
  const k = rows.count;
  const n = rows.length;
  const G = new Float64Array(k * k);
  const blocks = Math.ceil(k / ROW_BLOCK);
  const pairs: [number, number][] = [];
  for (let bi = 0; bi < blocks; bi++) for (let bj = 0; bj <= bi; bj++) pairs.push([bi * ROW_BLOCK, bj * ROW_BLOCK]);
  const mine = Array.from({ length: Math.min(k, ROW_BLOCK) }, () => new Float64Array(n));
  const theirs = Array.from({ length: Math.min(k, ROW_BLOCK) }, () => new Float64Array(n));
  let filled = -1;
  const blockOf = (from: number, buffer: Float64Array[]): Float64Array[] => {
    const to = Math.min(k, from + ROW_BLOCK);
    for (let i = from; i < to; i++) rows.fill(i, buffer[i - from]);
    return buffer.slice(0, to - from);
  };
  let A: Float64Array[] = [];
  let done = 0;
  const complete = () => {
    if (done < pairs.length) return false;
    for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) G[j * k + i] = G[i * k + j];
    return true;
  };
  return {
    units: pairs.length,
    G,
    step() {
      if (done >= pairs.length) return true;
      const [bi, bj] = pairs[done++];
      if (filled !== bi) {
        A = blockOf(bi, mine);
        filled = bi;
      }
      const B = bj === bi ? A : blockOf(bj, theirs);
      for (let from = 0; from < n; from += COLUMN_TILE) {
        const to = Math.min(n, from + COLUMN_TILE);
        for (let i = bi; i < bi + A.length; i++) dotsInto(G, k, i, A[i - bi], B, bj, Math.min(bj + B.length, i + 1), from, to);
      }
      return complete();
    },
  };
}

/** G[i][j] += a · B[j] over coordinates [from, to), for j in [bj, end): four rows of B per pass over a. */
function dotsInto(G: Float64Array, k: number, i: number, a: Float64Array, B: Float64Array[], bj: number, end: number, from: number, to: number): void {
  let j = bj;
  for (; j + 4 <= end; j += 4) {
    const b0 = B[j - bj];
    const b1 = B[j + 1 - bj];
    const b2 = B[j + 2 - bj];
    const b3 = B[j + 3 - bj];
    let s0 = G[i * k + j];
    let s1 = G[i * k + j + 1];
    let s2 = G[i * k + j + 2];
    let s3 = G[i * k + j + 3];
    for (let p = from; p < to; p++) {
      const x = a[p];
      s0 += x * b0[p];
      s1 += x * b1[p];
      s2 += x * b2[p];
      s3 += x * b3[p];
    }
    G[i * k + j] = s0;
    G[i * k + j + 1] = s1;
    G[i * k + j + 2] = s2;
    G[i * k + j + 3] = s3;
  }
  for (; j < end; j++) {
    const b = B[j - bj];
    let s = G[i * k + j];
    for (let p = from; p < to; p++) s += a[p] * b[p];
    G[i * k + j] = s;
  }
}

/** The largest eigenpair of the symmetric positive semi-definite k × k matrix G (row-major), by power iteration. */
export function topEigenpair(G: Float64Array, k: number, seed = 1): { value: number; vector: Float64Array } {
  const rng = createRng(seed);
  let v = new Float64Array(k).map(() => rng.normal());
  let w = new Float64Array(k);
  let value = 0;
  normalise(v);
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    for (let i = 0; i < k; i++) {
      let s = 0;
      for (let j = 0; j < k; j++) s += G[i * k + j] * v[j];
      w[i] = s;
    }
    value = normalise(w);
    if (value === 0) return { value: 0, vector: v };
    let change = 0;
    for (let i = 0; i < k; i++) change = Math.max(change, Math.abs(w[i] - v[i]));
    [v, w] = [w, v];
    if (change < TOLERANCE) break;
  }
  return { value, vector: v };
}

function normalise(v: Float64Array): number {
  let s = 0;
  for (const x of v) s += x * x;
  const n = Math.sqrt(s);
  if (n > 0) for (let i = 0; i < v.length; i++) v[i] /= n;
  return n;
}

/** u = Xᵀ v / √λ, signed so that its largest |coordinate| over the rows (= √λ·v) is positive. */
function rightVector(rows: RowSource, v: Float64Array, value: number): Float64Array {
  let big = 0;
  for (let i = 1; i < v.length; i++) if (Math.abs(v[i]) > Math.abs(v[big])) big = i;
  const scale = (v[big] < 0 ? -1 : 1) / Math.sqrt(value);
  const n = rows.length;
  const u = new Float64Array(n);
  const row = new Float64Array(n);
  for (let i = 0; i < rows.count; i++) {
    rows.fill(i, row);
    const c = v[i] * scale;
    for (let p = 0; p < n; p++) u[p] += c * row[p];
  }
  return u;
}

/** The directions from X (its rows) and its complete Gram matrix G = X Xᵀ. */
export function pcaFromGram(deltas: RowSource, G: Float64Array, seed = 1): PcaDirections {
  const k = deltas.count;
  if (k === 0) throw new Error('PCA needs at least one checkpoint besides θ₀');
  const n = deltas.length;
  let trace = 0;
  for (let i = 0; i < k; i++) trace += G[i * k + i];
  if (!(trace > 0)) throw new Error('the runs never left θ₀, so they span no plane');
  const first = topEigenpair(G, k, seed);
  const d1 = rightVector(deltas, first.vector, first.value);
  const deflated = G.slice();
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) deflated[i * k + j] -= first.value * first.vector[i] * first.vector[j];
  const second = topEigenpair(deflated, k, seed + 1);
  if (second.value > RANK_EPS * first.value) {
    return { d1, d2: rightVector(deltas, second.vector, second.value), explained: [first.value / trace, second.value / trace] };
  }
  const rng = createRng(seed);
  const d2 = new Float64Array(n).map(() => rng.normal());
  let dot = 0;
  for (let p = 0; p < n; p++) dot += d2[p] * d1[p];
  for (let p = 0; p < n; p++) d2[p] -= dot * d1[p];
  normalise(d2);
  return { d1, d2, explained: [first.value / trace, 0] };
}

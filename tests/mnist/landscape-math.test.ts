import { describe, expect, it } from 'vitest';
import { arrayRows, deltaRows, gramJob, pcaFromGram, topEigenpair, type RowSource } from '../../src/mnist/landscape/pca.ts';

/** The Gram matrix, its job run to the end. */
function gramMatrix(rows: RowSource): Float64Array {
  const job = gramJob(rows);
  while (!job.step());
  return job.G;
}
const pcaDirections = (rows: RowSource) => pcaFromGram(rows, gramMatrix(rows));
import { filterNormalizedDirection, filterNormalizedPair } from '../../src/mnist/landscape/filter-normalized.ts';
import { planePoint, projectOntoPlane, type Plane } from '../../src/mnist/landscape/plane.ts';
import { linspace, pcaAxes } from '../../src/mnist/landscape/axes.ts';
import { paramLayout } from '../../src/mnist/layout.ts';
import { createRng } from '../../src/run/random.ts';

const norm = (v: ArrayLike<number>, from = 0, to = v.length) => {
  let s = 0;
  for (let i = from; i < to; i++) s += v[i] * v[i];
  return Math.sqrt(s);
};
const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

describe('PCA of checkpoint deltas (uncentred, through the Gram matrix)', () => {
  it('a hand-worked case', () => {
    // X rows (1,1,0), (1,1,0), (1,−1,0):  G = X Xᵀ = [[2,2,0],[2,2,0],[0,0,2]], trace 6.
    // Eigenpairs: 4 with v = (1,1,0)/√2, 2 with v = (0,0,1), 0.  u₁ = Xᵀv₁/√4 = (1,1,0)/√2, u₂ = Xᵀv₂/√2 = (1,−1,0)/√2.
    // Explained: 4/6 and 2/6.
    const X = [[1, 1, 0], [1, 1, 0], [1, -1, 0]];
    expect(Array.from(gramMatrix(arrayRows(X)))).toEqual([2, 2, 0, 2, 2, 0, 0, 0, 2]);
    const top = topEigenpair(gramMatrix(arrayRows(X)), 3);
    expect(top.value).toBeCloseTo(4, 12);
    const pca = pcaDirections(arrayRows(X));
    expect(pca.explained[0]).toBeCloseTo(2 / 3, 12);
    expect(pca.explained[1]).toBeCloseTo(1 / 3, 12);
    const r = Math.SQRT1_2;
    [r, r, 0].forEach((v, i) => expect(pca.d1[i]).toBeCloseTo(v, 10));
    [r, -r, 0].forEach((v, i) => expect(pca.d2[i]).toBeCloseTo(v, 10));
  });

  it('checkpoints on a known plane in 200 dimensions: the directions span it and explain all of it', () => {
    const rng = createRng(7);
    const n = 200;
    const p = Float64Array.from({ length: n }, () => rng.normal());
    const q = Float64Array.from({ length: n }, () => rng.normal());
    // Two "runs" of 20 checkpoints each, curving in the plane of p and q, with most variance along p.
    const rows = Array.from({ length: 40 }, (_, k) => {
      const t = (k % 20) + 1;
      const a = 3 * t;
      const b = (k < 20 ? 1 : -1) * Math.sqrt(t);
      return p.map((pi, i) => a * pi + b * q[i]);
    });
    const pca = pcaDirections(arrayRows(rows));
    expect(norm(pca.d1)).toBeCloseTo(1, 12);
    expect(norm(pca.d2)).toBeCloseTo(1, 12);
    expect(dot(pca.d1, pca.d2)).toBeCloseTo(0, 10);
    expect(pca.explained[0] + pca.explained[1]).toBeCloseTo(1, 10);
    expect(pca.explained[0]).toBeGreaterThan(0.9);
    // p and q lie in span(d1, d2): no residual after removing their components.
    for (const v of [p, q]) {
      const c1 = dot(v, pca.d1);
      const c2 = dot(v, pca.d2);
      const residual = v.map((x, i) => x - c1 * pca.d1[i] - c2 * pca.d2[i]);
      expect(norm(residual) / norm(v)).toBeLessThan(1e-9);
    }
  });

  it('collinear deltas: the second axis explains nothing and is orthogonal to the first', () => {
    const pca = pcaDirections(arrayRows([[1, 2, 2], [2, 4, 4]]));
    expect(pca.explained[0]).toBeCloseTo(1, 12);
    expect(pca.explained[1]).toBe(0);
    [1 / 3, 2 / 3, 2 / 3].forEach((v, i) => expect(pca.d1[i]).toBeCloseTo(v, 12));
    expect(dot(pca.d1, pca.d2)).toBeCloseTo(0, 12);
    expect(norm(pca.d2)).toBeCloseTo(1, 12);
  });

  it('the tiled Gram matrix equals the pairwise dot products bit for bit, across row blocks and column tiles', () => {
    const rng = createRng(3);
    const rows = Array.from({ length: 37 }, () => Float64Array.from({ length: 2500 }, () => rng.normal()));
    const G = gramMatrix(arrayRows(rows));
    for (let i = 0; i < 37; i++) for (let j = 0; j < 37; j++) expect(G[i * 37 + j]).toBe(dot(rows[Math.max(i, j)], rows[Math.min(i, j)]));
  });

  it('deltas read from the checkpoints give the same directions as a Float32 copy of the deltas', () => {
    const rng = createRng(5);
    const theta0 = Float32Array.from({ length: 300 }, () => rng.normal());
    const checkpoints = Array.from({ length: 40 }, (_, k) => theta0.map((v, i) => v + (k + 1) * 0.01 * Math.sin(i + k) + 1e-3 * rng.normal()));
    const copied = checkpoints.map((c) => c.map((v, i) => v - theta0[i]));
    const streamed = pcaDirections(deltaRows(theta0, checkpoints));
    const stored = pcaDirections(arrayRows(copied));
    expect(Array.from(streamed.d1)).toEqual(Array.from(stored.d1));
    expect(Array.from(streamed.d2)).toEqual(Array.from(stored.d2));
    expect(streamed.explained).toEqual(stored.explained);
  });

  it('refuses runs that never moved', () => {
    expect(() => pcaDirections(arrayRows([[0, 0], [0, 0]]))).toThrow(/never left θ₀/);
  });
});

describe('filter-normalized random directions', () => {
  const layout = paramLayout({ sizes: [5, 4, 3], activations: ['relu'], batchNorm: false, keepProb: 1, l2: 0 });
  const ref = Float32Array.from({ length: layout.size }, (_, i) => Math.sin(i + 1) * (1 + (i % 3)));

  it('every row of every W has the norm of the same row of the reference; biases are zero', () => {
    const d = filterNormalizedDirection(layout, ref, createRng(3));
    for (const s of layout.layers) {
      for (let o = 0; o < s.nOut; o++) {
        const from = s.w + o * s.nIn;
        expect(norm(d, from, from + s.nIn)).toBeCloseTo(norm(ref, from, from + s.nIn), 12);
      }
      expect(Array.from(d.subarray(s.b, s.b + s.nOut))).toEqual(new Array(s.nOut).fill(0));
    }
  });

  it('batch-norm γ and β are zeroed too, and the pair is seeded and differs', () => {
    const bn = paramLayout({ sizes: [5, 4, 3], activations: ['relu'], batchNorm: true, keepProb: 1, l2: 0 });
    const ref2 = Float32Array.from({ length: bn.size }, (_, i) => 1 + (i % 5));
    const [a, b] = filterNormalizedPair(bn, ref2, 1);
    const [a2] = filterNormalizedPair(bn, ref2, 1);
    expect(Array.from(a2)).toEqual(Array.from(a));
    expect(a.some((v, i) => v !== b[i])).toBe(true);
    const hidden = bn.layers[0];
    expect(hidden.gamma).toBeGreaterThan(0);
    for (const at of [hidden.gamma, hidden.beta]) expect(Array.from(a.subarray(at, at + hidden.nOut))).toEqual([0, 0, 0, 0]);
  });
});

describe('projection onto a plane', () => {
  it('recovers (α, β) exactly for points on the plane, also with non-orthogonal directions', () => {
    const rng = createRng(11);
    const n = 30;
    const plane: Plane = {
      origin: Float32Array.from({ length: n }, () => rng.normal()),
      d1: Float64Array.from({ length: n }, () => rng.normal()),
      d2: Float64Array.from({ length: n }, () => rng.normal()),
    };
    for (const [a, b] of [[0, 0], [0.3, -1.7], [-2.5, 0.125]]) {
      const theta = Float64Array.from(plane.origin, (o, i) => o + a * plane.d1[i] + b * plane.d2[i]);
      const [pa, pb] = projectOntoPlane(plane, theta);
      expect(pa).toBeCloseTo(a, 12);
      expect(pb).toBeCloseTo(b, 12);
    }
    expect(projectOntoPlane(plane, planePoint(plane, 0, 0, new Float32Array(n)))).toEqual([0, 0]);
  });

  it('a point off the plane lands on its least-squares foot', () => {
    // Plane z = 0 in R³ through the origin; (2, −3, 5) projects to (2, −3).
    const plane: Plane = { origin: new Float32Array(3), d1: Float64Array.of(1, 0, 0), d2: Float64Array.of(1, 1, 0) };
    // 2·d1 − 3·(d2 − d1)… in these directions (2, −3, 0) = 5·d1 − 3·d2.
    expect(projectOntoPlane(plane, [2, -3, 5])).toEqual([5, -3]);
  });
});

describe('grid axes', () => {
  it('linspace hits both ends and 0 in the middle of an odd symmetric grid', () => {
    const xs = linspace(-1, 1, 31);
    expect(xs[0]).toBe(-1);
    expect(xs[15]).toBe(0);
    expect(xs[30]).toBe(1);
  });

  it('PCA axes cover every point and the origin with a 15 % margin of the larger span', () => {
    const { alpha, beta } = pcaAxes([[1, 0.5], [4, -0.5]], 5);
    // Spans: α [0, 4] (origin included), β [−0.5, 0.5]; pad = 0.15·4 = 0.6.
    expect(alpha[0]).toBeCloseTo(-0.6, 12);
    expect(alpha[4]).toBeCloseTo(4.6, 12);
    expect(beta[0]).toBeCloseTo(-1.1, 12);
    expect(beta[4]).toBeCloseTo(1.1, 12);
  });
});

/**
 * Muon (MomentUm Orthogonalized by Newton–Schulz) with its auxiliary AdamW, for the MNIST network only.
 *   Every weight matrix W but the output layer's, r outputs × c inputs (PyTorch's Linear layout, which is
 *   how src/mnist/layout.ts packs W), gradient G:
 *     M ← β·M + (1−β)·G;  U = (1−β)·G + β·M  (Nesterov);  X = U/(‖U‖_F + 10⁻⁷), transposed if r > c;
 *     five times:  A = X·Xᵀ;  B = b·A + c₂·A·A;  X ← a·X + B·X,   (a, b, c₂) = (3.4445, −4.7750, 2.0315);
 *     transposed back;  W ← W − η·√max(1, r/c)·X
 *   Every other entry θ (biases, batch-norm γ and β, the output layer's W and b), by AdamW in the same step:
 *     θ ← θ·(1 − η_A·λ);  m ← β₁·m + (1−β₁)·g;  v ← β₂·v + (1−β₂)·g²;
 *     θ ← θ − η_A·(m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + ε)
 * Source: K. Jordan, github.com/KellerJordan/Muon, muon.py: `muon_update` (momentum.lerp_(grad, 1−β), then
 * grad.lerp_(momentum, β) for Nesterov, the √max(1, r/c) scale), `zeropower_via_newtonschulz5`, and the
 * AdamW of `adam_update` / `MuonWithAuxAdam`. Defaults: η 0.02, β 0.95, Nesterov, 5 steps; AdamW η_A 0.001
 * (the issue's; the reference's own default is 3e-4), β₁ 0.9, β₂ 0.95, ε 1e-10, λ 0.
 * Conventions: float32 throughout (the reference runs Newton–Schulz in bfloat16): ‖U‖_F is summed in a
 * double, the products run on the network's kernels (WebAssembly SIMD when the network uses them, else
 * the TypeScript ones), every stored value is rounded to float32. The quintic's coefficients push small
 * singular values up fast but do not converge to exactly 1: X's singular values end roughly in
 * [0.7, 1.2], as the reference's docstring says. A learning-rate schedule scales η only (the trainer
 * schedules `lr`); η_A stays as set. On a 2-D surface there is no matrix: init refuses without the
 * network's layout.
 */
import { zerosLike, type Vec } from '../math/vector.ts';
import type { GradientOracle } from '../math/objective.ts';
import type { Hyper, MatrixKernels, NetworkLayout, Optimizer, OptimizerState } from './types.ts';
import { biasCorrection, descendRange } from './moments.ts';
import { decayRate, epsilon, learningRate } from './specs.ts';

/** The quintic Newton–Schulz iteration's coefficients (a, b, c₂) and step count, as in muon.py. */
export const NS_COEFFICIENTS = [3.4445, -4.775, 2.0315] as const;
export const NS_STEPS = 5;
/** Added to ‖U‖_F before dividing, as in muon.py. */
export const NS_EPS = 1e-7;

export const MUON_SURFACE_REFUSAL = 'muon updates weight matrices; it runs on the MNIST tab only';

export interface MuonState extends OptimizerState {
  /** Muon's momentum on the orthogonalised matrices' entries (zero elsewhere), indexed like params. */
  M: Vec;
  /** AdamW's moments on every other entry (zero on the matrices). */
  m: Vec;
  v: Vec;
  /** β₁ᵗ and β₂ᵗ of AdamW as running products (moments.ts). */
  beta1Power: number;
  beta2Power: number;
  /** The orthogonalised matrices as (offset, r, c) triples. */
  matrices: Float64Array;
  /** AdamW's entries as [from, to) pairs of offsets. */
  adamRanges: Float64Array;
  /**
   * Newton–Schulz buffers from the network's kernels, sized for the largest matrix: X and Y hold an
   * n × m matrix (n = min(r, c) rows, m = max(r, c)), A and B an n × n one, `zero` n zeros (the bias the
   * forward product adds).
   */
  X: Float32Array;
  Y: Float32Array;
  A: Float32Array;
  B: Float32Array;
  zero: Float32Array;
  kernels: MatrixKernels;
}

/**
 * Five quintic Newton–Schulz steps on X (n × m, row-major, n ≤ m), in place: A = X·Xᵀ (the kernels'
 * forward with W = X), A·A and B·X (their gradInput, dX = dY·W), the rest elementwise. A, B and Y are
 * scratch (n×n, n×n, n×m), `zero` n zeros; all from `k.alloc`.
 */
export function newtonSchulz(k: MatrixKernels, X: Float32Array, A: Float32Array, B: Float32Array, Y: Float32Array, zero: Float32Array, n: number, m: number): void {
  const [a, b, c2] = NS_COEFFICIENTS;
  const nn = n * n;
  const nm = n * m;
  for (let s = 0; s < NS_STEPS; s++) {
    k.forward(X, X, zero, A, n, m, n); // A = X·Xᵀ
    k.gradInput(A, A, B, n, n, n); // B = A·A
    for (let i = 0; i < nn; i++) B[i] = b * A[i] + c2 * B[i];
    k.gradInput(B, X, Y, n, m, n); // Y = B·X
    for (let i = 0; i < nm; i++) X[i] = a * X[i] + Y[i];
  }
}

/** The update direction of one r × c matrix at offset w (momentum, Nesterov, normalise, Newton–Schulz), written into g's block as √max(1, r/c)·X. */
function orthogonalisedStep(state: MuonState, w: number, r: number, c: number, beta: number): void {
  const { g, M, X } = state;
  const transposed = r > c;
  const n = transposed ? c : r;
  const m = transposed ? r : c;
  let sumSquares = 0;
  for (let o = 0; o < r; o++) {
    for (let i = 0; i < c; i++) {
      const k = w + o * c + i;
      M[k] = beta * M[k] + (1 - beta) * g[k];
      const at = transposed ? i * r + o : o * c + i;
      X[at] = (1 - beta) * g[k] + beta * M[k];
      sumSquares += X[at] * X[at];
    }
  }
  const norm = Math.sqrt(sumSquares) + NS_EPS;
  for (let i = 0; i < n * m; i++) X[i] = X[i] / norm;
  newtonSchulz(state.kernels, X, state.A, state.B, state.Y, state.zero, n, m);
  const scale = Math.sqrt(Math.max(1, r / c));
  for (let o = 0; o < r; o++) {
    for (let i = 0; i < c; i++) g[w + o * c + i] = scale * X[transposed ? i * r + o : o * c + i];
  }
}

export const muon: Optimizer<MuonState> = {
  id: 'muon',
  name: 'Muon',
  formula:
    'M \\leftarrow \\beta M + (1-\\beta) G,\\; U = (1-\\beta) G + \\beta M,\\; X \\leftarrow \\frac{U}{\\lVert U \\rVert_F + 10^{-7}} \\\\ ' +
    '5\\times\\!: A = X X^\\top,\\; X \\leftarrow a X + (b A + c A^2) X;\\quad W \\leftarrow W - \\eta \\sqrt{\\max(1, r/c)}\\, X',
  convention:
    'Hidden weight matrices only (r outputs × c inputs, transposed for Newton–Schulz when r > c), in float32 (the reference uses bfloat16); ' +
    'biases, batch-norm γ/β and the output layer take AdamW (η_A, β₁, β₂, ε, λ) in the same step, as MuonWithAuxAdam. A schedule scales η only.',
  group: 'more',
  surfaceRefusal: MUON_SURFACE_REFUSAL,
  hyper: [
    learningRate(0.02),
    decayRate('beta', 'momentum', '\\beta', 0.95),
    { ...learningRate(0.001), key: 'adamLr', label: 'AdamW learning rate', tex: '\\eta_{\\mathrm{A}}' },
    decayRate('adamBeta1', 'AdamW first-moment decay', '\\beta_{1,\\mathrm{A}}', 0.9),
    decayRate('adamBeta2', 'AdamW second-moment decay', '\\beta_{2,\\mathrm{A}}', 0.95),
    { ...epsilon(1e-10), key: 'adamEps', label: 'AdamW epsilon', tex: '\\epsilon_{\\mathrm{A}}' },
    { key: 'adamWd', label: 'AdamW weight decay', tex: '\\lambda_{\\mathrm{A}}', default: 0, min: 0, max: 1, log: false },
  ],
  init(params: Vec, layout?: NetworkLayout): MuonState {
    if (!layout) throw new Error(MUON_SURFACE_REFUSAL);
    if (!(params instanceof Float32Array)) throw new Error('muon runs in float32: its parameters must be a Float32Array');
    // Every layer's W but the output layer's; sorted by offset, so the rest of the vector is AdamW's.
    const hidden = layout.layers.slice(0, -1).map((l) => ({ w: l.w, r: l.nOut, c: l.nIn })).sort((x, y) => x.w - y.w);
    const ranges: number[] = [];
    let at = 0;
    let nm = 0;
    let nn = 0;
    let n = 0;
    for (const { w, r, c } of hidden) {
      if (!(Number.isInteger(w) && w >= at && w + r * c <= params.length)) throw new RangeError(`muon: a ${r}×${c} matrix at ${w} does not fit the ${params.length} parameters`);
      if (w > at) ranges.push(at, w);
      at = w + r * c;
      const rows = Math.min(r, c);
      nm = Math.max(nm, r * c);
      nn = Math.max(nn, rows * rows);
      n = Math.max(n, rows);
    }
    if (at < params.length) ranges.push(at, params.length);
    const { kernels } = layout;
    return {
      t: 0,
      g: zerosLike(params),
      M: zerosLike(params),
      m: zerosLike(params),
      v: zerosLike(params),
      beta1Power: 1,
      beta2Power: 1,
      matrices: Float64Array.from(hidden.flatMap(({ w, r, c }) => [w, r, c])),
      adamRanges: Float64Array.from(ranges),
      X: kernels.alloc(nm),
      Y: kernels.alloc(nm),
      A: kernels.alloc(nn),
      B: kernels.alloc(nn),
      zero: kernels.alloc(n),
      kernels,
    };
  },
  step(params: Vec, state: MuonState, hyper: Hyper, oracle: GradientOracle): number {
    state.t += 1;
    const { g, m, v, matrices, adamRanges } = state;
    const loss = oracle(params, g);
    for (let q = 0; q < matrices.length; q += 3) {
      const w = matrices[q];
      const r = matrices[q + 1];
      const c = matrices[q + 2];
      orthogonalisedStep(state, w, r, c, hyper.beta);
      descendRange(params, g, hyper.lr, w, w + r * c);
    }
    const { adamLr, adamBeta1: beta1, adamBeta2: beta2, adamEps: eps } = hyper;
    state.beta1Power *= beta1;
    state.beta2Power *= beta2;
    const c1 = biasCorrection(state.beta1Power);
    const c2 = biasCorrection(state.beta2Power);
    const decay = 1 - adamLr * hyper.adamWd;
    for (let q = 0; q < adamRanges.length; q += 2) {
      const from = adamRanges[q];
      const to = adamRanges[q + 1];
      for (let i = from; i < to; i++) {
        params[i] *= decay;
        m[i] = beta1 * m[i] + (1 - beta1) * g[i];
        v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
        g[i] = m[i] / c1 / (Math.sqrt(v[i] / c2) + eps);
      }
      descendRange(params, g, adamLr, from, to);
    }
    return loss;
  },
};

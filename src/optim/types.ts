/**
 * Optimizer contract (design.md, after optax's init/update pair and PyTorch's single-tensor kernels).
 *
 * - `init(params, layout?)` returns the state: plain typed arrays of the same element type as params, all
 *   zero, plus the update counter t = 0. Scratch buffers the step needs (the gradient, NAG's look-ahead
 *   point) live in the state too, so `step` never allocates. Reset = call init again. The MNIST trainer
 *   also passes the network's `layout` (its weight matrices and matrix kernels); the elementwise rules
 *   ignore it, and a rule that needs it (Muon) refuses to init without it, i.e. on a surface.
 * - `step(params, state, hyper, oracle)` performs exactly one update in place: t ← t + 1, asks the
 *   oracle for the gradient (exactly once per step, so a seeded noisy oracle gives every optimizer the
 *   same noise stream), updates state and params, and returns the loss the oracle reported (for NAG
 *   that is the loss at the look-ahead point).
 */
import type { Vec } from '../math/vector.ts';
import type { GradientOracle } from '../math/objective.ts';

export const OPTIMIZER_IDS = ['sgd', 'momentum', 'nag', 'adagrad', 'adadelta', 'rmsprop', 'adam'] as const;
/** Rules that update weight matrices as matrices, so they need init's NetworkLayout: the MNIST tab only, never a surface. */
export const NETWORK_OPTIMIZER_IDS = ['muon'] as const;
export type OptimizerId = (typeof OPTIMIZER_IDS)[number] | (typeof NETWORK_OPTIMIZER_IDS)[number];

/** Hyperparameter values by key, e.g. { lr: 0.1, beta: 0.9 }. */
export type Hyper = Record<string, number>;

export interface HyperSpec {
  /** Key in Hyper and in URLs / `--set opt.KEY=…` (e.g. 'lr', 'beta', 'rho', 'eps'). */
  readonly key: string;
  /** Short human label, e.g. 'learning rate'. */
  readonly label: string;
  /** LaTeX symbol, e.g. '\\eta', '\\beta_1'. */
  readonly tex: string;
  readonly default: number;
  readonly min: number;
  readonly max: number;
  /** True where a log-scale slider is the natural control (learning rates, ε). */
  readonly log: boolean;
}

/**
 * Row-major float32 matrix products on the MNIST network's kernel backend (src/mnist/kernels/types.ts's
 * DenseKernels, whose forward and gradInput these are), over arrays from `alloc` (views into WebAssembly
 * memory when the network runs there, so the products run in WebAssembly).
 */
export interface MatrixKernels {
  /** A zeroed array the products may read and write. */
  alloc(length: number): Float32Array;
  /** Y (batch×nOut) = X (batch×nIn) · Wᵀ + bias, W being nOut×nIn. */
  forward(X: Float32Array, W: Float32Array, bias: Float32Array, Y: Float32Array, batch: number, nIn: number, nOut: number): void;
  /** dX (batch×nIn) = dY (batch×nOut) · W, W being nOut×nIn (overwrites dX). */
  gradInput(dY: Float32Array, W: Float32Array, dX: Float32Array, batch: number, nIn: number, nOut: number): void;
}

/**
 * The packed parameter vector of a network of dense layers, as the MNIST trainer passes it to init
 * (src/mnist/layout.ts's ParamLayout has these fields): layer l's weight matrix is the nOut × nIn
 * row-major block at offset `w` (r = nOut outputs × c = nIn inputs, PyTorch's Linear layout); every other
 * entry is a bias or batch-norm γ/β; the last layer is the output layer.
 */
export interface NetworkLayout {
  readonly layers: readonly { readonly nIn: number; readonly nOut: number; readonly w: number }[];
  readonly kernels: MatrixKernels;
}

export interface OptimizerState {
  /** Number of updates performed so far (t counts from 1 inside the first step). */
  t: number;
  /** Scratch gradient buffer; the oracle writes into it. */
  g: Vec;
  /** Typed arrays and numbers; Muon's state also keeps the network's MatrixKernels it was given at init. */
  [buffer: string]: Vec | number | MatrixKernels;
}

export interface Optimizer<S extends OptimizerState = OptimizerState> {
  readonly id: OptimizerId;
  readonly name: string;
  /** The update rule as LaTeX (KaTeX-renderable), one or two lines. */
  readonly formula: string;
  /** Where this form differs from other implementations in the wild (momentum dampening, ε placement, NAG form). */
  readonly convention: string;
  /** 'classic': the course's seven, raced by default; 'more': the modern ones, offered under "More optimizers". */
  readonly group: 'classic' | 'more';
  readonly hyper: readonly HyperSpec[];
  /** Why this rule cannot run on a 2-D surface (Muon: it updates weight matrices); absent for the elementwise rules. */
  readonly surfaceRefusal?: string;
  init(params: Vec, layout?: NetworkLayout): S;
  step(params: Vec, state: S, hyper: Hyper, oracle: GradientOracle): number;
}

/**
 * MNIST training speed, side by side in ONE run (issue 5, "Speed"): the textbook's 784-64-16-10 network
 * (sigmoid, tanh, softmax with cross-entropy), batch 128, SGD with lr 0.2, on real MNIST training images:
 *   (a) TF.js 4.22, wasm backend (SIMD on, threads off)   (b) TF.js 4.22, cpu backend
 *   (c) our network (src/mnist/mlp.ts) on the pure-TypeScript kernels
 *   (d) our network on the WebAssembly SIMD kernels, parameters in wasm memory
 * Ours is updated by the engine's optimizer (src/optim/sgd.ts) through the gradient oracle mlpOracle.
 * TF.js gets the lean path (variables, optimizer.minimize, tf.losses.softmaxCrossEntropy; no Layers API)
 * with the same initial weights (copied from our Xavier-uniform init) and the same batches, so every
 * contender does the same arithmetic: the mean training loss each one prints must agree.
 * Each contender trains `--batches` batches after `--warmup` warm-up batches (weights reset first), in
 * `--rounds` interleaved rounds; seconds per epoch = median seconds per batch × 430 (⌈55,000 / 128⌉).
 * Usage: npx tsx bench/mnist-speed.bench.ts [--batches 100] [--warmup 10] [--rounds 3]
 */
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createMlp, initMlp, mlpOracle } from '../src/mnist/mlp.ts';
import { DEFAULT_MLP } from '../src/mnist/layout.ts';
import { fillBatch, splitMnist, type DigitSet } from '../src/mnist/dataset.ts';
import { readMnistFiles } from '../src/mnist/load-node.ts';
import { createTsBackend } from '../src/mnist/kernels/ts.ts';
import { createWasmBackend } from '../src/mnist/kernels/wasm/wasm-backend.ts';
import type { KernelBackend } from '../src/mnist/kernels/types.ts';
import { sgd } from '../src/optim/sgd.ts';
import { createRng, shuffleInPlace } from '../src/run/random.ts';

const BATCH = 128;
const LR = 0.2;
const BATCHES_PER_EPOCH = Math.ceil(55_000 / BATCH);
const SEED = 1;

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!(Number.isInteger(value) && value >= 1)) throw new Error(`--${name} needs a positive integer, got ${process.argv[at + 1]}`);
  return value;
}
const TIMED = option('batches', 100);
const WARMUP = option('warmup', 10);
const ROUNDS = option('rounds', 3);

const split = splitMnist(readMnistFiles(), { seed: SEED });
const order = Uint32Array.from(split.train.indices.keys());
shuffleInPlace(order, createRng(SEED + 1));
if ((WARMUP + TIMED) * BATCH > order.length) throw new Error(`at most ${Math.floor(order.length / BATCH)} batches fit one epoch`);

/** Our initial parameters, shared by every contender. */
const initial = (() => {
  const net = createMlp(DEFAULT_MLP, createTsBackend(), 1);
  initMlp(net, 'xavier-uniform', createRng(SEED));
  return net.params.slice();
})();

interface Trainer {
  readonly name: string;
  /** Resets the weights to `initial`; returns the step function for batch k. */
  start(): Promise<(k: number) => number>;
  stop(): void;
}

function oursOn(backend: KernelBackend, name: string): Trainer {
  const net = createMlp(DEFAULT_MLP, backend, BATCH);
  const state = sgd.init(net.params);
  const oracle = mlpOracle(net, null);
  const hyper = { lr: LR };
  return {
    name,
    async start() {
      net.params.set(initial);
      return (k) => {
        fillBatch(split.train, order, k * BATCH, BATCH, net.input, net.labels);
        net.rows = BATCH;
        return sgd.step(net.params, state, hyper, oracle);
      };
    },
    stop() {},
  };
}

function tfOn(backendName: 'wasm' | 'cpu', name: string, train: DigitSet): Trainer {
  const X = new Float32Array(BATCH * 784);
  const labels = new Uint8Array(BATCH);
  const labelsI32 = new Int32Array(BATCH);
  let disposables: tf.TensorContainer[] = [];
  return {
    name,
    async start() {
      await tf.setBackend(backendName);
      // Our W is n_out × n_in; TF.js dense weights are n_in × n_out.
      const vars = DEFAULT_MLP.sizes.slice(1).map((nOut, l) => {
        const nIn = DEFAULT_MLP.sizes[l];
        const offset = DEFAULT_MLP.sizes.slice(1, l + 1).reduce((sum, n, j) => sum + n * (DEFAULT_MLP.sizes[j] + 1), 0);
        const W = tf.tidy(() => tf.variable(tf.tensor2d(initial.subarray(offset, offset + nIn * nOut), [nOut, nIn]).transpose()));
        const b = tf.variable(tf.tensor1d(initial.subarray(offset + nIn * nOut, offset + nIn * nOut + nOut)));
        return { W, b };
      });
      const optimizer = tf.train.sgd(LR);
      disposables = [vars.map((v) => [v.W, v.b]), optimizer as unknown as tf.TensorContainer];
      return (k) => {
        fillBatch(train, order, k * BATCH, BATCH, X, labels);
        labelsI32.set(labels);
        const x = tf.tensor2d(X, [BATCH, 784]);
        const y = tf.tidy(() => tf.oneHot(tf.tensor1d(labelsI32, 'int32'), 10));
        const cost = optimizer.minimize(() => {
          const h1 = tf.sigmoid(x.matMul(vars[0].W).add(vars[0].b));
          const h2 = tf.tanh(h1.matMul(vars[1].W).add(vars[1].b));
          const logits = h2.matMul(vars[2].W).add(vars[2].b);
          return tf.losses.softmaxCrossEntropy(y, logits) as tf.Scalar;
        }, true)!;
        const loss = cost.dataSync()[0];
        tf.dispose([x, y, cost]);
        return loss;
      };
    },
    stop() {
      tf.dispose(disposables);
      disposables = [];
    },
  };
}

setWasmPaths(fileURLToPath(new URL('../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
await tf.setBackend('wasm');
const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');

const trainers: Trainer[] = [
  tfOn('wasm', 'TF.js wasm', split.train),
  tfOn('cpu', 'TF.js cpu', split.train),
  oursOn(createTsBackend(), 'ours, TypeScript'),
  oursOn(await createWasmBackend(), 'ours, wasm SIMD'),
];

const secondsPerBatch = trainers.map(() => [] as number[]);
const meanLoss = trainers.map(() => 0);
for (let round = 0; round < ROUNDS; round++) {
  for (const [t, trainer] of trainers.entries()) {
    const step = await trainer.start();
    for (let k = 0; k < WARMUP; k++) step(k);
    let lossSum = 0;
    const t0 = performance.now();
    for (let k = WARMUP; k < WARMUP + TIMED; k++) lossSum += step(k);
    secondsPerBatch[t].push((performance.now() - t0) / 1000 / TIMED);
    meanLoss[t] = lossSum / TIMED;
    trainer.stop();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const epochSeconds = secondsPerBatch.map((s) => median(s) * BATCHES_PER_EPOCH);
console.log(`MNIST 784-64-16-10 sigmoid/tanh/softmax-CE, batch ${BATCH}, SGD lr ${LR}; ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
console.log(`TF.js ${tf.version.tfjs}: wasm SIMD ${simd}, threads ${threads}. ${TIMED} timed batches (+${WARMUP} warm-up) × ${ROUNDS} rounds, median; epoch = ${BATCHES_PER_EPOCH} batches`);
console.log('contender           s/epoch   ms/batch   × TF.js-wasm   mean loss (batches ' + `${WARMUP + 1}–${WARMUP + TIMED})`);
trainers.forEach((trainer, t) => {
  console.log(
    `${trainer.name.padEnd(18)} ${epochSeconds[t].toFixed(2).padStart(8)} ${(median(secondsPerBatch[t]) * 1000).toFixed(2).padStart(10)}` +
      ` ${(epochSeconds[0] / epochSeconds[t]).toFixed(1).padStart(13)}×   ${meanLoss[t].toFixed(5)}`,
  );
});
const ratio = (name: string) => epochSeconds[0] / epochSeconds[trainers.findIndex((t) => t.name === name)];
console.log(`goals: wasm SIMD ≥ 10× TF.js-wasm: ${ratio('ours, wasm SIMD') >= 10 ? 'met' : 'NOT met'}; TypeScript ≥ 2×: ${ratio('ours, TypeScript') >= 2 ? 'met' : 'NOT met'}`);

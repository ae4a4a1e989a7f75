/**
 * MNIST training speed, side by side in ONE run (issue 5, "Speed"): the textbook's 784-64-16-10 network
 * (sigmoid, tanh, softmax with cross-entropy), batch 128, SGD with lr 0.2, on real MNIST training images:
 *   (a) TF.js 4.22, wasm backend (SIMD on, threads off)   (b) TF.js 4.22, cpu backend
 *   (c) the app's trainer (src/mnist/train.ts: createTrainer + trainSteps, i.e. src/mnist/mlp.ts updated
 *       by the engine's src/optim/sgd.ts) on the pure-TypeScript kernels
 *   (d) the same trainer on the WebAssembly SIMD kernels, parameters and buffers in wasm memory
 * TF.js gets its lean path (variables, optimizer.minimize, tf.losses.softmaxCrossEntropy), the strongest
 * baseline and the one the ratios refer to; for reference also (e) the usual Layers API way
 * (tf.sequential of dense layers, model.trainOnBatch) on the wasm backend. All TF.js contenders start
 * from the trainer's initial weights (Xavier uniform from the seed) and see its batches, so every
 * contender does the same arithmetic: the mean training losses printed must agree.
 * Each contender trains `--batches` batches after `--warmup` warm-up batches (weights reset first), in
 * `--rounds` interleaved rounds; seconds per epoch = median seconds per batch × 430 (⌈55,000 / 128⌉).
 * Time is the process's CPU time (user + system, process.cpuUsage): every contender runs on the main
 * thread, and on a shared machine CPU time is not inflated by other processes as wall time is; the
 * wall-clock figures are printed alongside.
 * Usage: npx tsx bench/mnist-speed.bench.ts [--batches 100] [--warmup 10] [--rounds 3]
 */
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { paramLayout } from '../src/mnist/layout.ts';
import { fillBatch, splitMnist } from '../src/mnist/dataset.ts';
import { readMnistFiles } from '../src/mnist/load-node.ts';
import { createTrainer, DEFAULT_TRAIN, trainSteps } from '../src/mnist/train.ts';
import { createTsBackend } from '../src/mnist/kernels/ts.ts';
import { createWasmBackend } from '../src/mnist/kernels/wasm/wasm-backend.ts';
import type { KernelBackend } from '../src/mnist/kernels/types.ts';
import { sgd } from '../src/optim/sgd.ts';
import { wholeOption } from './option.ts';

const CONFIG = DEFAULT_TRAIN; // 784-64-16-10 sigmoid/tanh, Xavier uniform, batch 128, seed 1
const BATCH = CONFIG.batchSize;
const HYPER = { lr: 0.2 };

const TIMED = wholeOption('batches', 100);
const WARMUP = wholeOption('warmup', 10);
const ROUNDS = wholeOption('rounds', 3);

const split = splitMnist(readMnistFiles(), { seed: CONFIG.seed });
/** The trainer's initial weights and, after its first step, its first epoch's batch order. */
const reference = createTrainer(split, CONFIG, sgd, HYPER);
const initial = reference.net.params.slice();
trainSteps(reference, 1);
const order = reference.order;
const BATCHES_PER_EPOCH = reference.stepsPerEpoch;
if (WARMUP + TIMED > BATCHES_PER_EPOCH) throw new Error(`warm-up + timed batches must fit one epoch (${BATCHES_PER_EPOCH})`);

interface Contender {
  readonly name: string;
  /** Starts from the initial weights at batch 0; returns a function training the next n batches and returning their summed loss. */
  start(): Promise<(n: number) => number | Promise<number>>;
  stop(): void;
}

/** The app's trainer on a fresh backend per round (a trainer allocates its network once, in the backend). */
function ours(name: string, backend: () => Promise<KernelBackend>): Contender {
  return {
    name,
    async start() {
      const tr = createTrainer(split, CONFIG, sgd, HYPER, { backend: await backend() });
      return (n) => {
        const from = tr.iteration;
        trainSteps(tr, n);
        let sum = 0;
        for (let k = from; k < tr.iteration; k++) sum += tr.batchLosses[k];
        return sum;
      };
    },
    stop() {},
  };
}

function tfOn(backendName: 'wasm' | 'cpu', name: string): Contender {
  const [features, classes] = [CONFIG.mlp.sizes[0], CONFIG.mlp.sizes[CONFIG.mlp.sizes.length - 1]];
  const X = new Float32Array(BATCH * features);
  const labels = new Uint8Array(BATCH);
  const labelsI32 = new Int32Array(BATCH);
  let dispose = () => {};
  return {
    name,
    async start() {
      await tf.setBackend(backendName);
      // Our W is n_out × n_in; TF.js dense weights are n_in × n_out.
      const vars = paramLayout(CONFIG.mlp).layers.map(({ nIn, nOut, w, b }) => ({
        W: tf.tidy(() => tf.variable(tf.tensor2d(initial.subarray(w, w + nIn * nOut), [nOut, nIn]).transpose())),
        b: tf.variable(tf.tensor1d(initial.subarray(b, b + nOut))),
      }));
      const optimizer = tf.train.sgd(HYPER.lr);
      dispose = () => {
        tf.dispose(vars.flatMap((v) => [v.W, v.b]));
        optimizer.dispose();
      };
      let k = 0;
      const step = (): number => {
        fillBatch(split.train, order, k * BATCH, BATCH, X, labels);
        k++;
        labelsI32.set(labels);
        const x = tf.tensor2d(X, [BATCH, features]);
        const y = tf.tidy(() => tf.oneHot(tf.tensor1d(labelsI32, 'int32'), classes));
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
      return (n) => {
        let sum = 0;
        for (let j = 0; j < n; j++) sum += step();
        return sum;
      };
    },
    stop() {
      dispose();
    },
  };
}

/** TF.js the usual way: a Layers model (dense kernels n_in × n_out), softmax output, categorical cross-entropy. */
function tfLayers(name: string): Contender {
  const [features, classes] = [CONFIG.mlp.sizes[0], CONFIG.mlp.sizes[CONFIG.mlp.sizes.length - 1]];
  const X = new Float32Array(BATCH * features);
  const labels = new Uint8Array(BATCH);
  const labelsI32 = new Int32Array(BATCH);
  let dispose = () => {};
  return {
    name,
    async start() {
      await tf.setBackend('wasm');
      const layout = paramLayout(CONFIG.mlp);
      const activations = [...CONFIG.mlp.activations, 'softmax'].map((a) => {
        if (a === 'sigmoid' || a === 'tanh' || a === 'relu' || a === 'softmax') return a;
        throw new Error(`no TF.js Layers activation for ${a}`);
      });
      const model = tf.sequential({
        layers: layout.layers.map(({ nIn, nOut }, l) => tf.layers.dense({ inputShape: [nIn], units: nOut, activation: activations[l] })),
      });
      model.compile({ optimizer: tf.train.sgd(HYPER.lr), loss: 'categoricalCrossentropy' });
      model.setWeights(
        layout.layers.flatMap(({ nIn, nOut, w, b }) => [
          tf.tidy(() => tf.tensor2d(initial.subarray(w, w + nIn * nOut), [nOut, nIn]).transpose()),
          tf.tensor1d(initial.subarray(b, b + nOut)),
        ]),
      );
      dispose = () => model.dispose();
      let k = 0;
      return async (n) => {
        let sum = 0;
        for (let j = 0; j < n; j++) {
          fillBatch(split.train, order, k * BATCH, BATCH, X, labels);
          k++;
          labelsI32.set(labels);
          const x = tf.tensor2d(X, [BATCH, features]);
          const y = tf.tidy(() => tf.oneHot(tf.tensor1d(labelsI32, 'int32'), classes));
          sum += (await model.trainOnBatch(x, y)) as number;
          tf.dispose([x, y]);
        }
        return sum;
      };
    },
    stop() {
      dispose();
    },
  };
}

setWasmPaths(fileURLToPath(new URL('../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
await tf.setBackend('wasm');
const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');

const contenders: Contender[] = [
  tfOn('wasm', 'TF.js wasm'),
  tfOn('cpu', 'TF.js cpu'),
  ours('ours, TypeScript', async () => createTsBackend()),
  ours('ours, wasm SIMD', () => createWasmBackend()),
  tfLayers('TF.js wasm, Layers'),
];

const cpuPerBatch = contenders.map(() => [] as number[]);
const wallPerBatch = contenders.map(() => [] as number[]);
const meanLoss = contenders.map(() => 0);
for (let round = 0; round < ROUNDS; round++) {
  for (const [t, trainer] of contenders.entries()) {
    const train = await trainer.start();
    await train(WARMUP);
    const wall0 = performance.now();
    const cpu0 = process.cpuUsage();
    const lossSum = await train(TIMED);
    const cpu = process.cpuUsage(cpu0);
    wallPerBatch[t].push((performance.now() - wall0) / 1000 / TIMED);
    cpuPerBatch[t].push((cpu.user + cpu.system) / 1e6 / TIMED);
    meanLoss[t] = lossSum / TIMED;
    trainer.stop();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const epochSeconds = cpuPerBatch.map((s) => median(s) * BATCHES_PER_EPOCH);
const wallEpochSeconds = wallPerBatch.map((s) => median(s) * BATCHES_PER_EPOCH);
console.log(`MNIST ${CONFIG.mlp.sizes.join('-')} sigmoid/tanh/softmax-CE, batch ${BATCH}, SGD lr ${HYPER.lr}; ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
console.log(`TF.js ${tf.version.tfjs}: wasm SIMD ${simd}, threads ${threads}. ${TIMED} timed batches (+${WARMUP} warm-up) × ${ROUNDS} rounds, median; epoch = ${BATCHES_PER_EPOCH} batches`);
console.log(`contender          CPU s/epoch  ms/batch  × TF.js-wasm | wall s/epoch  × TF.js-wasm | mean loss (batches ${WARMUP + 1}–${WARMUP + TIMED})`);
contenders.forEach((trainer, t) => {
  console.log(
    `${trainer.name.padEnd(18)} ${epochSeconds[t].toFixed(2).padStart(10)} ${(median(cpuPerBatch[t]) * 1000).toFixed(2).padStart(9)}` +
      ` ${(epochSeconds[0] / epochSeconds[t]).toFixed(1).padStart(12)}× | ${wallEpochSeconds[t].toFixed(2).padStart(12)}` +
      ` ${(wallEpochSeconds[0] / wallEpochSeconds[t]).toFixed(1).padStart(12)}× | ${meanLoss[t].toFixed(5)}`,
  );
});
const seconds = (name: string) => epochSeconds[contenders.findIndex((c) => c.name === name)];
for (const baseline of ['TF.js wasm', 'TF.js wasm, Layers']) {
  const ratio = (name: string) => seconds(baseline) / seconds(name);
  console.log(
    `goals vs ${baseline} (CPU time): wasm SIMD ≥ 10×: ${ratio('ours, wasm SIMD') >= 10 ? 'met' : 'NOT met'} (${ratio('ours, wasm SIMD').toFixed(1)}×);` +
      ` TypeScript ≥ 2×: ${ratio('ours, TypeScript') >= 2 ? 'met' : 'NOT met'} (${ratio('ours, TypeScript').toFixed(1)}×)`,
  );
}

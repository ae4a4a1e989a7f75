/**
 * Pure-TypeScript MNIST path, full epochs: the textbook's 784-64-16-10 network (sigmoid, tanh, softmax
 * with cross-entropy), batch 128, SGD lr 0.2, on the 55,000-image training split, through the real
 * trainer (src/mnist/train.ts) and the TypeScript kernels (src/mnist/kernels/ts.ts).
 * Prints, per epoch: wall seconds of training (evaluation excluded), CPU seconds of this process over
 * the same span (less sensitive to other load on a shared machine), steps per second, and the
 * validation accuracy as a sanity check. Then the share of one step spent in each dense kernel.
 * Usage: npx tsx bench/mnist-ts.bench.ts [--epochs 2]
 */
import { readMnistFiles } from '../src/mnist/load-node.ts';
import { fillBatch, identityOrder, splitMnist } from '../src/mnist/dataset.ts';
import { createTrainer, DEFAULT_TRAIN, trainSteps } from '../src/mnist/train.ts';
import { createTsBackend } from '../src/mnist/kernels/ts.ts';
import { sgd } from '../src/optim/sgd.ts';

const at = process.argv.indexOf('--epochs');
const EPOCHS = at < 0 ? 2 : Number(process.argv[at + 1]);
if (!(Number.isInteger(EPOCHS) && EPOCHS >= 1)) throw new Error(`--epochs needs a positive integer, got ${process.argv[at + 1]}`);

const data = splitMnist(readMnistFiles(), { seed: DEFAULT_TRAIN.seed });
const tr = createTrainer(data, { ...DEFAULT_TRAIN, epochs: EPOCHS }, sgd, { lr: 0.2 });
console.log(`pure-TypeScript kernels, 784-64-16-10, batch 128, SGD lr 0.2, ${tr.stepsPerEpoch} steps per epoch`);
for (let e = 0; e < EPOCHS; e++) {
  const cpu0 = process.cpuUsage();
  const wall0 = tr.seconds;
  const steps = trainSteps(tr, tr.stepsPerEpoch);
  const wall = tr.seconds - wall0; // training only; trainSteps' epoch-end evaluation is not in tr.seconds
  const cpu = process.cpuUsage(cpu0);
  const last = tr.epochs[tr.epochs.length - 1];
  console.log(
    `epoch ${e + 1}: ${wall.toFixed(2)} s wall (training), ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU incl. validation, ` +
      `${(steps / wall).toFixed(0)} steps/s, validation accuracy ${(100 * last.valAccuracy).toFixed(2)} %`,
  );
}

// Where one step's time goes: each kernel of the first two layers on a real batch, best of 20 × 10
// calls, in CPU milliseconds of this process (robust to other processes sharing the cores).
const { dense } = createTsBackend();
const X = new Float32Array(128 * 784);
fillBatch(data.train, identityOrder(data.train.indices.length), 0, 128, X, new Uint8Array(128));
const W1 = tr.net.layers[0].W;
const b1 = tr.net.layers[0].b!;
const Y1 = new Float32Array(128 * 64);
const dY1 = Y1.map((_, i) => Math.sin(i));
const dW1 = new Float32Array(64 * 784);
const dB1 = new Float32Array(64);
const X2 = new Float32Array(128 * 64).map((_, i) => Math.cos(i));
const W2 = tr.net.layers[1].W;
const Y2 = new Float32Array(128 * 16);
const dX2 = new Float32Array(128 * 64);
function best(f: () => void): number {
  let min = Infinity;
  for (let r = 0; r < 20; r++) {
    const t = process.cpuUsage();
    for (let k = 0; k < 10; k++) f();
    const d = process.cpuUsage(t);
    min = Math.min(min, (d.user + d.system) / 1e4);
  }
  return min;
}
const rows = [
  ['layer 1 forward (sparse X)', best(() => dense.forward(X, W1, b1, Y1, 128, 784, 64))],
  ['layer 1 gradParams (sparse X)', best(() => dense.gradParams(X, dY1, dW1, dB1, 128, 784, 64))],
  ['layer 2 forward', best(() => dense.forward(X2, W2, tr.net.layers[1].b!, Y2, 128, 64, 16))],
  ['layer 2 gradInput', best(() => dense.gradInput(Y2, W2, dX2, 128, 64, 16))],
] as const;
for (const [name, ms] of rows) console.log(`  ${name.padEnd(32)} ${ms.toFixed(3)} ms CPU`);

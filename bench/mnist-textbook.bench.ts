/**
 * Accuracy evidence for the README: the textbook's setting (784-64-16-10 sigmoid/tanh/softmax, Xavier
 * uniform, SGD lr 0.2, batch 128) on the full split, printing validation AND test accuracy after every
 * epoch (the trainer itself measures the test set only once, at the end).
 * Usage: npx tsx bench/mnist-textbook.bench.ts [--seed 1] [--epochs 40]
 */
import { readMnistFiles } from '../src/mnist/load-node.ts';
import { splitMnist } from '../src/mnist/dataset.ts';
import { createTrainer, DEFAULT_TRAIN, trainToEnd } from '../src/mnist/train.ts';
import { evaluate } from '../src/mnist/evaluate.ts';
import { sgd } from '../src/optim/sgd.ts';
import { wholeOption } from './option.ts';


const config = { ...DEFAULT_TRAIN, seed: wholeOption('seed', 1, 0), epochs: wholeOption('epochs', 40, 0) };
const data = splitMnist(readMnistFiles(), { seed: config.seed });
const tr = createTrainer(data, config, sgd, { lr: 0.2 });
console.log(`textbook setting, seed ${config.seed}: epoch, validation accuracy, test accuracy, cumulative training seconds`);
trainToEnd(tr, (e) => {
  const test = evaluate(tr.net, data.test).accuracy;
  console.log(`${String(e.epoch).padStart(3)}  ${(100 * e.valAccuracy).toFixed(2)} %  ${(100 * test).toFixed(2)} %  ${e.seconds.toFixed(1)} s`);
});
console.log(`final test accuracy ${(100 * (tr.testAccuracy ?? NaN)).toFixed(2)} %`);

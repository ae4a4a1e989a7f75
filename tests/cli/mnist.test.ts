/**
 * `cli mnist`'s options: the MNIST field table (src/view/mnist-fields.ts) read from flags, with its
 * defaults, its one-line errors, its generated --help, and its `m.` link keys.
 */
import { describe, expect, it } from 'vitest';
import { parseMnistArgs, type MnistRequest } from '../../src/cli/mnist.ts';
import { decodeMnist, encodeMnist } from '../../src/view/mnist-link.ts';
import { decodeView } from '../../src/view/link.ts';
import { MNIST_TABLE } from '../../src/view/mnist-fields.ts';
import { FIELDS } from '../../src/view/fields.ts';
import { MNIST_VOCABULARY, VOCABULARY } from '../../src/view/vocabulary.ts';
import { formatEntrants } from '../../src/view/entrants.ts';
import { mnistRuns } from '../../src/view/mnist-options.ts';
import { runCli } from './run-cli.ts';

function parse(argv: string[]): MnistRequest {
  const r = parseMnistArgs(argv);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('cli mnist arguments', () => {
  it('defaults to the textbook network: SGD lr 0.2 against Adam lr 0.003, 784-64-16-10 sigmoid/tanh, Xavier uniform, batch 128, 10 epochs to 95 %, all images', () => {
    const r = parse([]);
    expect(formatEntrants(r.options.entrants)).toBe('sgd,adam');
    expect(r.options.hyper.sgd).toEqual({ lr: 0.2 });
    expect(r.options.hyper.adam).toEqual({ lr: 0.003, beta1: 0.9, beta2: 0.999, eps: 1e-8 });
    expect(r.config.mlp).toEqual({ sizes: [784, 64, 16, 10], activations: ['sigmoid', 'tanh'], batchNorm: false, keepProb: 1, l2: 0 });
    expect([r.config.init, r.config.batchSize, r.config.epochs, r.config.schedule.kind, r.config.seed, r.config.targetAccuracy]).toEqual(['xavier-uniform', 128, 10, 'fixed', 1, 0.95]);
    expect([r.options.limit, r.options.backend]).toEqual([null, 'auto']);
    expect(r.json).toBe(false);
  });

  it('reads every option', () => {
    const r = parse([
      '--optimizers', 'adam,nag', '--set', 'adam.lr=0.004', '--set=nag.beta=0.8', '--epochs', '3', '--batch', '64',
      '--hidden', '100,50,20', '--activations', 'relu,leaky-relu,tanh', '--init', 'he-normal', '--l2', '0.5',
      '--keep-prob', '0.8', '--batchnorm', '--schedule', 'step:gamma=0.5,size=100', '--seed', '9', '--limit', '2000',
      '--target', '0.95', '--backend', 'wasm', '--json',
    ]);
    // Race order, as on the surfaces: grouped by optimizer in registry order.
    expect(formatEntrants(r.options.entrants)).toBe('nag,adam');
    expect(r.options.hyper.adam.lr).toBe(0.004);
    expect(r.options.hyper.nag).toEqual({ lr: 0.15, beta: 0.8 });
    expect(r.config.mlp).toEqual({ sizes: [784, 100, 50, 20, 10], activations: ['relu', 'leaky-relu', 'tanh'], batchNorm: true, keepProb: 0.8, l2: 0.5 });
    expect(r.config.schedule).toEqual({ kind: 'step', params: { gamma: 0.5, size: 100 }, at: [] });
    expect([r.config.init, r.config.batchSize, r.config.epochs, r.config.seed, r.options.limit, r.config.targetAccuracy, r.options.backend, r.json]).toEqual([
      'he-normal', 64, 3, 9, 2000, 0.95, 'wasm', true,
    ]);
  });

  it('takes Muon (MNIST only), with its Muon and AdamW hyperparameters', () => {
    const r = parse(['--optimizers', 'sgd,muon', '--set', 'muon.lr=0.05', '--set', 'muon.adamLr=0.003']);
    expect(formatEntrants(r.options.entrants)).toBe('sgd,muon');
    expect(r.options.hyper.muon).toEqual({ lr: 0.05, beta: 0.95, adamLr: 0.003, adamBeta1: 0.9, adamBeta2: 0.95, adamEps: 1e-10, adamWd: 0 });
  });

  it('takes entrants in the surfaces syntax: labels, own hyperparameters over --set, own batch and schedule', () => {
    const r = parse(['--optimizers', 'adam,sgd,adam:lr=0.01:batch=32,adam:sched=[exp:gamma=0.99]', '--set', 'adam.beta1=0.8', '--batch', '64']);
    const runs = mnistRuns(r.options);
    expect(runs.map((x) => x.label)).toEqual(['sgd', 'adam', 'adam:lr=0.01:batch=32', 'adam:sched=[exp:gamma=0.99]']);
    expect(runs[1].hyper).toEqual({ lr: 0.003, beta1: 0.8, beta2: 0.999, eps: 1e-8 });
    expect(runs[2].hyper).toEqual({ lr: 0.01, beta1: 0.8, beta2: 0.999, eps: 1e-8 });
    expect(runs.map((x) => x.config.batchSize)).toEqual([64, 64, 32, 64]);
    expect(runs.map((x) => x.config.schedule.kind)).toEqual(['fixed', 'fixed', 'fixed', 'exp']);
    expect(mnistRuns(parse(['--optimizers', 'adam,adam']).options).map((x) => x.label)).toEqual(['adam', 'adam#2']);
  });

  it('gives other hidden layers the textbook activation at their depth, the last one repeated', () => {
    expect(parse(['--hidden', '32,32,32']).config.mlp.activations).toEqual(['sigmoid', 'tanh', 'tanh']);
    expect(parse(['--hidden', '']).config.mlp).toMatchObject({ sizes: [784, 10], activations: [] });
  });

  it('rejects bad input with one-line messages naming the flag', () => {
    // Issue 8: worded once from structured errors, as `--flag: …`.
    const bad: [string[], string][] = [
      [['--optimizers', 'sgd,foo'], '--optimizers: unknown optimizer "foo" (choose from sgd, momentum, '],
      [['--optimizers', 'adam:lr=99'], '--optimizers: entrant "adam:lr=99": lr expects a number from 0.00001 to 10'],
      [['--optimizers', 'sgd:batch=5000'], '--optimizers: entrant "sgd:batch=5000": batch expects a whole number from 1 to 4096 (images per mini-batch), got "5000"'],
      [['--set', 'sgd.lr=99'], '--set sgd.lr: expected a number from 0.00001 to 10, got "99"'],
      [['--set', 'nag.lr=0.1'], '--set nag.lr=0.1: nag is not among --optimizers'],
      [['--hidden', '64,16', '--activations', 'relu'], '--activations: expected 2 activation(s), one per hidden layer, got "relu"'],
      [['--hidden', '64,0'], '--hidden: expected widths, each a whole number from 1 to 1024, comma-separated, got "64,0"'],
      [['--hidden', '2048'], '--hidden: expected widths, each a whole number from 1 to 1024, comma-separated, got "2048"'],
      [['--hidden', '8,8,8,8,8'], '--hidden: expected at most 4 hidden layers, got "8,8,8,8,8"'],
      [['--batch', '4097'], '--batch: expected a whole number from 1 to 4096, got "4097"'],
      [['--seed', '2147483648'], '--seed: expected a whole number from 0 to 2147483647, got "2147483648"'],
      [['--activations', 'relu,swish'], '--activations: unknown activation "swish" (choose from sigmoid, tanh, relu, leaky-relu)'],
      [['--schedule', 'cosine'], '--schedule: unknown schedule "cosine"'],
      [['--keep-prob', '1.5'], '--keep-prob: expected a number more than 0 and at most 1, got "1.5"'],
      [['--keep-prob', '0'], '--keep-prob: expected a number more than 0 and at most 1, got "0"'],
      [['--l2', '-1'], '--l2: expected a number ≥ 0, got "-1"'],
      [['--init', 'ones'], '--init: unknown initialisation "ones" (choose from zeros, normal, xavier-uniform, xavier-normal, he-normal)'],
      [['--limit', '0'], '--limit: expected a whole number from 1 to 55000, or all, got "0"'],
      [['--target', '97'], '--target: expected a number from 0 to 1, got "97"'],
      [['--backend', 'gpu'], '--backend: expected auto, wasm or ts, got "gpu"'],
      [['--epochs', '1.5'], '--epochs: expected a whole number from 1 to 10000, got "1.5"'],
      [['--batchnorm=yes'], '--batchnorm takes no value'],
      [['--k', '1'], 'unknown option --k'],
    ];
    for (const [argv, message] of bad) {
      const r = parseMnistArgs(argv);
      expect(r.ok, argv.join(' ')).toBe(false);
      if (!r.ok) expect(r.error).toContain(message);
    }
  });

  it('prints --help generated from the table', () => {
    const r = runCli(['mnist', '--help']);
    expect(r.status).toBe(0);
    for (const flag of ['--optimizers a,b,…', '--set OPT.PARAM=VALUE …', '--epochs N', '--batch B', '--hidden W1,W2,…', '--activations a,b,…', '--init KIND', '--l2 L', '--keep-prob P', '--batchnorm', '--schedule SPEC', '--seed S', '--limit N', '--target ACC', '--backend auto|wasm|ts', '--json']) {
      expect(r.stdout).toContain(`\n  ${flag} `);
    }
    expect(r.stdout).toContain('passes over the training images, a whole number from 1 to 10000 (default: 10)');
  });
});

describe('the MNIST options in a link', () => {
  it('namespaces every key m., so none collides with a surfaces key', () => {
    expect(MNIST_TABLE.namespace).toBe('m.');
    const surfaceKeys = FIELDS.flatMap((f) => (f.kind === 'scalar' ? [f.key] : []));
    for (const f of MNIST_TABLE.fields) if (f.kind === 'scalar') expect(surfaceKeys).not.toContain(`m.${f.key}`);
  });

  it('writes only what differs from the defaults and reads it back exactly', () => {
    expect(encodeMnist(parse([]).options, MNIST_VOCABULARY)).toBe('');
    const options = parse(['--optimizers', 'adam,sgd,adam:lr=0.01', '--set', 'adam.lr=0.004', '--epochs', '5', '--hidden', '32', '--activations', 'relu', '--batchnorm', '--limit', '10000', '--seed', '3']).options;
    const hash = encodeMnist(options, MNIST_VOCABULARY);
    expect(hash).toBe('m.opt=sgd%2Cadam%2Cadam%3Alr%3D0.01&m.adam.lr=0.004&m.epochs=5&m.hidden=32&m.act=relu&m.bn=1&m.seed=3&m.limit=10000');
    expect(decodeMnist(hash, MNIST_VOCABULARY)).toEqual({ options, notices: [] });
    const muon = parse(['--optimizers', 'muon,sgd', '--set', 'muon.adamLr=0.003']).options;
    expect(encodeMnist(muon, MNIST_VOCABULARY)).toBe('m.opt=sgd%2Cmuon&m.muon.adamLr=0.003');
    expect(decodeMnist('m.opt=muon%2Csgd&m.muon.adamLr=0.003', MNIST_VOCABULARY)).toEqual({ options: muon, notices: [] });
  });

  it('keeps the default race when a link leaves no entrant, and says why; keeps the readable ones otherwise', () => {
    const none = decodeMnist('m.opt=foo%3Cscript%3E&m.epochs=-5', MNIST_VOCABULARY);
    expect(formatEntrants(none.options.entrants)).toBe('sgd,adam');
    expect(none.options.epochs).toBe(10);
    expect(none.notices).toEqual(['Ignored the unknown optimizer "foo<script>".', 'Ignored the epochs "-5": expected a whole number from 1 to 10000.']);
    const some = decodeMnist('m.opt=adam%2Cfoo%2Cadam%3Alr%3D99', MNIST_VOCABULARY);
    expect(formatEntrants(some.options.entrants)).toBe('adam');
    expect(some.notices).toHaveLength(2);
    expect(parseMnistArgs(['--optimizers', '']).ok).toBe(false);
  });

  it('shares the hash with the surfaces view: each reads only its own keys', () => {
    const hash = '#s=bowl&steps=50&m.seed=3&m.epochs=x&tab=mnist';
    expect(decodeView(hash, VOCABULARY).notices).toEqual([]);
    const mnist = decodeMnist(hash, MNIST_VOCABULARY);
    expect([mnist.options.seed, mnist.options.epochs]).toEqual([3, 10]);
    expect(mnist.notices).toEqual(['Ignored the epochs "x": expected a whole number from 1 to 10000.']);
  });
});

describe('cli mnist runs', () => {
  it('trains entrants on the fastest backend by default and labels them as the surfaces do', () => {
    const r = runCli(['mnist', '--optimizers', 'sgd,adam,adam:lr=0.01,adam', '--epochs', '1', '--limit', '600', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    // Node 20 has WebAssembly SIMD: auto picks it.
    expect(out.config.backend).toBe('wasm');
    expect(out.runs.map((x: { backend: string }) => x.backend)).toEqual(['wasm', 'wasm', 'wasm', 'wasm']);
    expect(out.config.trainExamples).toBe(600);
    expect(out.runs.map((x: { entrant: string }) => x.entrant)).toEqual(['sgd', 'adam', 'adam:lr=0.01', 'adam#2']);
    expect(out.runs.map((x: { hyper: { lr: number } }) => x.hyper.lr)).toEqual([0.2, 0.003, 0.01, 0.003]);
    // Identical entrants train identically (same weights, batches, rule).
    expect(out.runs[3].epochs[0].valLoss).toBe(out.runs[1].epochs[0].valLoss);
    expect(out.runs[2].epochs[0].valLoss).not.toBe(out.runs[1].epochs[0].valLoss);
    const ts = JSON.parse(runCli(['mnist', '--optimizers', 'sgd', '--epochs', '1', '--limit', '600', '--backend', 'ts', '--json']).stdout);
    expect(ts.config.backend).toBe('ts');
    const table = runCli(['mnist', '--optimizers', 'adam,adam', '--epochs', '1', '--limit', '300']);
    expect(table.stdout).toMatch(/\nadam#2 {2}\(Adam\)/);
  }, 120_000);
});

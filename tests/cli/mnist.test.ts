import { describe, expect, it } from 'vitest';
import { parseMnistArgs } from '../../src/cli/mnist.ts';
import { UsageError } from '../../src/cli/args.ts';

describe('cli mnist arguments', () => {
  it('defaults to the textbook setting: SGD lr 0.2, 784-64-16-10 sigmoid/tanh, Xavier uniform, batch 128, 40 epochs', () => {
    const r = parseMnistArgs([]);
    expect(r.optimizers).toEqual(['sgd']);
    expect(r.hyper.sgd).toEqual({ lr: 0.2 });
    expect(r.config.mlp).toEqual({ sizes: [784, 64, 16, 10], activations: ['sigmoid', 'tanh'], batchNorm: false, keepProb: 1, l2: 0 });
    expect([r.config.init, r.config.batchSize, r.config.epochs, r.config.schedule.kind]).toEqual(['xavier-uniform', 128, 40, 'fixed']);
    expect(r.limit).toBeUndefined();
    expect(r.json).toBe(false);
  });

  it('reads every option', () => {
    const r = parseMnistArgs([
      '--optimizers', 'adam,nag', '--set', 'adam.lr=0.004', '--set=nag.beta=0.8', '--epochs', '3', '--batch', '64',
      '--hidden', '100,50,20', '--activations', 'relu,leaky-relu,tanh', '--init', 'he-normal', '--l2', '0.5',
      '--keep-prob', '0.8', '--batchnorm', '--schedule', 'step:gamma=0.5,size=100', '--seed', '9', '--limit', '2000',
      '--target', '0.95', '--json',
    ]);
    expect(r.optimizers).toEqual(['adam', 'nag']);
    expect(r.hyper.adam.lr).toBe(0.004);
    expect(r.hyper.nag).toEqual({ lr: 0.15, beta: 0.8 });
    expect(r.config.mlp).toEqual({ sizes: [784, 100, 50, 20, 10], activations: ['relu', 'leaky-relu', 'tanh'], batchNorm: true, keepProb: 0.8, l2: 0.5 });
    expect(r.config.schedule).toEqual({ kind: 'step', params: { gamma: 0.5, size: 100 }, at: [] });
    expect([r.config.init, r.config.batchSize, r.config.epochs, r.config.seed, r.limit, r.config.targetAccuracy, r.json]).toEqual(['he-normal', 64, 3, 9, 2000, 0.95, true]);
  });

  it('rejects bad input with one-line usage errors', () => {
    const bad: [string[], RegExp][] = [
      [['--optimizers', 'sgd,foo'], /unknown "foo"/],
      [['--set', 'sgd.lr=99'], /sgd.lr must be a number in/],
      [['--set', 'adam.lr=0.1'], /adam is not among --optimizers/],
      [['--hidden', '64,16', '--activations', 'relu'], /--activations lists 1, but --hidden has 2/],
      [['--activations', 'relu,swish'], /unknown activation "swish"/],
      [['--schedule', 'cosine'], /--schedule: unknown schedule "cosine"/],
      [['--keep-prob', '1.5'], /keep probability 1.5 must be in \(0, 1\]/],
      [['--init', 'ones'], /unknown initialisation "ones"/],
      [['--limit', '0'], /--limit expects a whole number/],
      [['--target', '97'], /--target expects an accuracy in \[0, 1\]/],
      [['--backend', 'gpu'], /--backend expects ts or wasm/],
      [['--epochs', '1.5'], /--epochs expects a whole number/],
    ];
    for (const [argv, message] of bad) {
      expect(() => parseMnistArgs(argv), argv.join(' ')).toThrow(UsageError);
      expect(() => parseMnistArgs(argv), argv.join(' ')).toThrow(message);
    }
  });
});

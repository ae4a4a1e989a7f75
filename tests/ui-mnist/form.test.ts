import { describe, expect, it } from 'vitest';
import { defaultForm, fitActivations, formErrors, parseHidden } from '../../src/ui/mnist/form.ts';

describe('defaultForm', () => {
  it('is the textbook network with SGD (lr 0.2) against Adam, and is valid', () => {
    const f = defaultForm();
    expect(f.hidden).toBe('64,16');
    expect(f.activations).toEqual(['sigmoid', 'tanh']);
    expect(f.init).toBe('xavier-uniform');
    expect(f.batchSize).toBe(128);
    expect(f.optimizers.filter((o) => o.enabled).map((o) => o.id)).toEqual(['sgd', 'adam']);
    expect(f.optimizers.find((o) => o.id === 'sgd')!.hyper).toEqual({ lr: 0.2 });
    expect(formErrors(f)).toEqual([]);
  });
});

describe('parseHidden', () => {
  it('reads comma-separated widths and rejects non-integers', () => {
    expect(parseHidden(' 64, 16 ')).toEqual([64, 16]);
    expect(parseHidden('')).toEqual([]);
    expect(parseHidden('64,1.5')).toBe('hidden layer size "1.5" must be a whole number from 1 to 4096');
    expect(parseHidden('64,x')).toBe('hidden layer size "x" must be a whole number from 1 to 4096');
  });
});

describe('fitActivations', () => {
  it('keeps existing choices and fills new layers with ReLU', () => {
    expect(fitActivations(['sigmoid', 'tanh'], 3)).toEqual(['sigmoid', 'tanh', 'relu']);
    expect(fitActivations(['sigmoid', 'tanh'], 1)).toEqual(['sigmoid']);
  });
});

describe('formErrors', () => {
  it('lists each problem in words', () => {
    const f = defaultForm();
    f.optimizers.forEach((o) => (o.enabled = false));
    f.keepProb = 0;
    f.schedule = 'step:gamma=x';
    f.limit = 70_000;
    expect(formErrors(f)).toEqual([
      'choose at least one optimizer',
      'keep probability must be in (0, 1]',
      'training subset must be a whole number from 0 to 55000 (0 = all)',
      'schedule step: gamma must be a number, got "x"',
    ]);
  });
  it('checks hyperparameters against the registry ranges', () => {
    const f = defaultForm();
    f.optimizers.find((o) => o.id === 'adam')!.hyper.lr = 50;
    expect(formErrors(f)).toEqual(['adam.lr must be a number in [0.00001, 10], got 50']);
  });
});

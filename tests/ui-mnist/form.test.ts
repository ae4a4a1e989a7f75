import { describe, expect, it } from 'vitest';
import { defaultForm, fitActivations, formErrors, formOf, optionsOf, parseHidden, racing, withRacing } from '../../src/ui/mnist/form.ts';
import { decodeMnist, encodeMnist } from '../../src/view/mnist-link.ts';
import { MNIST_VOCABULARY } from '../../src/view/vocabulary.ts';

describe('defaultForm', () => {
  it('is the textbook network with SGD (lr 0.2) against Adam on all images, 10 epochs to 95 %, and is valid', () => {
    const f = defaultForm();
    expect(f.hidden).toBe('64,16');
    expect(f.activations).toEqual(['sigmoid', 'tanh']);
    expect(f.init).toBe('xavier-uniform');
    expect(f.batchSize).toBe(128);
    expect([f.limit, f.epochs, f.targetPercent, f.backend]).toEqual([0, 10, 95, 'auto']);
    expect(f.entrants).toBe('sgd,adam');
    expect(f.optimizers.find((o) => o.id === 'sgd')!.hyper).toEqual({ lr: 0.2 });
    expect(formErrors(f)).toEqual([]);
  });
});

describe('parseHidden', () => {
  it('reads comma-separated widths and rejects non-integers', () => {
    expect(parseHidden(' 64, 16 ')).toEqual([64, 16]);
    expect(parseHidden('')).toEqual([]);
    expect(parseHidden('64,1.5')).toBe('hidden layer size "1.5" must be a whole number from 1 to 1024');
    expect(parseHidden('64,x')).toBe('hidden layer size "x" must be a whole number from 1 to 1024');
    // The field table's caps, as the link and the CLI read them.
    expect(parseHidden('1024,1024,1024,1024')).toEqual([1024, 1024, 1024, 1024]);
    expect(parseHidden('1025')).toBe('hidden layer size "1025" must be a whole number from 1 to 1024');
    expect(parseHidden('8,8,8,8,8')).toBe('at most 4 hidden layers');
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
    f.entrants = '';
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

describe('the form and the link', () => {
  it('maps options to the form and back exactly, so the link the form writes reproduces it', () => {
    const hash = 'm.opt=sgd%2Cadam%2Cadam%3Alr%3D0.01&m.adam.beta1=0.8&m.epochs=3&m.hidden=32&m.act=relu&m.sched=exp%3Agamma%3D0.99&m.seed=7&m.limit=2000&m.target=0.9&m.backend=ts';
    const { options, notices } = decodeMnist(hash, MNIST_VOCABULARY);
    expect(notices).toEqual([]);
    const f = formOf(options);
    expect([f.entrants, f.hidden, f.epochs, f.seed, f.limit, f.targetPercent, f.schedule]).toEqual(['sgd,adam,adam:lr=0.01', '32', 3, 7, 2000, 90, 'exp:gamma=0.99']);
    expect(formErrors(f)).toEqual([]);
    expect(optionsOf(f)).toEqual(options);
    expect(encodeMnist(optionsOf(f), MNIST_VOCABULARY)).toBe(hash);
    expect(encodeMnist(optionsOf(defaultForm()), MNIST_VOCABULARY)).toBe('');
  });
  it('toggles an optimizer in (one plain entrant, race order) and out (all its entrants)', () => {
    const f = defaultForm();
    f.entrants = 'adam,adam:lr=0.01';
    expect(racing(f, 'sgd')).toBe(false);
    expect(withRacing(f, 'sgd', true)).toBe('sgd,adam,adam:lr=0.01');
    expect(withRacing(f, 'adam', true)).toBe('adam,adam:lr=0.01');
    expect(withRacing(f, 'adam', false)).toBe('');
  });
  it('words entrants it cannot read where they were typed', () => {
    const f = defaultForm();
    f.entrants = 'sgd,foo,adam:lr=99';
    expect(formErrors(f)).toEqual([
      'entrants: unknown optimizer "foo" (choose from sgd, momentum, nag, adagrad, adadelta, rmsprop, adam, adamw, nadam, amsgrad, radam, adabelief, lion, sfsgd, muon)',
      'entrants: entrant "adam:lr=99": lr expects a number from 0.00001 to 10, got "99"',
    ]);
  });
});

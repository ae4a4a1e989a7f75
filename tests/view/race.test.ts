/**
 * raceForView, the one race builder: view → entrants → race, the same for the app, the exports and the CLI.
 */
import { describe, expect, it } from 'vitest';
import { compileExpression, expressionObjective } from '../../src/math/expression/index.ts';
import { getOptimizer } from '../../src/optim/index.ts';
import { race } from '../../src/run/race.ts';
import { entrantsForView, raceForView } from '../../src/view/race.ts';
import { decodeView } from '../../src/view/link.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';

describe('raceForView', () => {
  it('races the view\'s optimizers with their hyperparameters from one start, budget, target, noise and seed', () => {
    const { view } = decodeView('#s=rosenbrock&steps=40&noise=0.5&seed=9&opt=nag,adam&adam.lr=0.05&target=2', VOCABULARY);
    expect(entrantsForView(view)).toEqual([
      { optimizer: getOptimizer('nag'), hyper: view.hyper.nag, own: {}, label: 'nag', copy: 1 },
      { optimizer: getOptimizer('adam'), hyper: { lr: 0.05, beta1: 0.9, beta2: 0.999, eps: 1e-8 }, own: {}, label: 'adam', copy: 1 },
    ]);
    const compiled = compileExpression(view.expr);
    if (!compiled.ok) throw new Error('rosenbrock compiles');
    const reference = race({
      objective: expressionObjective(compiled.value),
      entrants: entrantsForView(view),
      start: [-1.2, 1],
      steps: 40,
      target: 2,
      noise: { sigma: 0.5, seed: 9 },
    });
    expect(raceForView(view)).toEqual(reference);
    // The app passes its compiled objective: the same race.
    expect(raceForView(view, expressionObjective(compiled.value))).toEqual(reference);
  });

  it('with no target set, no run reaches it, even one that lands on the minimum', () => {
    // SGD lr 0.5 on x² + y² jumps to (0, 0) in one update: loss 0.
    const { view } = decodeView('#f=x%5E2%2By%5E2&start=1,1&opt=sgd&sgd.lr=0.5&steps=3', VOCABULARY);
    expect(view.target).toBeNull();
    const [sgd] = raceForView(view);
    expect(sgd.losses[1]).toBe(0);
    expect(sgd.hit).toBeNull();
    const [reached] = raceForView({ ...view, target: 0 });
    expect(reached.hit).toBe(1);
  });

  it('runs without noise at σ = 0 whatever the seed', () => {
    const a = decodeView('#s=saddle&steps=20&seed=1', VOCABULARY).view;
    expect(raceForView({ ...a, seed: 77 })).toEqual(raceForView(a));
  });
});

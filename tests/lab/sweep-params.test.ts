/** The Sweep view's choices of swept hyperparameter (src/lab/sweep-params.ts), for real races. */
import { describe, expect, it } from 'vitest';
import { getOptimizer } from '../../src/optim/index.ts';
import { STEP_PARAM_LABEL, sweepParamChoices } from '../../src/lab/sweep-params.ts';

const keys = (...ids: Parameters<typeof getOptimizer>[0][]) => sweepParamChoices(ids.map(getOptimizer)).map((c) => c.key);

describe('sweepParamChoices', () => {
  it('offers the step parameter first, then the hyperparameters every entrant has', () => {
    expect(keys('momentum', 'nag')).toEqual([null, 'beta']);
    expect(keys('momentum')).toEqual([null, 'beta', 'dampening']);
    expect(keys('adam', 'adamw')).toEqual([null, 'beta1', 'beta2', 'eps']);
    expect(sweepParamChoices([getOptimizer('momentum'), getOptimizer('nag')])).toEqual([
      { key: null, label: STEP_PARAM_LABEL },
      { key: 'beta', label: 'beta (momentum)' },
    ]);
  });

  it('has only the default when the entrants share nothing but the step parameter', () => {
    expect(keys('sgd', 'momentum', 'adam')).toEqual([null]);
    expect(keys()).toEqual([null]);
  });

  it('lists ε where it is some entrants\' step parameter (AdaDelta) but not every one\'s', () => {
    // AdaDelta has no lr: its ε is the default, but ε is also Adam's, whose default is lr.
    expect(keys('adam', 'adadelta')).toEqual([null, 'eps']);
    expect(keys('adadelta')).toEqual([null, 'rho']);
  });
});

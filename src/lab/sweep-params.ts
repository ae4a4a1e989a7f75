/**
 * The hyperparameters a sweep can vary for a race (issue 10, the Sweep view's "Swept" control and the
 * link's `lab=sweep:param=P`): first the default, each entrant's own step parameter (null: lr, or ε for
 * AdaDelta; sweep.ts sweepParam), then every hyperparameter that all entrants have, in the first entrant's
 * order, labelled by its key and the registry's label. A key that is already every entrant's step
 * parameter (lr in a race without AdaDelta) is the default, so it is not listed twice.
 */
import type { Optimizer } from '../optim/types.ts';
import { sweepParam } from './sweep.ts';

export interface SweepParamChoice {
  /** The `param` of the sweep: null for each entrant's step parameter. */
  readonly key: string | null;
  readonly label: string;
}

export const STEP_PARAM_LABEL = 'step parameter (lr / ε)';

export function sweepParamChoices(optimizers: readonly Optimizer[]): SweepParamChoice[] {
  const choices: SweepParamChoice[] = [{ key: null, label: STEP_PARAM_LABEL }];
  if (optimizers.length === 0) return choices;
  for (const spec of optimizers[0].hyper) {
    const common = optimizers.every((o) => o.hyper.some((h) => h.key === spec.key));
    const isDefault = optimizers.every((o) => sweepParam(o) === spec.key);
    if (common && !isDefault) choices.push({ key: spec.key, label: `${spec.key} (${spec.label})` });
  }
  return choices;
}

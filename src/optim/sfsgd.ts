/**
 * Schedule-Free SGD:  g = ∇f(y);  z ← z − η·g;  x ← (1 − 1/t)·x + (1/t)·z;  y ← β·x + (1−β)·z
 * with z = x = y = the start point before the first update; the reported point (the run's trajectory,
 * loss and target, and `params` here) is x, the running average of the z's.
 * Source: Defazio et al. 2024, "The Road Less Scheduled", Algorithm 1; the form of
 * facebookresearch/schedule_free's `sgd_schedulefree_reference.py` with r = 0, no warm-up, no weight decay
 * and a constant η, so the averaging weight cₜ = 1/t (a plain running mean). There `p.data` holds y and x
 * is swapped in by `optimizer.eval()`; here params always hold x, and y and z live in the state (the
 * gradient oracle is called at y, and the loss it reports is the loss at y).
 * Learning-rate schedules do not apply (`schedulable: false`): the averaging replaces them, and η is the
 * one rate of the whole run. With batch norm, statistics for evaluation must be recomputed at x
 * (src/mnist/train.ts does so), as the reference's README advises.
 */
import { zerosLike, type Vec } from '../math/vector.ts';
import type { GradientOracle } from '../math/objective.ts';
import type { Hyper, Optimizer, OptimizerState } from './types.ts';
import { descend } from './moments.ts';
import { decayRate, learningRate } from './specs.ts';

export interface SfsgdState extends OptimizerState {
  /** Where the gradient is taken: β·x + (1−β)·z. */
  y: Vec;
  /** The plain SGD sequence, driven by the gradients at y. */
  z: Vec;
}

export const sfsgd: Optimizer<SfsgdState> = {
  id: 'sfsgd',
  name: 'Schedule-Free SGD',
  formula:
    'g = \\nabla f(y),\\; z \\leftarrow z - \\eta\\, g,\\; x \\leftarrow \\big(1-\\tfrac1t\\big)\\, x + \\tfrac1t\\, z \\\\ y \\leftarrow \\beta x + (1-\\beta)\\, z,\\quad \\theta = x \\text{ (the point shown)}',
  convention:
    'facebookresearch/schedule_free reference with r = 0, no warm-up, constant η (cₜ = 1/t). The point shown is x; the gradient is taken at y. Learning-rate schedules do not apply.',
  note:
    'Plain SGD steps (z) are averaged into the point it reports (x), and the gradient is taken in between (y), which acts like momentum. The average does the work a decaying learning-rate schedule would do, so it needs no schedule and no stopping time.',
  group: 'more',
  schedulable: false,
  hyper: [learningRate(1), decayRate('beta', 'interpolation', '\\beta', 0.9)],
  init(params) {
    const y = zerosLike(params);
    const z = zerosLike(params);
    y.set(params);
    z.set(params);
    return { t: 0, g: zerosLike(params), y, z };
  },
  step(params: Vec, state: SfsgdState, hyper: Hyper, oracle: GradientOracle): number {
    state.t += 1;
    const { g, y, z } = state;
    const { beta } = hyper;
    const loss = oracle(y, g);
    descend(z, g, hyper.lr);
    const c = 1 / state.t;
    for (let i = 0; i < params.length; i++) {
      const x = (1 - c) * params[i] + c * z[i];
      params[i] = x;
      y[i] = beta * x + (1 - beta) * z[i];
    }
    return loss;
  },
};

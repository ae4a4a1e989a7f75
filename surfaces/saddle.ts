import { gapTarget } from '../src/run/target.ts';
import type { SurfaceDef } from './types.ts';

export const saddle: SurfaceDef = {
  id: 'saddle',
  title: 'Saddle',
  expr: 'x^2 - y^2 + y^4/4',
  domain: { x: [-2.5, 2.5], y: [-2.5, 2.5] },
  start: [-2, 0.001],
  minima: [
    [0, Math.SQRT2],
    [0, -Math.SQRT2],
  ],
  minValue: -1,
  target: gapTarget(-0.9, -1), // f ≤ −0.9: below the saddle's value 0, so the run escaped it
  steps: 300,
  hyper: { sgd: { lr: 0.03 }, momentum: { lr: 0.01 }, nag: { lr: 0.01 }, adagrad: { lr: 0.3 }, adadelta: { eps: 1e-4 }, rmsprop: { lr: 0.03 }, adam: { lr: 0.03 } },
  levels: 'linear',
  note:
    'A saddle at the origin (value 0) between two valleys at (0, ±√2) (value −1). The start sits almost on the ridge line y = 0, where the gradient along y is tiny: gradient descent slides into the saddle and waits there until the small y offset grows. Reaching the target (within 0.1 of the minimum, so below −0.9 and well below the saddle) means escaping. Methods that normalise the gradient escape much sooner.',
  source: 'Dauphin et al. 2014, "Identifying and attacking the saddle point problem"; d2l.ai §12.1.',
};

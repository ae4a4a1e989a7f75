import { gapTarget } from '../src/run/target.ts';
import type { SurfaceDef } from './types.ts';

export const camel: SurfaceDef = {
  id: 'camel',
  title: 'Six-hump camel',
  expr: '(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (-4 + 4*y^2)*y^2',
  domain: { x: [-2, 2], y: [-1.2, 1.2] },
  start: [-1.8, -0.2],
  minima: [
    [0.08984201368301331, -0.7126564032704135],
    [-0.08984201368301331, 0.7126564032704135],
  ],
  minValue: -1.031628453489877,
  target: gapTarget(-1.03, -1.031628453489877), // f ≤ −1.03: only the two global basins go below it
  steps: 1000,
  hyper: { sgd: { lr: 0.03 }, momentum: { lr: 0.1 }, nag: { lr: 0.1 }, adagrad: { lr: 1 }, rmsprop: { lr: 1 }, adam: { lr: 1 } },
  levels: 'linear',
  note:
    'Six local minima, two of them global (−1.03), separated by low humps. From the start on the left flank, plain gradient descent settles in the nearest local minimum (−1.70, 0.80), value −0.22; momentum, or the large normalised steps of the adaptive methods, carry a run over the hump into a global one. Momentum is not only about speed.',
  source: 'Dixon & Szegő 1978, "The global optimisation problem"; Surjanovic & Bingham, Virtual Library of Simulation Experiments.',
};

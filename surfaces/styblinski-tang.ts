import { gapTarget } from '../src/run/target.ts';
import type { SurfaceDef } from './types.ts';

export const styblinskiTang: SurfaceDef = {
  id: 'styblinski-tang',
  title: 'Styblinski–Tang',
  expr: '(x^4 - 16*x^2 + 5*x + y^4 - 16*y^2 + 5*y)/2',
  domain: { x: [-5, 5], y: [-5, 5] },
  start: [0, 4.8],
  minima: [[-2.903534027771178, -2.903534027771178]],
  minValue: -78.33233140754282,
  target: gapTarget(-78, -78.33233140754282), // f ≤ −78: only the global basin goes below it
  steps: 500,
  hyper: { sgd: { lr: 0.003 }, momentum: { lr: 0.01 }, nag: { lr: 0.01 }, adagrad: { lr: 0.3 }, rmsprop: { lr: 0.1 }, adam: { lr: 1 } },
  levels: 'linear',
  note:
    'Four basins of different depth: (−2.90, −2.90) at −78.3, two mixed ones at −64.2 and (2.75, 2.75) at −50.1. From the start high on the y wall, x rolls the right way by itself, but y must cross the hump at y ≈ 0.16: plain descent and the cautious adaptive steps stop in the mixed basin at −64.2, while momentum (and Adam with a large learning rate) arrive with enough speed to reach the global minimum.',
  source: 'Styblinski & Tang 1990, "Experiments in nonconvex optimization"; Surjanovic & Bingham, Virtual Library of Simulation Experiments.',
};

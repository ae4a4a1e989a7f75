import type { SurfaceDef } from './types.ts';

export const beale: SurfaceDef = {
  id: 'beale',
  title: 'Beale',
  expr: '(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2',
  domain: { x: [-4.5, 4.5], y: [-4.5, 4.5] },
  start: [1, 1.5],
  minima: [[3, 0.5]],
  minValue: 0,
  target: 1e-3,
  steps: 3000,
  hyper: { sgd: { lr: 0.01 }, momentum: { lr: 0.003 }, nag: { lr: 0.003 }, adagrad: { lr: 1 }, rmsprop: { lr: 0.01 }, adam: { lr: 0.1 },
    adamw: { lr: 0.1 }, nadam: { lr: 0.1 }, amsgrad: { lr: 0.1 }, radam: { lr: 0.01 }, adabelief: { lr: 0.1 }, lion: { lr: 0.03 }, sfsgd: { lr: 0.01 } },
  levels: 'log',
  note:
    'Sharp ridges and a wide, very flat basin that curls towards the minimum at (3, 0.5). Gradients range over several orders of magnitude along one path, so a single learning rate is either reckless on the ridges or idle in the basin; the adaptive methods cope best.',
  source: 'Beale 1958; the optimizer visualisations of Alec Radford (2014) and Louis Tiao (2016) made it a classic.',
};

import type { SurfaceDef } from './types.ts';

export const ackley: SurfaceDef = {
  id: 'ackley',
  title: 'Ackley',
  expr: '-20*exp(-0.2*sqrt(0.5*(x^2 + y^2))) - exp(0.5*(cos(2*pi*x) + cos(2*pi*y))) + e + 20',
  domain: { x: [-5, 5], y: [-5, 5] },
  start: [2.6, 1.8],
  minima: [[0, 0]],
  minValue: 0,
  target: 0.1,
  steps: 1000,
  hyper: { sgd: { lr: 0.1 }, momentum: { lr: 0.01 }, nag: { lr: 0.01 }, adagrad: { lr: 1 }, adadelta: { eps: 0.01 }, rmsprop: { lr: 0.3 }, adam: { lr: 0.1 },
    adamw: { lr: 0.1 }, nadam: { lr: 0.1 }, amsgrad: { lr: 0.1 }, radam: { lr: 0.1 }, adabelief: { lr: 0.1 }, lion: { lr: 0.03 }, sfsgd: { lr: 0.1 } },
  levels: 'linear',
  note:
    'A nearly flat, dimpled outer region around a single sharp funnel (the gradient is not even defined at the minimum itself). Whether a run finds the funnel depends on step length versus dimple spacing (1): SGD with a large learning rate and RMSprop hop from dimple to dimple into the funnel, while small careful steps (momentum at a small learning rate, Adam) settle in the first dimple. Near the kink at the bottom, steps that do not shrink chatter.',
  source: 'Ackley 1987, A Connectionist Machine for Genetic Hillclimbing; Surjanovic & Bingham, Virtual Library of Simulation Experiments.',
};

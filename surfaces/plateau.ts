import type { SurfaceDef } from './types.ts';

export const plateau: SurfaceDef = {
  id: 'plateau',
  title: 'Plateau',
  expr: '1 - exp(-(x^2 + y^2)/2)',
  domain: { x: [-5, 5], y: [-5, 5] },
  start: [3.5, 2.5],
  minima: [[0, 0]],
  minValue: 0,
  target: 0.01,
  steps: 500,
  hyper: { sgd: { lr: 1 }, momentum: { lr: 0.3 }, nag: { lr: 0.3 }, adagrad: { lr: 0.1 }, rmsprop: { lr: 0.03 }, adam: { lr: 0.03 },
    adamw: { lr: 0.03 }, nadam: { lr: 0.03 }, amsgrad: { lr: 0.03 }, radam: { lr: 0.03 }, adabelief: { lr: 0.03 }, lion: { lr: 0.01 }, sfsgd: { lr: 1 } },
  levels: 'linear',
  note:
    'A Gaussian well in a flat plain: far from the centre the gradient is about 10⁻³ and shrinking fast. Steps proportional to the gradient barely move; RMSprop and Adam divide by the gradient\'s own size and walk across the plain at roughly the learning rate per step.',
  lessons: {
    sgd: 'Even at η 1 a step is the size of the gradient, about 10⁻³ here: after 500 steps it has moved from (3.5, 2.5) only to about (3.15, 2.25).',
    momentum: 'The velocity adds up the tiny gradients: it creeps for some 240 steps, then rushes into the well and reaches the target at step 268.',
    adagrad: 'Dividing by the gradient\'s own size makes its first step exactly η = 0.1 in each coordinate, tiny gradient or not; it reaches the target at step 130.',
    radam: 'Its first steps are plain momentum steps, as small as the gradient, and Adam\'s scaling then enters slowly through r: after 50 steps it has moved about 0.15, and it reaches the target at step 247.',
    lion: 'Each update moves 0.01 per coordinate however flat the plain, so it crosses it steadily; at the well its slow momentum carries it past the centre, and it ends swinging through it about half a unit either way.',
  },
  source: 'Goodfellow, Bengio & Courville, Deep Learning, §8.2.3 (plateaus and flat regions).',
};

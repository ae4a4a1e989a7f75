import type { SurfaceDef } from './types.ts';

export const himmelblau: SurfaceDef = {
  id: 'himmelblau',
  title: 'Himmelblau',
  expr: '(x^2 + y - 11)^2 + (x + y^2 - 7)^2',
  domain: { x: [-5, 5], y: [-5, 5] },
  start: [-0.3, -0.9],
  minima: [
    [3, 2],
    [-2.805118086952745, 3.131312518250573],
    [-3.779310253377747, -3.283185991286170],
    [3.584428340330492, -1.848126526964404],
  ],
  minValue: 0,
  target: 1e-3,
  steps: 1000,
  hyper: { sgd: { lr: 0.01 }, momentum: { lr: 0.003 }, nag: { lr: 0.003 }, adagrad: { lr: 1 }, adadelta: { eps: 1e-4 }, rmsprop: { lr: 0.1 }, adam: { lr: 0.1 },
    adamw: { lr: 0.1 }, nadam: { lr: 0.1 }, amsgrad: { lr: 0.1 }, radam: { lr: 0.1 }, adabelief: { lr: 0.1 }, lion: { lr: 0.03 }, sfsgd: { lr: 0.01 } },
  levels: 'log',
  note:
    'Four equally good minima around a local maximum at (−0.27, −0.92), and the start right next to it. Which minimum a run ends in depends on how the optimizer turns gradients into steps: SGD and the momentum methods follow the gradient down to (−3.78, −3.28), while AdaGrad, RMSprop and Adam, whose first steps are close to lr·sign(g), set off diagonally and end at (−2.81, 3.13). A non-convex loss has no single "the" minimum.',
  source: 'Himmelblau 1972, Applied Nonlinear Programming.',
};

import type { SurfaceDef } from './types.ts';

export const ravine: SurfaceDef = {
  id: 'ravine',
  title: 'Diagonal ravine',
  expr: '5*(x - y)^2 + (x + y)^2/20',
  domain: { x: [-6, 6], y: [-6, 6] },
  start: [-4.5, -3.5],
  minima: [[0, 0]],
  minValue: 0,
  target: 1e-3,
  steps: 300,
  hyper: { sgd: { lr: 0.09 }, momentum: { lr: 0.01 }, nag: { lr: 0.01 }, adagrad: { lr: 1 }, adadelta: { eps: 1e-4 }, rmsprop: { lr: 0.03 }, adam: { lr: 0.1 },
    adamw: { lr: 0.1 }, nadam: { lr: 0.1 }, amsgrad: { lr: 0.1 }, radam: { lr: 0.1 }, adabelief: { lr: 0.1 }, lion: { lr: 0.03 }, sfsgd: { lr: 0.09 } },
  levels: 'log',
  note:
    'The same kind of long narrow valley as the bowl, with condition number 100, but turned 45°. AdaGrad, RMSprop and Adam rescale x and y separately, which no longer lines up with the valley: their advantage over momentum mostly disappears. Per-coordinate adaptivity is not rotation invariant.',
  source: 'Goodfellow, Bengio & Courville, Deep Learning, §8.2 (ill-conditioning) and §8.5 (adaptive rates).',
};

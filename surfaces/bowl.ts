import type { SurfaceDef } from './types.ts';

export const bowl: SurfaceDef = {
  id: 'bowl',
  title: 'Elongated bowl',
  expr: 'x^2/10 + y^2',
  domain: { x: [-10, 10], y: [-5, 5] },
  start: [-7, 2],
  minima: [[0, 0]],
  minValue: 0,
  target: 1e-3,
  steps: 200,
  hyper: { sgd: { lr: 0.9 }, momentum: { lr: 0.1 }, nag: { lr: 0.1 }, adagrad: { lr: 1 }, adadelta: { eps: 1e-3 }, rmsprop: { lr: 0.3 }, adam: { lr: 0.3 },
    adamw: { lr: 0.3 }, nadam: { lr: 0.3 }, amsgrad: { lr: 0.3 }, radam: { lr: 0.3 }, adabelief: { lr: 0.3 }, lion: { lr: 0.1 }, sfsgd: { lr: 0.9 } },
  levels: 'log',
  note:
    'Curvature is ten times larger across (y) than along (x). The learning rate that is safe across is too small along, so plain gradient descent zig-zags across the bowl or crawls along it; momentum averages the zig-zag away, and the adaptive methods rescale each coordinate.',
  source: 'Dive into Deep Learning (d2l.ai), §12.6 Momentum, the ill-conditioned quadratic demo.',
};

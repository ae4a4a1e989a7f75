import type { SurfaceDef } from './types.ts';

export const rastrigin: SurfaceDef = {
  id: 'rastrigin',
  title: 'Rastrigin',
  expr: '20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)',
  domain: { x: [-5.12, 5.12], y: [-5.12, 5.12] },
  start: [1.3, -1.4],
  minima: [[0, 0]],
  minValue: 0,
  target: 0.01,
  steps: 1000,
  hyper: { sgd: { lr: 0.003 }, momentum: { lr: 0.005 }, nag: { lr: 0.003 }, adagrad: { lr: 1 }, rmsprop: { lr: 0.1 }, adam: { lr: 0.1 },
    adamw: { lr: 0.1 }, nadam: { lr: 0.1 }, amsgrad: { lr: 0.1 }, radam: { lr: 0.1 }, adabelief: { lr: 0.1 }, lion: { lr: 0.03 }, sfsgd: { lr: 0.003 } },
  levels: 'linear',
  note:
    'An egg-crate of local minima near every integer point on top of a gentle bowl, with curvature near 400 inside each cup. From the start beside the cup at (1, −1), SGD, Momentum, Nesterov, AdaDelta, RMSprop and Adam settle in that cup (raise Momentum\'s learning rate to 0.01 and η·400 = 4 exceeds the heavy ball\'s stability limit 2(1+β) = 3.8: it is thrown from cup to cup, far beyond the plot); AdaGrad\'s first step, lr = 1 in each coordinate, jumps one cup inwards and its shrinking steps then settle at the global minimum. Local methods find local minima: reaching the global one here is a coincidence of step size and cup spacing.',
  source: 'Rastrigin 1974; Mühlenbein, Schomisch & Born 1991 for the n-dimensional form.',
};

import type { SurfaceDef } from './types.ts';

export const rastrigin: SurfaceDef = {
  id: 'rastrigin',
  title: 'Rastrigin',
  expr: '20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)',
  domain: { x: [-5.12, 5.12], y: [-5.12, 5.12] },
  start: [2.5, 2.5],
  minima: [[0, 0]],
  minValue: 0,
  target: 0.01,
  steps: 1000,
  hyper: { sgd: { lr: 0.003 }, momentum: { lr: 0.03 }, nag: { lr: 0.01 }, adagrad: { lr: 0.3 }, rmsprop: { lr: 0.1 }, adam: { lr: 0.1 } },
  levels: 'linear',
  note:
    'An egg-crate of local minima near every integer point on top of a gentle bowl. Gradient methods with small steps stop in the first cup they meet; larger steps or heavy momentum bounce chaotically across the cups and may pass through the global one by luck, then often leave it again. A reminder that local methods find local minima.',
  source: 'Rastrigin 1974; Mühlenbein, Schomisch & Born 1991 for the n-dimensional form.',
};

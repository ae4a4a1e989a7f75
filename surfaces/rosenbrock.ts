import type { SurfaceDef } from './types.ts';

export const rosenbrock: SurfaceDef = {
  id: 'rosenbrock',
  title: 'Rosenbrock',
  expr: '(1 - x)^2 + 100*(y - x^2)^2',
  domain: { x: [-2, 2], y: [-1, 3] },
  start: [-1.2, 1],
  minima: [[1, 1]],
  minValue: 0,
  target: 1e-3,
  steps: 3000,
  hyper: { sgd: { lr: 0.001 }, momentum: { lr: 0.001 }, nag: { lr: 0.001 }, adagrad: { lr: 1 }, rmsprop: { lr: 0.003 }, adam: { lr: 0.1 },
    adamw: { lr: 0.1 }, nadam: { lr: 0.1 }, amsgrad: { lr: 0.1 }, radam: { lr: 0.003 }, adabelief: { lr: 0.1 }, lion: { lr: 0.03 }, sfsgd: { lr: 0.001 } },
  levels: 'log',
  note:
    'A curved, flat-bottomed banana valley. Finding the valley is easy; following its bend to (1, 1) is not: the walls are steep (curvature near 1000 across) and the floor almost flat, so a learning rate small enough to stay stable across crawls along. Momentum and the adaptive methods pick up speed along the floor.',
  lessons: {
    adam: 'It reaches the target at step 715 and by step 2650 sits at the minimum to 10⁻²⁶. But its v forgets the large gradients and shrinks with the tiny new ones, so its steps grow again: around step 2735 it is thrown out of the minimum (f 0.74 at step 2740) and stays within the target only from step 2808.',
    amsgrad: 'The same race as Adam except that its denominator keeps the largest v seen, so the steps stay small once the gradients are: within the target at step 823, and it stays there.',
    lion: 'Every update moves both coordinates by exactly η = 0.03, so it can follow the curved valley only by zig-zagging across it: after 3000 steps it is still at about (0.66, 0.40).',
  },
  source: 'Rosenbrock 1960, "An automatic method for finding the greatest or least value of a function"; start (−1.2, 1) is his.',
};

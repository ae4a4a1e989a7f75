import type { SurfaceDef } from './types.ts';

/** The elongated bowl's start, (−7, 2), turned by 45° with the bowl: (−9/√2, −5/√2). */
const START: readonly [number, number] = [-9 / Math.SQRT2, -5 / Math.SQRT2];

export const rotatedBowl: SurfaceDef = {
  id: 'rotated-bowl',
  title: 'Rotated elongated bowl',
  expr: '(x + y)^2/20 + (x - y)^2/2',
  domain: { x: [-8, 8], y: [-8, 8] },
  start: START,
  minima: [[0, 0]],
  minValue: 0,
  target: 1e-3,
  steps: 200,
  hyper: { sgd: { lr: 0.9 }, momentum: { lr: 0.1 }, nag: { lr: 0.1 }, adagrad: { lr: 1 }, adadelta: { eps: 1e-3 }, rmsprop: { lr: 0.3 }, adam: { lr: 0.3 } },
  levels: 'log',
  note:
    'The elongated bowl turned by 45°, so its long axis runs along the diagonal y = x; the start and the learning rates are the bowl\'s, turned with it. SGD, momentum and Nesterov turn with the plane and settle at exactly the same iterations as on the bowl. AdaGrad, RMSprop and Adam divide each coordinate by its own gradient history, which separates a steep direction from a shallow one only when each lies along an axis: here x and y both feel the steep direction, both get the same rescaling, and the shallow diagonal gets no boost. AdaGrad needs 88 iterations instead of 64 (34 instead of 10 at its best rate, 3), AdaDelta 139 instead of 124, and no adaptive method beats plain SGD\'s 23, as AdaGrad does on the bowl.',
  source: 'Goodfellow, Bengio & Courville, Deep Learning, §8.5 (adaptive learning rates are per-coordinate, hence not rotation invariant); d2l.ai §12.6.',
};

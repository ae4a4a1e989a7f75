import type { Lesson } from './types.ts';

export const sgdZigzag: Lesson = {
  id: 'sgd-zigzag',
  title: 'SGD zig-zags on an elongated bowl, and Momentum smooths it',
  paragraph:
    'On x²/10 + y² the curvature across the bowl (y) is ten times the curvature along it (x): the curvature lens reads κ = 10 and says SGD is stable only for lr < 2/λmax = 1. At lr 0.9 each step multiplies y by 1 − 2·0.9 = −0.8, so SGD bounces from one wall to the other, while x shrinks by only 0.82 a step. Momentum adds up the gradients: along x they keep their sign and build speed, across y they flip and partly cancel.',
  tryThis: "Open the view, press Play and watch SGD's black zig-zag against Momentum's orange swing. Then open SGD's settings and set its learning rate to 1.05, just above the lens's limit: it diverges.",
  source: 'Deep Learning Specialization, course 2 week 2, "Gradient descent with momentum"; d2l.ai §12.6.',
  link: 'v=2&s=bowl&opt=sgd,momentum&lens=start',
};

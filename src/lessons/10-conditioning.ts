import type { Lesson } from './types.ts';

export const conditioningLesson: Lesson = {
  id: 'conditioning',
  title: 'Why Rosenbrock is slow: curvature and the largest stable rate',
  paragraph:
    "In Rosenbrock's curved valley the walls are steep and the floor nearly flat. At the minimum (1, 1) the Hessian's eigenvalues are about 1002 and 0.3994, so κ ≈ 2508: SGD needs lr < 2/1002 ≈ 0.002 to stay stable across the valley, and at such a rate it creeps along the floor. Momentum builds up speed along the floor; Adam rescales each coordinate.",
  tryThis: "The lens follows SGD's current point. Scrub the iteration slider and watch κ and the limit change along the path; SGD's lr is 0.001, inside the limit everywhere, and after 3000 steps it is still at (0.84, 0.71).",
  source: 'd2l.ai §12.3 Gradient descent (condition number); Goh 2017, "Why Momentum Really Works".',
  link: 'v=2&s=rosenbrock&opt=sgd,momentum,adam&lens=current',
};

import type { Lesson } from './types.ts';

export const saddleLesson: Lesson = {
  id: 'saddle',
  title: 'Escaping a saddle',
  paragraph:
    'At a saddle the gradient vanishes but the point is not a minimum: the surface curves up one way and down the other. The curvature lens at the start reads λ = 2 along x and λ = −2 along y, and says a step along ±(0, 1) descends. The start sits almost on the ridge (y = 0.001), where the slope along y is tiny, so gradient descent slides into the saddle and waits until the small y offset grows.',
  tryThis: 'Press Play: SGD waits longest (within the target from step 131); Momentum, Adam and RMSprop leave sooner (from steps 86, 74 and 60). Then set Start y to 0: with no slope along y at all nobody escapes; add gradient noise σ 0.01 and they all do.',
  source: 'Deep Learning Specialization, course 2 week 2, "The problem of local optima"; Dauphin et al. 2014.',
  link: 'v=2&s=saddle&opt=sgd,momentum,rmsprop,adam&lens=start',
};

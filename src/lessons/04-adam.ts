import type { Lesson } from './types.ts';

export const adamLesson: Lesson = {
  id: 'adam',
  title: 'Adam is Momentum plus RMSprop, with bias correction',
  paragraph:
    "Adam keeps Momentum's running average m of the gradient and RMSprop's running average v of its square, corrects both for starting at zero (m̂ = m/(1 − β₁^t), v̂ = v/(1 − β₂^t)), and steps by lr·m̂/(√v̂ + ε). Without the correction the first steps would be tiny; with it the first step is about lr in each coordinate, whatever the gradient's size.",
  tryThis: 'The inspector shows Adam at its first update: compare m with m̂ and v with v̂. Its first step goes from (−7, 2) to (−6.7, 1.7): lr = 0.3 in each coordinate, diagonally, not down the steep y slope.',
  source: 'Deep Learning Specialization, course 2 week 2, "Adam optimization algorithm"; Kingma & Ba 2015.',
  link: 'v=2&s=bowl&opt=momentum,rmsprop,adam&k=0&insp=2',
};

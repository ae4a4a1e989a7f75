import type { Lesson } from './types.ts';

export const batchLesson: Lesson = {
  id: 'batch-size',
  title: 'Batch, mini-batch and stochastic gradient descent',
  paragraph:
    'The linear-regression loss is a mean over 100 data points. Batch gradient descent uses all 100 for each step: a smooth path. Mini-batch gradient descent uses 10 at a time: each step is cheaper and noisier. Stochastic gradient descent uses one: the path wanders, and at a fixed learning rate it never settles, because every single point pulls toward its own fit.',
  tryThis: 'Press Play and watch the three SGD entrants at the same lr 0.3: the full batch settles at step 50, the mini-batch of 10 at step 230, and the single-point one touches the target at step 25 but keeps hopping out. Add seeds (Race settings) to see how much that depends on the shuffle.',
  source: 'Deep Learning Specialization, course 2 week 2, "Mini-batch gradient descent"; d2l.ai §12.5.',
  link: 'v=2&s=linreg&opt=sgd:batch=100,sgd:batch=10,sgd:batch=1',
};

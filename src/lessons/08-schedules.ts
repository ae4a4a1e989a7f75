import type { Lesson } from './types.ts';

export const schedulesLesson: Lesson = {
  id: 'lr-decay',
  title: 'Learning-rate decay',
  paragraph:
    'Stochastic gradient descent with a fixed learning rate ends up hopping around the minimum: the noise of single points never dies down. Shrinking the learning rate over time lets the steps, and the noise with them, get smaller. The course decays it as lr₀/(1 + decay·epoch); step decay halves it every so many iterations.',
  tryThis: 'All three entrants are SGD on single points with the same shuffle. Fixed never stays within the target; halving every 50 steps settles at step 150; 1/(1 + 0.05·t) at step 228. Try other schedules in an entrant’s settings, or one for the whole race under Learning-rate schedule.',
  source: 'Deep Learning Specialization, course 2 week 2, "Learning rate decay"; d2l.ai §12.11.',
  link: 'v=2&s=linreg&opt=sgd:batch=1,sgd:batch=1:sched=[step:gamma=0.5,size=50],sgd:batch=1:sched=[course:decay=0.05]',
};

import type { Lesson } from './types.ts';

export const rmspropLesson: Lesson = {
  id: 'rmsprop',
  title: 'RMSprop scales each coordinate',
  paragraph:
    'RMSprop keeps a running average s of the squared gradient, per coordinate, and divides each step by √s. A coordinate with steep slopes (y on the bowl) gets a small effective learning rate, a shallow one (x) a large one, so the path heads for the minimum instead of bouncing across the valley as SGD does. The update inspector draws the per-coordinate effective rate as an ellipse around the current point.',
  tryThis: 'Step from the start and read the inspector: the first step is 0.949 in both coordinates (lr/√(1 − ρ) = 0.3/√0.1, since s starts at 0 and RMSprop has no bias correction); then x keeps moving about 0.3–0.6 a step while y, whose slope collapses, takes ever smaller ones. Near the minimum the steps stay near lr, so it ends hopping around (0, 0) instead of settling.',
  source: 'Deep Learning Specialization, course 2 week 2, "RMSprop"; Hinton, Coursera lecture 6e.',
  link: 'v=2&s=bowl&opt=sgd,rmsprop&k=0&insp=1',
};

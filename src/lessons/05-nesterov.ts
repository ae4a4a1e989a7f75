import type { Lesson } from './types.ts';

export const nesterovLesson: Lesson = {
  id: 'nesterov',
  title: 'Nesterov looks ahead',
  paragraph:
    "Nesterov's momentum takes the gradient not where the point is but where its velocity is about to carry it, θ − lr·β·v. When the ball is about to swing across the valley, that look-ahead gradient already points back, so it brakes before the swing. With the same lr and β as Momentum it first touches the target on the bowl at step 38 instead of 78.",
  tryThis: 'The inspector shows Nesterov at iteration 10: the ring is the look-ahead point and the purple arrow the step its gradient asks for. Step on and compare the paths of the two.',
  source: 'd2l.ai §12.6 Momentum; Sutskever et al. 2013, "On the importance of initialization and momentum".',
  link: 'v=2&s=bowl&opt=momentum,nag&k=10&insp=1',
};

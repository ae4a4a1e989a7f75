import type { Lesson } from './types.ts';

export const linregRaceLesson: Lesson = {
  id: 'linreg-race',
  title: "The textbook's race on linear regression",
  paragraph:
    'Fitting y ≈ w·x + b to noisy points from y = 2x + 3 is a tilted, elongated bowl over (w, b): the inputs are all positive, so w and b are coupled. Every optimizer starts at (0, 0) with the textbook’s settings, and the race is to get within 0.005 of the least-squares loss and stay there.',
  tryThis: 'Press Play. Plain SGD at lr 0.3 wins (step 10) on this well-conditioned bowl; the adaptive methods, built for harder surfaces, are slower here. Turn on the curvature lens: κ ≈ 20 at the start, and lr < 1.57.',
  source: 'Dive into Deep Learning (d2l.ai), §3.2–3.4 and §12.4–12.10 (the optimizers on the same data).',
  link: 'v=2&s=linreg&target=0.005',
};

import type { Lesson } from './types.ts';

export const ewaLesson: Lesson = {
  id: 'ewa',
  title: 'Exponentially weighted averages and bias correction',
  paragraph:
    'Momentum, RMSprop and Adam all keep a running average vₜ = β·vₜ₋₁ + (1 − β)·θₜ, which averages roughly the last 1/(1 − β) values: about 10 days for β = 0.9, about 50 for β = 0.98. A larger β gives a smoother curve that lags behind. Because v starts at 0, the early averages are too small — by the factor 1 − βᵗ — and dividing by it (bias correction) puts the curve on the data from the first day.',
  tryThis: 'Compare the purple curve (β = 0.98, no correction) with the green one in the first 50 days: the purple starts near 0 °F. By day 100 the two are indistinguishable, which is why bias correction matters only early on.',
  source: 'Deep Learning Specialization, course 2 week 2, "Exponentially weighted averages" and "Bias correction in exponentially weighted averages".',
  figure: 'ewa',
};

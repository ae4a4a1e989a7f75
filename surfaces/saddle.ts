import { gapTarget } from '../src/run/target.ts';
import type { SurfaceDef } from './types.ts';

export const saddle: SurfaceDef = {
  id: 'saddle',
  title: 'Saddle',
  expr: 'x^2 - y^2 + y^4/4',
  domain: { x: [-2.5, 2.5], y: [-2.5, 2.5] },
  start: [-2, 0.001],
  minima: [
    [0, Math.SQRT2],
    [0, -Math.SQRT2],
  ],
  minValue: -1,
  target: gapTarget(-0.9, -1), // f ≤ −0.9: below the saddle's value 0, so the run escaped it
  steps: 300,
  hyper: { sgd: { lr: 0.03 }, momentum: { lr: 0.01 }, nag: { lr: 0.01 }, adagrad: { lr: 0.3 }, adadelta: { eps: 1e-4 }, rmsprop: { lr: 0.03 }, adam: { lr: 0.03 },
    adamw: { lr: 0.03 }, nadam: { lr: 0.03 }, amsgrad: { lr: 0.03 }, radam: { lr: 0.03 }, adabelief: { lr: 0.03 }, lion: { lr: 0.01 }, sfsgd: { lr: 0.03 } },
  levels: 'linear',
  note:
    'A saddle at the origin (value 0) between two valleys at (0, ±√2) (value −1). The start sits almost on the ridge line y = 0, where the gradient along y is tiny: gradient descent slides into the saddle and waits there until the small y offset grows. Reaching the target (within 0.1 of the minimum, so below −0.9 and well below the saddle) means escaping. Methods that normalise the gradient escape much sooner.',
  lessons: {
    sgd: 'At y = 0.001 the slope along y is only about 0.002, and each step multiplies y by just 1 + 2·0.03 = 1.06: it waits at the saddle, and needs 131 steps to get below −0.9.',
    adagrad: 'Its first step is η = 0.3 in both coordinates however tiny the y slope is, so it leaves the ridge at once: below −0.9 at step 23, the first of the classics.',
    radam: 'Its first five updates are plain momentum steps, as small as the y slope, so it slides toward the saddle like SGD and escapes only at step 247.',
    lion: 'It moves 0.01 per coordinate per step whatever the slope, so it leaves the ridge at once but at a walk. Past the valley its slow momentum carries it on in x, and it ends swinging across the valley outside the target.',
    sfsgd: 'Its z steps escape as SGD\'s do, but the point shown, x, is the average of every z since the start, which still weighs the early points on the ridge: after 300 steps it has only reached y ≈ 0.27.',
  },
  source: 'Dauphin et al. 2014, "Identifying and attacking the saddle point problem"; d2l.ai §12.1.',
};

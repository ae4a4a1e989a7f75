/**
 * Per-optimizer hyperparameters for MNIST, overlaid on the registry defaults (which suit the 2-D
 * surfaces). SGD 0.2 is the textbook's setting; momentum and NAG take a quarter of it (their steady
 * step is η/(1 − β) = 10·η); Adam and RMSprop take the usual 0.001 (Kingma & Ba 2015; Hinton's
 * lecture 6e); AdaDelta ρ 0.95 as in Zeiler 2012.
 */
import type { Hyper, OptimizerId } from '../optim/types.ts';

export const MNIST_HYPER: Readonly<Partial<Record<OptimizerId, Hyper>>> = {
  sgd: { lr: 0.2 },
  momentum: { lr: 0.05 },
  nag: { lr: 0.05 },
  adagrad: { lr: 0.02 },
  adadelta: { rho: 0.95 },
  rmsprop: { lr: 0.001 },
  adam: { lr: 0.001 },
};

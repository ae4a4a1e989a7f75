/**
 * Per-optimizer hyperparameters for MNIST, overlaid on the registry defaults (which suit the 2-D
 * surfaces). SGD 0.2 is the textbook's setting. The others are the best of a small sweep (learning rate
 * × {1/3, 1, 3, 9} around the usual starting points, fewest epochs to 97 % validation accuracy on the
 * textbook's 784-64-16-10 net, batch 128, seed 1; bench/mnist-sweep.bench.ts, results in
 * bench/results/mnist-sweep.md): momentum and NAG 0.15 (their steady step is η/(1 − β) = 10·η), AdaGrad
 * 0.06, RMSprop and Adam 0.003 (3× the usual 0.001 of Kingma & Ba 2015 and Hinton's lecture 6e), and
 * AdaDelta ρ 0.95 as in Zeiler 2012. Muon keeps its registry defaults (the reference's η 0.02, β 0.95,
 * AdamW η_A 0.001), though the sweep's best was η 0.00667 (4 epochs to 97 %; at 0.02 it stalls at 96.9 %).
 */
import type { Hyper, OptimizerId } from '../optim/types.ts';

export const MNIST_HYPER: Readonly<Partial<Record<OptimizerId, Hyper>>> = {
  sgd: { lr: 0.2 },
  momentum: { lr: 0.15 },
  nag: { lr: 0.15 },
  adagrad: { lr: 0.06 },
  adadelta: { rho: 0.95 },
  rmsprop: { lr: 0.003 },
  adam: { lr: 0.003 },
};

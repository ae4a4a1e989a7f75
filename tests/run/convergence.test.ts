/**
 * Table-driven convergence, after optax's tests: every optimizer × (elongated bowl, Rosenbrock) reaches
 * the target. The bowl uses the registry's surface defaults; Rosenbrock uses hyperparameters suited to
 * each rule (found by sweeps; AdaDelta needs a tiny ε and the longest run, which is its honest weakness
 * on curved valleys). One shared budget per surface.
 */
import { describe, expect, it } from 'vitest';
import { getSurface } from '../../surfaces/index.ts';
import { surfaceObjective } from '../../surfaces/objective.ts';
import { getOptimizer, resolveHyper } from '../../src/optim/index.ts';
import { run } from '../../src/run/run.ts';
import type { Hyper, OptimizerId } from '../../src/optim/types.ts';

// Partial: Muon (an OptimizerId of the MNIST tab only) has no surface row.
const table: { surface: string; steps: number; hyper: Partial<Record<OptimizerId, Hyper | undefined>> }[] = [
  {
    surface: 'bowl',
    steps: 200,
    hyper: { sgd: undefined, momentum: undefined, nag: undefined, adagrad: undefined, adadelta: undefined, rmsprop: undefined, adam: undefined },
  },
  {
    surface: 'rosenbrock',
    steps: 20_000,
    hyper: {
      sgd: { lr: 0.0015 },
      momentum: { lr: 0.001, beta: 0.9 },
      nag: { lr: 0.001, beta: 0.9 },
      adagrad: { lr: 1 },
      adadelta: { rho: 0.9, eps: 1e-10 },
      rmsprop: { lr: 0.001 },
      adam: { lr: 0.1 },
    },
  },
];

describe.each(table)('$surface', ({ surface, steps, hyper }) => {
  const s = getSurface(surface)!;
  const objective = surfaceObjective(s);
  it.each(Object.keys(hyper) as OptimizerId[])('%s reaches the target', (id) => {
    const optimizer = getOptimizer(id);
    const t = run({
      objective,
      optimizer,
      hyper: resolveHyper(optimizer, s.hyper[id], hyper[id]),
      start: s.start,
      steps,
      target: s.target,
    });
    expect(t.diverged).toBe(false);
    expect(t.hit).not.toBeNull();
    expect(t.losses[t.hit!]).toBeLessThanOrEqual(s.target);
  });
});

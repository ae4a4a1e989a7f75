/**
 * The textbook's elongated-bowl demo: f = x²/10 + y², ∇f = (x/5, 2y), from (−7, 2), 20 updates with
 * SGD lr 0.95, Momentum lr 0.1, RMSprop lr 0.5 and Adam lr 0.5 (other hyperparameters at their defaults).
 * The endpoints of run() — compiled expression, registry kernels — are checked against a deliberately
 * plain re-implementation below that shares no code with src/.
 */
import { describe, expect, it } from 'vitest';
import { getSurface } from '../../surfaces/index.ts';
import { surfaceObjective } from '../../surfaces/objective.ts';
import { getOptimizer, resolveHyper } from '../../src/optim/index.ts';
import { run } from '../../src/run/run.ts';
import type { OptimizerId } from '../../src/optim/types.ts';

const grad = (x: number, y: number): [number, number] => [x / 5, 2 * y];

function reference(id: string, lr: number): [number, number] {
  let [x, y] = [-7, 2];
  let [vx, vy] = [0, 0]; // momentum velocity, RMSprop/Adam second moment
  let [mx, my] = [0, 0]; // Adam first moment
  for (let t = 1; t <= 20; t++) {
    const [gx, gy] = grad(x, y);
    if (id === 'sgd') {
      x -= lr * gx;
      y -= lr * gy;
    } else if (id === 'momentum') {
      vx = 0.9 * vx + gx;
      vy = 0.9 * vy + gy;
      x -= lr * vx;
      y -= lr * vy;
    } else if (id === 'rmsprop') {
      vx = 0.9 * vx + 0.1 * gx * gx;
      vy = 0.9 * vy + 0.1 * gy * gy;
      x -= (lr * gx) / (Math.sqrt(vx) + 1e-8);
      y -= (lr * gy) / (Math.sqrt(vy) + 1e-8);
    } else {
      mx = 0.9 * mx + 0.1 * gx;
      my = 0.9 * my + 0.1 * gy;
      vx = 0.999 * vx + 0.001 * gx * gx;
      vy = 0.999 * vy + 0.001 * gy * gy;
      const c1 = 1 - 0.9 ** t;
      const c2 = 1 - 0.999 ** t;
      x -= (lr * (mx / c1)) / (Math.sqrt(vx / c2) + 1e-8);
      y -= (lr * (my / c1)) / (Math.sqrt(vy / c2) + 1e-8);
    }
  }
  return [x, y];
}

describe('textbook bowl demo: 20 updates from (−7, 2)', () => {
  const bowl = getSurface('bowl')!;
  const objective = surfaceObjective(bowl);

  const cases: [OptimizerId, number][] = [
    ['sgd', 0.95],
    ['momentum', 0.1],
    ['rmsprop', 0.5],
    ['adam', 0.5],
  ];
  for (const [id, lr] of cases) {
    it(`${id} lr ${lr} ends where the plain re-implementation does`, () => {
      const optimizer = getOptimizer(id);
      const t = run({ objective, optimizer, hyper: resolveHyper(optimizer, { lr }), start: [-7, 2], steps: 20, target: -1 });
      expect(t.steps).toBe(20);
      expect(t.xs.length).toBe(21);
      const [x, y] = reference(id, lr);
      expect(t.xs[20]).toBeCloseTo(x, 12);
      expect(t.ys[20]).toBeCloseTo(y, 12);
      expect(t.losses[20]).toBeCloseTo(x * x / 10 + y * y, 12);
    });
  }

  it('SGD lr 0.95 zig-zags across: y flips sign each step, shrinking by |1 − 2·0.95| = 0.9', () => {
    const t = run({ objective, optimizer: getOptimizer('sgd'), hyper: { lr: 0.95 }, start: [-7, 2], steps: 20, target: -1 });
    // y_k = 2·(−0.9)^k, x_k = −7·0.81^k
    expect(t.ys[20]).toBeCloseTo(2 * 0.9 ** 20, 12);
    expect(t.ys[19]).toBeCloseTo(-2 * 0.9 ** 19, 12);
    expect(t.xs[20]).toBeCloseTo(-7 * 0.81 ** 20, 12);
  });
});

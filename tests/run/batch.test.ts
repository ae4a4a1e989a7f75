/**
 * The batched engine is N scalar runs side by side, bit for bit: for every optimizer in the registry, on
 * several surfaces, from a grid of starts (some of which diverge at the surface's default rates or at a
 * rate raised to make them), with and without gradient noise and a learning-rate schedule, each point's
 * hit, settled, divergedAt, end point and end loss equal those of run() from that start.
 */
import { describe, expect, it } from 'vitest';
import { getSurface } from '../../surfaces/index.ts';
import { surfaceObjective } from '../../surfaces/objective.ts';
import { OPTIMIZERS, resolveHyper } from '../../src/optim/index.ts';
import { BATCH_CHUNK, runBatch, type BatchSpec } from '../../src/run/batch.ts';
import { compileExpression, expressionObjective } from '../../src/math/expression/index.ts';
import type { Objective } from '../../src/math/objective.ts';
import { run } from '../../src/run/run.ts';
import { parseSchedule } from '../../src/run/schedules.ts';
import type { Hyper } from '../../src/optim/types.ts';

/** A 5×4 grid over the surface's domain plus the surface's own start. */
function startsFor(id: string): Float64Array {
  const s = getSurface(id)!;
  const points: number[] = [s.start[0], s.start[1]];
  for (let j = 0; j < 4; j++) {
    for (let i = 0; i < 5; i++) {
      points.push(s.domain.x[0] + ((i + 0.5) * (s.domain.x[1] - s.domain.x[0])) / 5);
      points.push(s.domain.y[0] + ((j + 0.5) * (s.domain.y[1] - s.domain.y[0])) / 4);
    }
  }
  return Float64Array.from(points);
}

function expectSameAsScalar(spec: BatchSpec): { diverged: number; settled: number } {
  const batch = runBatch(spec);
  let diverged = 0;
  let settled = 0;
  for (let i = 0; i < batch.count; i++) {
    const { starts, ...shared } = spec;
    const scalar = run({ ...shared, start: [starts[2 * i], starts[2 * i + 1]] });
    const last = scalar.xs.length - 1;
    const got = {
      hit: batch.hit[i],
      settled: batch.settled[i],
      divergedAt: batch.divergedAt[i],
      end: [batch.end[2 * i], batch.end[2 * i + 1]],
      loss: batch.endLoss[i],
    };
    const want = {
      hit: scalar.hit ?? -1,
      settled: scalar.settled ?? -1,
      divergedAt: scalar.divergedAt ?? -1,
      end: [scalar.xs[last], scalar.ys[last]],
      loss: scalar.losses[last],
    };
    expect(got, `${spec.optimizer.id} from start ${i}`).toEqual(want);
    if (want.divergedAt >= 0) diverged++;
    if (want.settled >= 0) settled++;
  }
  return { diverged, settled };
}

const SURFACES = ['bowl', 'rosenbrock', 'himmelblau', 'saddle'];

describe('runBatch ≡ run() point by point', () => {
  for (const optimizer of OPTIMIZERS) {
    it(`${optimizer.id}: surface defaults, noise, a schedule, and a rate that diverges`, () => {
      let diverged = 0;
      let settled = 0;
      for (const id of SURFACES) {
        const s = getSurface(id)!;
        const hyper = resolveHyper(optimizer, s.hyper[optimizer.id]);
        const base = { objective: surfaceObjective(s), optimizer, hyper, starts: startsFor(id), steps: 300, target: s.target, fStar: s.minValue ?? 0 };
        const counts = [
          expectSameAsScalar(base),
          expectSameAsScalar({ ...base, noise: { sigma: 0.5, seed: 7 } }),
          expectSameAsScalar({ ...base, schedule: parseSchedule('step:gamma=0.5,size=40') }),
        ];
        const fast: Hyper = 'lr' in hyper ? { ...hyper, lr: Math.min(10, hyper.lr * 30) } : { ...hyper, eps: 1 };
        counts.push(expectSameAsScalar({ ...base, hyper: fast }));
        for (const c of counts) {
          diverged += c.diverged;
          settled += c.settled;
        }
      }
      // The table exercises both outcomes, so a batch that got every point wrong the same way would fail.
      expect(settled).toBeGreaterThan(0);
      // Gradient-proportional steps blow up at 30× the rate; the adaptive rules' steps stay near lr.
      if (['sgd', 'momentum', 'nag'].includes(optimizer.id)) expect(diverged).toBeGreaterThan(0);
    });
  }

  it('a start that is already out of bounds is diverged at 0 and stays at its start', () => {
    const s = getSurface('bowl')!;
    const optimizer = OPTIMIZERS[0];
    const spec: BatchSpec = {
      objective: surfaceObjective(s),
      optimizer,
      hyper: resolveHyper(optimizer, s.hyper[optimizer.id]),
      starts: Float64Array.from([2e6, 0, 1, 1]),
      steps: 50,
      target: s.target,
    };
    const batch = runBatch(spec);
    expect(Array.from(batch.divergedAt)).toEqual([0, -1]);
    expect(Array.from(batch.end.slice(0, 2))).toEqual([2e6, 0]);
    expectSameAsScalar(spec);
  });
});

/**
 * The fast path's own cases: more starts than one chunk (BATCH_CHUNK), so chunks end mid-grid; points that
 * diverge at different updates, so the survivors are moved down in the rule's state while others run on;
 * noise streams moved with their points; the closure-compiled objective; and an objective without the
 * batched forms (the per-point fallback, whose f never comes with the gradient).
 */
describe('runBatch ≡ run() over several chunks, with points dropped as they diverge', () => {
  const s = getSurface('rosenbrock')!;
  const count = 2 * BATCH_CHUNK + 37;
  const starts = new Float64Array(2 * count);
  for (let i = 0; i < count; i++) {
    starts[2 * i] = -2 + ((i * 0.6180339887) % 1) * 4;
    starts[2 * i + 1] = -1 + ((i * 0.7548776662) % 1) * 4;
  }
  for (const optimizer of OPTIMIZERS) {
    it(optimizer.id, () => {
      const hyper = resolveHyper(optimizer, s.hyper[optimizer.id]);
      // 3× the surface's rate: the gradient-proportional rules diverge from part of the domain, at various updates.
      const fast: Hyper = 'lr' in hyper ? { ...hyper, lr: hyper.lr * 3 } : hyper;
      const base = { objective: surfaceObjective(s), optimizer, hyper: fast, starts, steps: 120, target: s.target };
      const a = expectSameAsScalar(base);
      const b = expectSameAsScalar({ ...base, noise: { sigma: 2, seed: 3 } });
      if (['sgd', 'momentum', 'nag'].includes(optimizer.id)) {
        expect(a.diverged).toBeGreaterThan(0);
        expect(a.diverged).toBeLessThan(count);
        expect(b.diverged).toBeGreaterThan(0);
      }
    });
  }
});

describe('runBatch ≡ run() on objectives compiled otherwise', () => {
  const text = '(x^2+y-11)^2 + (x+y^2-7)^2';
  const starts = Float64Array.from({ length: 2 * 300 }, (_, k) => ((k * 0.7548776662) % 1) * 12 - 6);
  const closure = compileExpression(text, { mode: 'closure' });
  if (!closure.ok) throw new Error(closure.error.message);
  const compiled = expressionObjective(closure.value);
  const plain: Objective = { dim: 2, value: compiled.value, gradient: compiled.gradient };
  for (const [name, objective] of [['closure mode', compiled], ['no batched forms', plain]] as const) {
    for (const id of ['adam', 'nag', 'sfsgd', 'momentum']) {
      it(`${name}: ${id}`, () => {
        const optimizer = OPTIMIZERS.find((o) => o.id === id)!;
        const hyper = resolveHyper(optimizer, { lr: id === 'adam' ? 0.05 : 0.01 });
        expectSameAsScalar({ objective, optimizer, hyper, starts, steps: 150, target: 1e-3, noise: { sigma: 1, seed: 5 } });
      });
    }
  }
});

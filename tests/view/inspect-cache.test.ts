/**
 * The update inspector's cache (ViewInspector, src/view/inspect.ts): whatever order k arrives in, and
 * across changes of the view, it returns exactly what a fresh replay to k returns; and stepping forward
 * replays the race about once per window, not once per step (counted as gradient evaluations).
 */
import { describe, expect, it } from 'vitest';
import type { Objective } from '../../src/math/objective.ts';
import { OPTIMIZERS } from '../../src/optim/index.ts';
import { ViewInspector, inspectView } from '../../src/view/inspect.ts';
import { decodeView } from '../../src/view/link.ts';
import { raceForView, viewData, viewObjective } from '../../src/view/race.ts';
import type { ViewState } from '../../src/view/state.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';

const view = (hash: string) => decodeView(hash, VOCABULARY).view;

function same(cache: ViewInspector, v: ViewState, index: number, ks: readonly number[]) {
  const objective = viewObjective(v);
  const runs = raceForView(v, objective);
  for (const k of ks) {
    const cached = cache.inspect(v, index, k, runs[index], objective);
    const fresh = inspectView(v, index, k, runs[index], objective);
    expect(cached, `${runs[index].entrant} at ${k}`).toEqual(fresh);
  }
}

describe('ViewInspector', () => {
  it('equals a fresh replay stepping forward, back, far ahead and past the window, for every optimizer', () => {
    const v = view(`#s=bowl&steps=300&opt=${OPTIMIZERS.map((o) => o.id).join(',')}`);
    const ks = [0, 1, 2, 3, 2, 1, 0, 40, 64, 65, 66, 200, 130, 129, 299, 300, 5];
    const cache = new ViewInspector();
    OPTIMIZERS.forEach((_, i) => same(cache, v, i, ks));
  });

  it('equals a fresh replay with noise, several seeds, a schedule and mini-batches', () => {
    const cache = new ViewInspector();
    same(cache, view('#s=rosenbrock&steps=120&noise=0.5&seed=9&seeds=3&sched=step:gamma=0.5,size=5&opt=sgd,adam,nag'), 1, [0, 7, 8, 9, 70, 71, 3, 119, 120]);
    same(cache, view('#s=linreg&steps=100&seeds=3&opt=sgd:lr=0.1:batch=10,adam:batch=1'), 1, [0, 1, 50, 99, 100, 2]);
  });

  it('replays from scratch when the view changes, so it never returns another race’s state', () => {
    const cache = new ViewInspector();
    const a = view('#s=bowl&steps=100&opt=sgd,momentum');
    const b = { ...a, start: [3, -1] as const };
    const c = { ...a, hyper: { ...a.hyper, momentum: { ...a.hyper.momentum, beta: 0.5 } } };
    for (const v of [a, b, a, c, b]) same(cache, v, 1, [10, 11, 12]);
  });

  it('equals a fresh replay up to the end of a diverging run, and refuses past it the same way', () => {
    const v = view('#s=bowl&steps=200&opt=sgd:lr=1.5');
    const objective = viewObjective(v);
    const [run] = raceForView(v, objective);
    expect(run.diverged).toBe(true);
    const cache = new ViewInspector();
    same(cache, v, 0, [0, 1, run.steps - 1, run.steps]);
  });

  it('steps forward through 300 iterations with a few replays, where replaying to each k costs their sum', () => {
    const v = view('#s=bowl&steps=300&opt=adam');
    const base = viewObjective(v);
    let calls = 0;
    const counted: Objective = { ...base, gradient: (p, g) => ((calls += 1), base.gradient(p, g)) };
    const [run] = raceForView(v, base);
    const cache = new ViewInspector();
    for (let k = 0; k <= 300; k++) cache.inspect(v, 0, k, run, counted, viewData(v));
    // Replays to 0+64, 65+65, 131+131, 263+37(the budget): about 64 + 130 + 262 + 300 gradients.
    expect(calls).toBeLessThan(1000);
    calls = 0;
    for (let k = 0; k <= 300; k += 1) inspectView(v, 0, k, run, counted);
    expect(calls).toBeGreaterThan(45_000); // Σ (k + 1) for k ≤ 300 = 45 451
  });
});

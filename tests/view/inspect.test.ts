/**
 * The update inspector (src/run/inspect.ts, src/view/inspect.ts, src/view/update-parts.ts): the state it
 * shows at k is what the engine holds after k updates, its θ_k and θ_{k+1} are the race's own points bit
 * for bit (noise, several seeds, schedules and mini-batches included), and one Momentum and one Adam step
 * on the bowl are checked by hand.
 */
import { describe, expect, it } from 'vitest';
import { OPTIMIZERS } from '../../src/optim/index.ts';
import { snapshot } from '../../src/run/inspect.ts';
import { FIXED } from '../../src/run/schedules.ts';
import { inspectView } from '../../src/view/inspect.ts';
import { texNumber } from '../../src/view/update-parts.ts';
import { decodeView } from '../../src/view/link.ts';
import { entrantsForView, raceForView, viewObjective } from '../../src/view/race.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';

const ALL = OPTIMIZERS.map((o) => o.id).join(',');
const view = (hash: string) => decodeView(hash, VOCABULARY).view;

describe('inspector state at k', () => {
  it('equals the engine state after k updates, for every optimizer', () => {
    const v = view(`#s=bowl&steps=60&opt=${ALL}`);
    expect(v.schedule).toEqual(FIXED);
    const objective = viewObjective(v);
    const runs = raceForView(v);
    entrantsForView(v).forEach((entrant, i) => {
      // The engine by hand: init, then k updates with the exact gradient.
      const params = Float64Array.from(v.start);
      const state = entrant.optimizer.init(params);
      for (let k = 0; k <= 30; k++) {
        if (k === 0 || k === 1 || k === 12 || k === 30) {
          const got = inspectView(v, i, k, runs[i]);
          expect(got.inspection.state, `${entrant.label} at ${k}`).toEqual(snapshot(state));
          expect(got.inspection.state.t).toBe(k);
          expect(got.inspection.theta).toEqual([params[0], params[1]]);
        }
        entrant.optimizer.step(params, state, entrant.hyper, objective.gradient);
      }
    });
  });

  it('gives the race\'s θ_k and θ_{k+1} bit for bit, with noise, several seeds and a schedule', () => {
    const v = view(`#s=rosenbrock&steps=40&noise=0.5&seed=9&seeds=3&sched=step:gamma=0.5,size=5&opt=${ALL}`);
    const runs = raceForView(v);
    runs.forEach((r, i) => {
      expect(r.medianSeed).not.toBeNull();
      for (const k of [0, 6, Math.min(17, r.steps - 1)]) {
        const { inspection } = inspectView(v, i, k, r);
        expect(inspection.theta, `${r.entrant} θ_${k}`).toEqual([r.xs[k], r.ys[k]]);
        expect(inspection.next?.theta, `${r.entrant} θ_${k + 1}`).toEqual([r.xs[k + 1], r.ys[k + 1]]);
      }
    });
    // The schedule's rate of update k + 1 (t = k, 0-based): 0.5^⌊6/5⌋ of the base rate.
    const sgd = OPTIMIZERS.findIndex((o) => o.id === 'sgd');
    expect(inspectView(v, sgd, 6, runs[sgd]).inspection.next?.hyper.lr).toBe(v.hyper.sgd.lr * 0.5);
  });

  it('follows mini-batches on the linear-regression loss', () => {
    const v = view('#s=linreg&steps=30&seeds=3&opt=sgd:lr=0.1:batch=10,adam:batch=1');
    const runs = raceForView(v);
    runs.forEach((r, i) => {
      const { inspection } = inspectView(v, i, 13, r);
      expect(inspection.theta).toEqual([r.xs[13], r.ys[13]]);
      expect(inspection.next?.theta).toEqual([r.xs[14], r.ys[14]]);
    });
  });

  it('clamps k to the run and refuses an entrant that is not in the race', () => {
    const v = view('#s=bowl&steps=5&opt=sgd');
    const [r] = raceForView(v);
    const at = inspectView(v, 0, 99, r);
    expect(at.inspection.k).toBe(5);
    expect(at.withinBudget).toBe(false);
    expect(() => inspectView(v, 3, 0, r)).toThrow('from 0 to 0, got 3');
  });
});

describe('update parts, by hand on the bowl f = x²/10 + y² (∇f = (x/5, 2y)) from (−7, 2)', () => {
  it('Momentum (η 0.1, β 0.9), update 2', () => {
    const v = view('#s=bowl&steps=10&opt=momentum');
    const [r] = raceForView(v);
    const { inspection, parts } = inspectView(v, 0, 1, r);
    // Update 1: g = (−1.4, 4), v = g, θ₁ = (−7 + 0.14, 2 − 0.4) = (−6.86, 1.6).
    expect(inspection.state.values.v).toEqual([-1.4, 4]);
    expect(inspection.theta[0]).toBeCloseTo(-6.86, 14);
    expect(inspection.theta[1]).toBeCloseTo(1.6, 14);
    // Update 2: g = (−1.372, 3.2); v = 0.9·(−1.4, 4) + g = (−2.632, 6.8); θ₂ = θ₁ − 0.1·v = (−6.5968, 0.92).
    const next = inspection.next!;
    expect(next.g[0]).toBeCloseTo(-1.372, 14);
    expect(next.g[1]).toBeCloseTo(3.2, 14);
    expect(next.theta[0]).toBeCloseTo(-6.5968, 14);
    expect(next.theta[1]).toBeCloseTo(0.92, 14);
    // Plain step −0.1·g = (0.1372, −0.32); carried velocity −0.1·0.9·v₁ = (0.126, −0.36); they add up to the step.
    expect(parts!.plain![0]).toBeCloseTo(0.1372, 14);
    expect(parts!.carry![0]).toBeCloseTo(0.126, 14);
    expect(parts!.carry![1]).toBeCloseTo(-0.36, 14);
    expect(parts!.taken[0]).toBeCloseTo(0.2632, 14);
    expect(parts!.taken[1]).toBeCloseTo(-0.68, 14);
  });

  it('Adam (η 0.3), update 1: m̂ = g, v̂ = g², a step of η in each coordinate', () => {
    const v = view('#s=bowl&steps=10&opt=adam');
    const [r] = raceForView(v);
    const { inspection, parts } = inspectView(v, 0, 0, r);
    expect(inspection.state).toEqual({ t: 0, values: { m: [0, 0], v: [0, 0], beta1Power: 1, beta2Power: 1 } });
    const after = inspection.next!.state.values;
    // m = 0.1·g = (−0.14, 0.4); v = 0.001·g² = (0.00196, 0.016).
    expect((after.m as readonly number[])[0]).toBeCloseTo(-0.14, 15);
    expect((after.v as readonly number[])[1]).toBeCloseTo(0.016, 15);
    const row = (tex: string) => parts!.rows.find((x) => x.tex === tex)!.value as readonly number[];
    expect(row('\\hat m')[0]).toBeCloseTo(-1.4, 12);
    expect(row('\\hat v')[1]).toBeCloseTo(16, 10);
    // η/(√v̂ + ε) = (0.3/1.4, 0.3/4) = (0.2142857…, 0.075).
    expect(parts!.effectiveLr![0]).toBeCloseTo(0.3 / 1.4, 8);
    expect(parts!.effectiveLr![1]).toBeCloseTo(0.075, 8);
    expect(parts!.taken[0]).toBeCloseTo(0.3, 7);
    expect(parts!.taken[1]).toBeCloseTo(-0.3, 7);
    // The plain gradient step would be −0.3·(−1.4, 4) = (0.42, −1.2).
    expect(parts!.plain![1]).toBeCloseTo(-1.2, 14);
  });
});

describe('every rule\'s filled-in update', () => {
  it('ends at the engine\'s θ_{k+1}, with finite numbers, for every optimizer', () => {
    const v = view(`#s=rosenbrock&steps=30&opt=${ALL}`);
    const runs = raceForView(v);
    entrantsForView(v).forEach((e, i) => {
      const { inspection, parts } = inspectView(v, i, 9, runs[i]);
      const next = inspection.next!;
      const last = parts!.tex[parts!.tex.length - 1];
      expect(last, e.label).toContain(`= (${texNumber(next.theta[0])},\\ ${texNumber(next.theta[1])})`);
      for (const r of parts!.rows) expect([r.value].flat().every(Number.isFinite), `${e.label} ${r.tex}`).toBe(true);
      expect(parts!.taken).toEqual([next.theta[0] - inspection.theta[0], next.theta[1] - inspection.theta[1]]);
    });
  });

  it('NAdam: the step is −η/d ⊙ (a·g + b·m) with μ from its schedule', () => {
    const v = view('#s=bowl&steps=10&opt=nadam');
    const [r] = raceForView(v);
    const { inspection, parts } = inspectView(v, 0, 4, r);
    const value = (tex: string) => parts!.rows.find((x) => x.tex === tex)!.value;
    const [mu, muNext, product] = [value('\\mu_t'), value('\\mu_{t+1}'), value('\\textstyle\\prod \\mu')] as number[];
    const m = value('m') as readonly number[];
    const g = inspection.next!.g;
    for (const i of [0, 1]) {
      const step = -parts!.effectiveLr![i] * (((1 - mu) / (1 - product)) * g[i] + (muNext / (1 - product * muNext)) * m[i]);
      expect(parts!.taken[i]).toBeCloseTo(step, 12);
    }
  });
});

/**
 * The 'more' group in the surfaces races: the classics stay the default selection; links, `cli race
 * --optimizers` and `--set` take the new ids; the surface defaults give the README table's robust
 * entries and show each rule's trait (Lion's ±η staircase, Schedule-Free's averaged point).
 */
import { describe, expect, it } from 'vitest';
import { parseRaceArgs, raceOutput } from '../../src/cli/race.ts';
import { CLASSIC_OPTIMIZERS, getOptimizer, resolveHyper } from '../../src/optim/index.ts';
import type { OptimizerId } from '../../src/optim/types.ts';
import { run, type Trajectory } from '../../src/run/run.ts';
import { defaultView } from '../../src/view/fields.ts';
import { decodeView, encodeView } from '../../src/view/link.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';
import { getSurface } from '../../surfaces/index.ts';
import { surfaceObjective } from '../../surfaces/objective.ts';

const MORE: OptimizerId[] = ['adamw', 'nadam', 'amsgrad', 'radam', 'adabelief', 'lion', 'sfsgd'];

function defaultRun(surfaceId: string, id: OptimizerId): Trajectory {
  const s = getSurface(surfaceId)!;
  const optimizer = getOptimizer(id);
  return run({ objective: surfaceObjective(s), optimizer, hyper: resolveHyper(optimizer, s.hyper[id]), start: s.start, steps: s.steps, target: s.target });
}

describe('selection', () => {
  it('a view races the seven classics unless told otherwise, and its link then names no optimizers', () => {
    const view = defaultView(VOCABULARY.surfaces[0], VOCABULARY);
    expect(view.entrants.map((e) => e.optimizer)).toEqual(CLASSIC_OPTIMIZERS.map((o) => o.id));
    expect(encodeView(view, VOCABULARY)).not.toMatch(/opt=/);
    // Every id has hyperparameters in the view, the 'more' ones at the surface's overrides.
    expect(view.hyper.lion).toEqual({ lr: 0.1, beta1: 0.9, beta2: 0.99, wd: 0 });
    expect(view.hyper.sfsgd).toEqual({ lr: 0.9, beta: 0.9 });
  });

  it('links and `cli race` take the new ids and their hyperparameters', () => {
    const { view, notices } = decodeView('s=bowl&opt=adamw,lion,sfsgd&lion.lr=0.01', VOCABULARY);
    expect(notices).toEqual([]);
    expect(view.entrants.map((e) => e.optimizer)).toEqual(['adamw', 'lion', 'sfsgd']);
    expect(view.hyper.lion.lr).toBe(0.01);
    const parsed = parseRaceArgs(['--surface', 'bowl', '--optimizers', 'adamw,lion,sfsgd', '--set', 'lion.lr=0.01', '--json']);
    if (!parsed.ok) throw new Error(parsed.error);
    const out = JSON.parse(raceOutput(parsed.value));
    expect(out.runs.map((r: { optimizer: string }) => r.optimizer)).toEqual(['adamw', 'lion', 'sfsgd']);
    expect(out.runs[1].hyper).toEqual({ lr: 0.01, beta1: 0.9, beta2: 0.99, wd: 0 });
    // A 'more' id needs no classic beside it.
    expect(parseRaceArgs(['--optimizers', 'nadam', '--set', 'nadam.psi=0.01']).ok).toBe(true);
    const bad = parseRaceArgs(['--optimizers', 'lion', '--set', 'lion.psi=1']);
    expect(bad.ok).toBe(false);
  });
});

describe('schedules in links and the CLI', () => {
  it('a warm-up joined to a cosine survives the link and `--schedule`, and leaves Schedule-Free SGD alone', () => {
    const { view } = decodeView('s=bowl&opt=sgd,sfsgd&sched=warmup:steps%3D10%2Bcos:max%3D200,min%3D0.1', VOCABULARY);
    expect(view.schedule).toEqual({ kind: 'cos', params: { max: 200, min: 0.1 }, at: [], warmup: 10 });
    const link = encodeView(view, VOCABULARY);
    expect(link).toContain('sched=warmup%3Asteps%3D10%2Bcos%3Amax%3D200%2Cmin%3D0.1');
    expect(decodeView(link, VOCABULARY).view).toEqual(view);
    const parsed = parseRaceArgs(['--surface', 'bowl', '--optimizers', 'sgd,sfsgd', '--schedule', 'warmup:steps=10+cos:max=200,min=0.1', '--json']);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.value.view).toEqual(view);
    const out = JSON.parse(raceOutput(parsed.value));
    expect(out.schedule).toBe('warmup:steps=10+cos:max=200,min=0.1');
    const plain = JSON.parse(raceOutput({ ...parsed.value, view: { ...parsed.value.view, schedule: { kind: 'fixed', params: {}, at: [] } } }));
    expect(out.runs[1].path).toEqual(plain.runs[1].path); // sfsgd: the same run
    expect(out.runs[0].path).not.toEqual(plain.runs[0].path); // sgd follows the schedule
  });
});

describe('surface defaults (README table)', () => {
  it('reproduces the robust bowl row: every rule reaches the target', () => {
    const row = Object.fromEntries(MORE.map((id) => [id, defaultRun('bowl', id)]));
    expect(MORE.map((id) => [row[id].settled, row[id].hit])).toEqual([
      [82, 62],
      [64, 43],
      [84, 63],
      [186, 186],
      [82, 47],
      [200, 70],
      [130, 22],
    ]);
  });

  it("Lion walks a staircase of ±η steps on the bowl and Rosenbrock; too coarse for Rosenbrock's narrow floor", () => {
    for (const [surfaceId, lr] of [['bowl', 0.1], ['rosenbrock', 0.03]] as const) {
      const t = defaultRun(surfaceId, 'lion');
      expect(t.hyper.lr).toBe(lr);
      for (let k = 1; k <= t.steps; k++) {
        expect(Math.abs(t.xs[k] - t.xs[k - 1])).toBeCloseTo(lr, 12);
        expect(Math.abs(t.ys[k] - t.ys[k - 1])).toBeCloseTo(lr, 12);
      }
    }
    expect(defaultRun('rosenbrock', 'lion').hit).toBeNull();
  });

  it("Schedule-Free SGD's path is the average x: it smooths SGD's zig-zag on the bowl and lags it on Rosenbrock", () => {
    // Same rate as SGD's (z is an SGD sequence driven by gradients at y); the first update is SGD's own.
    const sf = defaultRun('bowl', 'sfsgd');
    const sgd = defaultRun('bowl', 'sgd');
    expect([sf.xs[1], sf.ys[1]]).toEqual([sgd.xs[1], sgd.ys[1]]);
    const turns = (t: Trajectory) => {
      let n = 0;
      for (let k = 2; k <= 40; k++) if (Math.sign(t.ys[k] - t.ys[k - 1]) !== Math.sign(t.ys[k - 1] - t.ys[k - 2])) n++;
      return n;
    };
    // SGD at 0.9 flips y's direction every update (×(1 − 1.8) = −0.8); the average turns a few times only.
    expect(turns(sgd)).toBe(39);
    expect(turns(sf)).toBeLessThan(10);
    // On Rosenbrock x trails SGD down the valley: further from (1, 1) after the same 3,000 updates.
    const sfR = defaultRun('rosenbrock', 'sfsgd');
    const sgdR = defaultRun('rosenbrock', 'sgd');
    const dist = (t: Trajectory) => Math.hypot(t.xs[t.steps] - 1, t.ys[t.steps] - 1);
    expect(dist(sfR)).toBeGreaterThan(dist(sgdR));
    expect(sfR.diverged).toBe(false);
  });

  it("RAdam's first five steps are unnormalised momentum steps: at Adam's rate they blow up on Rosenbrock", () => {
    const s = getSurface('rosenbrock')!;
    const optimizer = getOptimizer('radam');
    const atAdamRate = run({ objective: surfaceObjective(s), optimizer, hyper: resolveHyper(optimizer, { lr: s.hyper.adam!.lr }), start: s.start, steps: 50, target: s.target });
    expect(atAdamRate.diverged).toBe(true);
    expect(defaultRun('rosenbrock', 'radam').diverged).toBe(false);
  });
});

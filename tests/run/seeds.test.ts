/**
 * Several seeds (issue 9): with gradient noise each entrant runs on N consecutive noise seeds and shows its
 * median run; the scoreboard, the figure's legend, the CLI and the JSON say how the seeds spread.
 */
import { describe, expect, it } from 'vitest';
import { parseRaceArgs, raceOutput } from '../../src/cli/race.ts';
import { compileExpression, expressionObjective } from '../../src/math/expression/index.ts';
import { getOptimizer } from '../../src/optim/index.ts';
import { medianRun, race, type SeedRun } from '../../src/run/race.ts';
import { run, type Trajectory } from '../../src/run/run.ts';
import { seedSpread } from '../../src/render/race-status.ts';
import { shownRuns } from '../../src/render/shown-run.ts';
import { decodeView, encodeView } from '../../src/view/link.ts';
import { raceForView } from '../../src/view/race.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';

const compiled = compileExpression('x^2/10 + y^2');
if (!compiled.ok) throw new Error('compiles');
const objective = expressionObjective(compiled.value);
const base = { objective, start: [-7, 2] as const, steps: 200, target: 1e-3 };

describe('race over several seeds', () => {
  const sgd = { optimizer: getOptimizer('sgd'), hyper: { lr: 0.5 } };
  const [r] = race({ ...base, entrants: [sgd], noise: { sigma: 0.3, seed: 40 }, seeds: 5 });

  it('runs each entrant on seed, seed + 1, …, bit for bit the runs of those seeds, and keeps them in seed order', () => {
    expect(r.seeds.map((s) => s.seed)).toEqual([40, 41, 42, 43, 44]);
    r.seeds.forEach((s) => {
      const alone = run({ ...base, ...sgd, noise: { sigma: 0.3, seed: s.seed } });
      expect(s.xs).toEqual(alone.xs);
      expect(s.settled).toBe(alone.settled);
    });
  });

  it('shows the median run: ranked by settled (not settled last), then final loss, at rank ⌊(N − 1)/2⌋', () => {
    const ranked = [...r.seeds].sort((a, b) => (a.settled ?? Infinity) - (b.settled ?? Infinity) || a.losses.at(-1)! - b.losses.at(-1)!);
    expect(r.medianSeed).toBe(ranked[2].seed);
    const median = r.seeds.find((s) => s.seed === r.medianSeed)!;
    expect(r.xs).toBe(median.xs);
    expect(r.settled).toBe(median.settled);
    // With noise the seeds really differ.
    expect(new Set(r.seeds.map((s) => s.losses.at(-1))).size).toBe(5);
  });

  it('runs once without noise, whatever N, and once with N = 1', () => {
    const [quiet] = race({ ...base, entrants: [sgd], seeds: 5 });
    expect([quiet.seeds, quiet.medianSeed]).toEqual([[], null]);
    const [one] = race({ ...base, entrants: [sgd], noise: { sigma: 0.3, seed: 40 }, seeds: 1 });
    expect(one.seeds).toEqual([]);
    expect(one.xs).toEqual(run({ ...base, ...sgd, noise: { sigma: 0.3, seed: 40 } }).xs);
  });

  it('wraps seeds past 2³² − 1 to 0', () => {
    const [w] = race({ ...base, steps: 3, entrants: [sgd], noise: { sigma: 0.3, seed: 4294967295 }, seeds: 2 });
    expect(w.seeds.map((s) => s.seed)).toEqual([4294967295, 0]);
  });

  it('takes the lower median for even N, and ties by seed', () => {
    const fake = (seed: number, settled: number | null, last: number): SeedRun =>
      ({ seed, settled, diverged: false, losses: new Float64Array([1, last]) }) as unknown as Trajectory & { seed: number };
    expect(medianRun([fake(1, 30, 0), fake(2, 10, 0), fake(3, null, 0), fake(4, 20, 0)]).seed).toBe(4);
    expect(medianRun([fake(1, 10, 0.5), fake(2, 10, 0.1), fake(3, 10, 0.1)]).seed).toBe(3);
  });
});

describe('seedSpread', () => {
  const of = (settled: (number | null)[], finals: number[] = settled.map(() => 0)) => ({
    seeds: settled.map((s, i) => ({ settled: s, diverged: !Number.isFinite(finals[i]), losses: [1, finals[i]] })),
  });
  it('says the range of iterations to target, and how many seeds did not settle', () => {
    expect(seedSpread(of([62, 130, 84]), 1e-3)).toBe('3 seeds: 62–130');
    expect(seedSpread(of([62, null, 84, null, 70]), 1e-3)).toBe('5 seeds: 62–84, 2 not settled');
    expect(seedSpread(of([84, 84]), 1e-3)).toBe('2 seeds: all 84');
    expect(seedSpread(of([null, null]), 1e-3)).toBe('2 seeds: none settled');
    expect(seedSpread(of([null, null], [0.5, 0.002]), null)).toBe('2 seeds: final f 0.002 to 0.5');
    expect(seedSpread(of([null, null], [0.5, Infinity]), null)).toBe('2 seeds: final f 0.5, 1 diverged');
    expect(seedSpread(of([12]), 1e-3)).toBeNull();
  });
});

describe('seeds in the view, the link, the figure and the CLI', () => {
  it('carries seeds= in links, races the median, and names the spread in the legend', () => {
    const { view, notices } = decodeView('#s=bowl&noise=0.5&seeds=7&opt=sgd,adam', VOCABULARY);
    expect(notices).toEqual([]);
    expect(view.seeds).toBe(7);
    expect(new URLSearchParams(encodeView(view, VOCABULARY)).get('seeds')).toBe('7');
    const runs = raceForView(view);
    expect(runs.map((r) => r.seeds.length)).toEqual([7, 7]);
    const shown = shownRuns(runs, view.target);
    expect(shown[0].spread).toMatch(/^7 seeds: /);
    expect(shown[0].detail).toBe(`lr=0.9 · ${shown[0].spread}`);
    expect(decodeView('#s=bowl&seeds=0', VOCABULARY).notices).toEqual(['Ignored the number of seeds "0": expected a whole number from 1 to 100.']);
  });

  it('--seeds N: the JSON adds "seeds" and, per run, "medianSeed" and every seed\'s numbers; the table the spread', () => {
    const args = parseRaceArgs(['--surface', 'saddle', '--noise', '0.3', '--seed', '3', '--seeds', '5', '--optimizers', 'sgd,adam', '--json']);
    if (!args.ok) throw new Error(args.error);
    const json = JSON.parse(raceOutput(args.value));
    expect(json.seeds).toBe(5);
    const [sgd] = json.runs;
    expect(sgd.seeds.map((s: { seed: number }) => s.seed)).toEqual([3, 4, 5, 6, 7]);
    expect(Object.keys(sgd.seeds[0]).sort()).toEqual(['diverged', 'divergedAt', 'final', 'hit', 'seed', 'settled', 'steps']);
    const median = sgd.seeds.find((s: { seed: number }) => s.seed === sgd.medianSeed);
    expect([median.settled, median.final]).toEqual([sgd.settled, sgd.final]);
    const table = raceOutput({ ...args.value, json: false });
    expect(table).toContain('noise σ=0.3 seed=3 (median run of seeds 3…7)');
    expect(table).toMatch(/\nsgd\s+lr=0\.03\s+.*\[5 seeds: /);
    // One seed: no seeds keys at all.
    const one = parseRaceArgs(['--surface', 'saddle', '--noise', '0.3', '--json']);
    if (!one.ok) throw new Error(one.error);
    const plain = JSON.parse(raceOutput(one.value));
    expect(['seeds' in plain, 'seeds' in plain.runs[0], 'medianSeed' in plain.runs[0]]).toEqual([false, false, false]);
  });
});

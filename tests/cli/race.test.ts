/**
 * `cli race`: argument validation in-process (fast, table-driven), then the real command spawned as a
 * child process for the JSON shape, the table, --list, and exit codes.
 */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/args.ts';
import { listing, parseRaceArgs, raceCommand, runRace } from '../../src/cli/race.ts';
import { raceJson } from '../../src/export/race-json.ts';
import { raceDataJson } from '../../src/export/data.ts';
import { DEFAULT_SEED, decodeView } from '../../src/export/url-state.ts';
import { raceForView } from '../../src/export/view-figure.ts';
import { VOCABULARY } from '../../src/export/view-vocabulary.ts';
import { runCli } from './run-cli.ts';

const cli = (...args: string[]) => runCli(args);

describe('race arguments', () => {
  const bad: [string[], string][] = [
    [['--surface', 'nope'], 'unknown surface "nope" (choose from bowl, '],
    [['--surface', 'bowl', '--expr', 'x^2'], 'give either --surface or --expr, not both'],
    [['--start', '1'], '--start expects X,Y, got "1"'],
    [['--start', '1,abc'], '--start expects a number, got "abc"'],
    [['--start', '1,Infinity'], '--start expects a number, got "Infinity"'],
    [['--steps', '-5'], '--steps expects a whole number from 0 to 1000000, got "-5"'],
    [['--steps', '2.5'], '--steps expects a whole number'],
    [['--steps', '9999999'], '--steps expects a whole number from 0 to 1000000'],
    [['--target', ''], '--target expects a number, got ""'],
    [['--optimizers', 'sgd,lion'], '--optimizers: unknown "lion" (choose from sgd, momentum, nag, adagrad, adadelta, rmsprop, adam)'],
    [['--optimizers', 'sgd,sgd'], '--optimizers: sgd listed twice'],
    [['--set', 'adam.lr'], '--set expects OPT.PARAM=VALUE, got "adam.lr"'],
    [['--set', 'lion.lr=1'], '--set: unknown optimizer "lion"'],
    [['--set', 'adam.gamma=1'], '--set: adam has no hyperparameter "gamma" (it has: lr, beta1, beta2, eps)'],
    [['--set', 'adam.beta1=1.5'], '--set: adam.beta1 must be a number in [0, 0.9999], got 1.5'],
    [['--set', 'adadelta.lr=0.1'], '--set: adadelta has no hyperparameter "lr" (it has: rho, eps)'],
    [['--optimizers', 'sgd', '--set', 'adam.lr=0.1'], '--set adam.lr=0.1: adam is not in this race'],
    [['--noise', '-1'], '--noise expects σ ≥ 0, got -1'],
    [['--seed', '3'], '--seed only applies with --noise SIGMA'],
    [['--noise', '1', '--seed', 'x'], '--seed expects a whole number'],
    [['--expr', 'x^2 + y^2'], '--expr needs --start X,Y'],
    [['--expr', 'constructor', '--start', '0,0'], '--expr: '],
    [['--expr', 'x.y', '--start', '0,0'], '--expr: "." at position 2: property access is not allowed'],
    [['--bogus'], 'unknown option --bogus'],
    [['stray'], 'unexpected argument "stray"'],
    [['--steps'], '--steps needs a value'],
    [['--json=yes'], '--json takes no value'],
    [['--steps', '5', '--steps', '6'], '--steps given twice'],
    [['--schedule', 'cosine'], '--schedule: unknown schedule "cosine" (expected one of fixed, step, '],
    [['--schedule', 'step:gamma=x'], '--schedule: schedule step: gamma must be a number, got "x"'],
    [['--schedule', 'step:size=0'], '--schedule: schedule step: size = 0 is outside [1, 1000000000]'],
    [['--schedule'], '--schedule needs a value'],
  ];
  it.each(bad)('%j → %s', (argv, message) => {
    let error: unknown;
    try {
      parseRaceArgs(argv);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('layers hyperparameters: registry default, then surface, then --set', () => {
    const r = parseRaceArgs(['--surface', 'bowl', '--set', 'momentum.beta=0.8', '--set', 'adam.lr=0.05']);
    expect(r.hyper.momentum).toEqual({ lr: 0.1, beta: 0.8, dampening: 0 }); // lr from the bowl, β from --set
    expect(r.hyper.adam).toEqual({ lr: 0.05, beta1: 0.9, beta2: 0.999, eps: 1e-8 });
    expect(r.hyper.nag).toEqual({ lr: 0.1, beta: 0.9 });
    expect(r.surface).toEqual({ id: 'bowl', expr: 'x^2/10 + y^2', start: [-7, 2], target: 1e-3 });
    expect(r.steps).toBe(200);
  });

  it('accepts negative values after a flag and custom expressions without a target', () => {
    const r = parseRaceArgs(['--expr', 'x^2 + y^2', '--start', '-1.5,2e-1', '--optimizers', 'sgd']);
    expect(r.surface).toEqual({ id: 'custom', expr: 'x^2 + y^2', start: [-1.5, 0.2], target: null });
    const [t] = runRace(r);
    expect(t.hit).toBeNull();
    expect(t.steps).toBe(500);
  });

  it('noisy races with the same seed produce identical JSON', () => {
    const argv = ['--surface', 'saddle', '--noise', '0.3', '--seed', '11', '--steps', '50'];
    const a = parseRaceArgs(argv);
    const b = parseRaceArgs(argv);
    expect(JSON.stringify(raceJson(b, runRace(b)))).toBe(JSON.stringify(raceJson(a, runRace(a))));
    expect(raceJson(a, runRace(a)).noise).toEqual({ sigma: 0.3, seed: 11 });
  });
});

describe('race --noise without --seed', () => {
  it("uses the app's default seed, so it is the race `render` draws and the app exports for that view", () => {
    const request = parseRaceArgs(['--surface', 'saddle', '--noise', '0.3', '--steps', '50', '--optimizers', 'sgd,adam']);
    expect(request.noise).toEqual({ sigma: 0.3, seed: DEFAULT_SEED });
    const { view, notices } = decodeView('s=saddle&noise=0.3&steps=50&opt=sgd,adam', VOCABULARY);
    expect(notices).toEqual([]);
    expect(view.seed).toBe(DEFAULT_SEED);
    expect(raceDataJson(view, raceForView(view))).toBe(`${JSON.stringify(raceJson(request, runRace(request)))}\n`);
  });
});

describe('race --schedule', () => {
  it('defaults to fixed and reports the schedule in the JSON, every parameter written out', () => {
    const plain = parseRaceArgs(['--surface', 'bowl', '--steps', '3']);
    expect(raceJson(plain, runRace(plain)).schedule).toBe('fixed');
    const r = parseRaceArgs(['--surface', 'bowl', '--steps', '3', '--schedule', 'step:size=1']);
    expect(raceJson(r, runRace(r)).schedule).toBe('step:gamma=0.9,size=1');
  });

  it('scales lr per update (worked numbers on the bowl)', () => {
    const r = parseRaceArgs(['--surface', 'bowl', '--optimizers', 'sgd', '--steps', '2', '--schedule', 'step:gamma=0.5,size=1']);
    const [sgd] = raceJson(r, runRace(r)).runs;
    // f = x²/10 + y², SGD lr 0.9·0.5^t: x ← x(1 − η/5), y ← y(1 − 2η).
    //   t=0, η=0.9:  x = −7·0.82 = −5.74,      y = 2·(−0.8) = −1.6
    //   t=1, η=0.45: x = −5.74·0.91 = −5.2234, y = −1.6·0.1 = −0.16
    expect(sgd.path[1][0]).toBeCloseTo(-5.74, 12);
    expect(sgd.path[1][1]).toBeCloseTo(-1.6, 12);
    expect(sgd.path[2][0]).toBeCloseTo(-5.2234, 12);
    expect(sgd.path[2][1]).toBeCloseTo(-0.16, 12);
    expect(sgd.hyper).toEqual({ lr: 0.9 });
  });
});

describe('race output (in-process)', () => {
  it('reports divergence instead of crashing', () => {
    const r = parseRaceArgs(['--optimizers', 'sgd', '--set', 'sgd.lr=1.5']);
    const [sgd] = raceJson(r, runRace(r)).runs;
    expect(sgd).toMatchObject({ diverged: true, divergedAt: 19, steps: 18, hit: null });
    expect(sgd.path).toHaveLength(19);
    expect(JSON.parse(JSON.stringify(sgd)).path[18]).toEqual(sgd.path[18]);
  });

  it('refuses options other than --json next to --list', () => {
    expect(() => raceCommand(['--list', '--steps', '3'])).toThrow('--list takes only --json, got --steps 3');
  });

  it('lists surfaces and optimizers with their defaults', () => {
    const text = listing(false);
    expect(text).toMatch(/\nrosenbrock\s+Rosenbrock\s+-1\.2,1/);
    expect(text).toMatch(/\nadam\s+Adam\s+lr=0\.01 \[0\.00001, 10\]/);
    const json = JSON.parse(listing(true));
    expect(json.surfaces[0]).toMatchObject({ id: 'bowl', start: [-7, 2], hyper: { sgd: { lr: 0.9 } } });
    expect(json.optimizers.map((o: { id: string }) => o.id)).toEqual(['sgd', 'momentum', 'nag', 'adagrad', 'adadelta', 'rmsprop', 'adam']);
  });
});

describe('cli race (spawned)', () => {
  it('prints the JSON the issue specifies', () => {
    const { status, stdout } = cli('race', '--surface', 'bowl', '--optimizers', 'sgd,adam', '--steps', '30', '--set', 'adam.lr=0.05', '--json');
    expect(status).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.surface).toEqual({ id: 'bowl', expr: 'x^2/10 + y^2', start: [-7, 2], target: 0.001 });
    expect(out.schedule).toBe('fixed');
    expect(out.runs.map((r: { optimizer: string }) => r.optimizer)).toEqual(['sgd', 'adam']);
    const [sgd, adam] = out.runs;
    expect(Object.keys(sgd).sort()).toEqual(['diverged', 'divergedAt', 'final', 'hit', 'hyper', 'optimizer', 'path', 'steps']);
    expect(sgd.hyper).toEqual({ lr: 0.9 });
    expect(adam.hyper.lr).toBe(0.05);
    expect(sgd.path).toHaveLength(31);
    expect(sgd.path[0]).toEqual([-7, 2, 8.9]);
    // SGD lr 0.9 on x²/10 + y²: x ← 0.82·x, y ← −0.8·y.
    expect(sgd.path[1][0]).toBeCloseTo(-5.74, 12);
    expect(sgd.path[1][1]).toBeCloseTo(-1.6, 12);
    expect(sgd.path[1][2]).toBeCloseTo(5.74 ** 2 / 10 + 1.6 ** 2, 12);
    expect(sgd.final).toEqual(sgd.path[30]);
    expect(sgd.hit).toBe(23);
    expect(sgd.path[23][2]).toBeLessThanOrEqual(0.001);
    expect(sgd.path[22][2]).toBeGreaterThan(0.001);
    expect(sgd).toMatchObject({ diverged: false, divergedAt: null, steps: 30 });
    // Adam moves about lr per coordinate on its first step.
    expect(adam.path[1][0]).toBeCloseTo(-6.95, 6);
  });

  it('prints a readable table without --json', () => {
    const race = cli('race', '--surface', 'saddle');
    expect(race.status).toBe(0);
    expect(race.stdout).toContain('surface saddle: x^2 - y^2 + y^4/4');
    expect(race.stdout).toMatch(/optimizer\s+hyperparameters\s+iterations to target\s+final loss/);
    expect(race.stdout).toMatch(/\nsgd\s+lr=0\.03\s+131\s+-1\.0000/);
  });

  it.each([
    [['race', '--steps', 'many'], 'error: race: --steps expects a whole number from 0 to 1000000, got "many"'],
    [['race', '--schedule', 'poly:power=-1'], 'error: race: --schedule: schedule poly: power = -1 is outside [0, 100]'],
    [['race', '--expr', 'import(x)', '--start', '0,0'], 'error: race: --expr: '],
    [['nope'], 'error: unknown command "nope" (commands: race, '],
  ])('exits 2 with one line on stderr: %j', (args, message) => {
    const { status, stdout, stderr } = cli(...args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(message);
  });
});

/**
 * `cli race`: argument validation in-process (fast, table-driven), then the real command spawned as a
 * child process for the JSON shape, the table, --list, --help and exit codes. That the same options give
 * the same race in `race`, `render` and a link is tests/cli/same-race.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { listing, parseRaceArgs, raceCommand, raceOutput, type RaceArgs } from '../../src/cli/race.ts';
import { raceDataJson } from '../../src/export/data.ts';
import { DEFAULT_SEED } from '../../src/view/fields.ts';
import { decodeView } from '../../src/view/link.ts';
import { raceForView } from '../../src/view/race.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';
import { runCli } from './run-cli.ts';

const cli = (...args: string[]) => runCli(args);

function parse(argv: string[]): RaceArgs {
  const r = parseRaceArgs(argv);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}
const json = (argv: string[]) => JSON.parse(raceOutput(parse([...argv, '--json'])));

describe('race arguments', () => {
  // Issue 8: messages are worded once from structured errors, as `--flag: …`.
  const bad: [string[], string][] = [
    [['--surface', 'nope'], '--surface: unknown surface "nope" (choose from bowl, '],
    [['--surface', 'bowl', '--expr', 'x^2'], 'give either --surface or --expr, not both'],
    [['--start', '1'], '--start: expected two numbers x,y, got "1"'],
    [['--start', '1,abc'], '--start: expected two numbers x,y, got "1,abc"'],
    [['--start', '1,Infinity'], '--start: expected two numbers x,y, got "1,Infinity"'],
    [['--steps', '-5'], '--steps: expected a whole number from 0 to 1000000, got "-5"'],
    [['--steps', '2.5'], '--steps: expected a whole number'],
    [['--steps', '9999999'], '--steps: expected a whole number from 0 to 1000000'],
    [['--target', ''], '--target: expected a number, or none for no target, got ""'],
    [['--optimizers', 'sgd,adamax'], '--optimizers: unknown optimizer "adamax" (choose from sgd, momentum, nag, adagrad, adadelta, rmsprop, adam, adamw, nadam, amsgrad, radam, adabelief, lion, sfsgd)'],
    [['--optimizers', 'sgd,adam:lr=abc'], '--optimizers: entrant "adam:lr=abc": lr expects a number from 0.00001 to 10, got "abc"'],
    [['--optimizers', 'adam:gamma=1'], '--optimizers: unknown adam hyperparameter "gamma" (choose from lr, beta1, beta2, eps, batch, sched)'],
    [['--optimizers', 'adam:lr'], '--optimizers: entrant "adam:lr": expected PARAM=VALUE after "adam:", got "lr"'],
    [['--optimizers', 'adam:lr=0.1:lr=0.2'], '--optimizers: entrant "adam:lr=0.1:lr=0.2": lr given twice'],
    [['--optimizers', 'sgd:sched=step:gamma=0.5'], '--optimizers: entrant "sgd:sched=step:gamma=0.5": sched expects a schedule in brackets'],
    [['--optimizers', 'sgd:sched=step'], '--optimizers: entrant "sgd:sched=step": sched expects a schedule in brackets, e.g. sched=[step:gamma=0.5,size=10]'],
    [['--optimizers', 'sgd:sched=[cosine]'], '--optimizers: entrant "sgd:sched=[cosine]": sched: unknown schedule "cosine"'],
    [['--optimizers', 'sgd:sched=[step'], '--optimizers: unbalanced [ ] in the entrant list'],
    [['--set', 'adam.lr'], '--set: expected OPT.PARAM=VALUE, got "adam.lr"'],
    [['--set', 'adamax.lr=1'], '--set: unknown optimizer "adamax"'],
    [['--set', 'adam.gamma=1'], '--set: unknown adam hyperparameter "gamma" (choose from lr, beta1, beta2, eps)'],
    [['--set', 'adam.beta1=1.5'], '--set adam.beta1: expected a number from 0 to 0.9999, got "1.5"'],
    [['--set', 'adadelta.lr=0.1'], '--set: unknown adadelta hyperparameter "lr" (choose from rho, eps)'],
    [['--optimizers', 'sgd', '--set', 'adam.lr=0.1'], '--set adam.lr=0.1: adam is not among --optimizers'],
    [['--noise', '-1'], '--noise: expected a number from 0 to 1000, got "-1"'],
    [['--noise', '1', '--seed', 'x'], '--seed: expected a whole number from 0 to 4294967295, got "x"'],
    [['--domain', '1,0,0,1'], '--domain: expected x0,x1,y0,y1 with x0 < x1 and y0 < y1, got "1,0,0,1"'],
    [['--expr', 'x^2 + y^2'], '--expr needs --start X,Y'],
    [['--expr', 'constructor', '--start', '0,0'], '--expr: Unknown symbol "constructor" at position 1'],
    [['--expr', 'x.y', '--start', '0,0'], '--expr: "." at position 2: property access is not allowed'],
    [['--expr', 'x+'.repeat(300) + 'x', '--start', '0,0'], '--expr: longer than 500 characters'],
    [['--bogus'], 'unknown option --bogus'],
    [['--k', '3'], 'unknown option --k'],
    [['stray'], 'unexpected argument "stray"'],
    [['--steps'], '--steps needs a value'],
    [['--json=yes'], '--json takes no value'],
    [['--steps', '5', '--steps', '6'], '--steps given twice'],
    [['--schedule', 'cosine'], '--schedule: unknown schedule "cosine" (expected one of fixed, step, '],
    [['--schedule', 'step:gamma=x'], '--schedule: schedule step: gamma must be a number, got "x"'],
    [['--schedule', 'step:size=0'], '--schedule: schedule step: size = 0 is outside [1, 1000000000]'],
    [['--schedule'], '--schedule needs a value'],
    [['--list', '--steps', '3'], '--list takes only --json, got --steps 3'],
  ];
  it.each(bad)('%j → %s', (argv, message) => {
    const r = parseRaceArgs(argv);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toContain(message);
    expect(r.error).not.toContain('\n');
    expect(r.error).not.toMatch(/Ignored|link|default view/);
  });

  it('layers hyperparameters: registry default, then surface, then --set', () => {
    const { view } = parse(['--surface', 'bowl', '--set', 'momentum.beta=0.8', '--set', 'adam.lr=0.05']);
    expect(view.hyper.momentum).toEqual({ lr: 0.1, beta: 0.8, dampening: 0 }); // lr from the bowl, β from --set
    expect(view.hyper.adam).toEqual({ lr: 0.05, beta1: 0.9, beta2: 0.999, eps: 1e-8 });
    expect(view.hyper.nag).toEqual({ lr: 0.1, beta: 0.9 });
    expect([view.surface, view.expr, view.start, view.target, view.steps]).toEqual(['bowl', 'x^2/10 + y^2', [-7, 2], 1e-3, 200]);
  });

  it('accepts negative values after a flag and custom expressions without a target', () => {
    const { view } = parse(['--expr', 'x^2 + y^2', '--start', '-1.5,2e-1', '--optimizers', 'sgd']);
    expect([view.surface, view.expr, view.start, view.target]).toEqual([null, 'x^2 + y^2', [-1.5, 0.2], null]);
    const [t] = raceForView(view);
    expect(t.hit).toBeNull();
    expect(t.steps).toBe(500);
  });

  it('accepts --seed without --noise, --target none, --steps 0 and --domain on a surface (issue 8)', () => {
    const { view } = parse(['--surface', 'bowl', '--seed', '3', '--target', 'none', '--steps', '0', '--domain', '-1,1,-2,2']);
    expect([view.seed, view.noise, view.target, view.steps]).toEqual([3, 0, null, 0]);
    expect(view.domain).toEqual({ x: [-1, 1], y: [-2, 2] });
    expect(json(['--surface', 'bowl', '--steps', '0', '--optimizers', 'sgd']).runs[0].path).toEqual([[-7, 2, 8.9]]);
  });

  it('noisy races with the same seed produce identical JSON', () => {
    const argv = ['--surface', 'saddle', '--noise', '0.3', '--seed', '11', '--steps', '50'];
    expect(raceOutput(parse(argv))).toBe(raceOutput(parse(argv)));
    expect(json(argv).noise).toEqual({ sigma: 0.3, seed: 11 });
  });
});

describe('race --noise without --seed', () => {
  it("uses the app's default seed, so it is the race `render` draws and the app exports for that view", () => {
    const args = parse(['--surface', 'saddle', '--noise', '0.3', '--steps', '50', '--optimizers', 'sgd,adam', '--json']);
    expect(args.view.seed).toBe(DEFAULT_SEED);
    const { view, notices } = decodeView('s=saddle&noise=0.3&steps=50&opt=sgd,adam', VOCABULARY);
    expect(notices).toEqual([]);
    expect(view.seed).toBe(DEFAULT_SEED);
    expect(raceDataJson(view, raceForView(view))).toBe(raceOutput(args));
  });
});

describe('race --schedule', () => {
  it('defaults to fixed and reports the schedule in the JSON, every parameter written out', () => {
    expect(json(['--surface', 'bowl', '--steps', '3']).schedule).toBe('fixed');
    expect(json(['--surface', 'bowl', '--steps', '3', '--schedule', 'step:size=1']).schedule).toBe('step:gamma=0.9,size=1');
  });

  it('scales lr per update (worked numbers on the bowl)', () => {
    const [sgd] = json(['--surface', 'bowl', '--optimizers', 'sgd', '--steps', '2', '--schedule', 'step:gamma=0.5,size=1']).runs;
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
  it('reports settled next to hit on the default bowl: RMSprop touches 0.001 at 32 and leaves, NAG and Adam settle later (issue 9)', () => {
    const runs = Object.fromEntries(json(['--surface', 'bowl']).runs.map((r: { optimizer: string }) => [r.optimizer, r]));
    expect(runs.rmsprop).toMatchObject({ hit: 32, settled: null });
    expect(runs.rmsprop.final[2]).toBeCloseTo(0.0245924, 6);
    expect(runs.nag).toMatchObject({ hit: 38, settled: 59 });
    expect(runs.adam).toMatchObject({ hit: 63, settled: 84 });
    // settled: within from there to the end; the iterate before it is not.
    expect(runs.nag.path[58][2]).toBeGreaterThan(0.001);
    expect(runs.nag.path.slice(59).every((p: number[]) => p[2] <= 0.001)).toBe(true);
  });

  it('reports divergence instead of crashing', () => {
    const [sgd] = json(['--optimizers', 'sgd', '--set', 'sgd.lr=1.5']).runs;
    expect(sgd).toMatchObject({ diverged: true, divergedAt: 19, steps: 18, hit: null, settled: null });
    expect(sgd.path).toHaveLength(19);
  });

  it('refuses options other than --json next to --list, at the exit-2 boundary', () => {
    expect(() => raceCommand(['--list', '--steps', '3'])).toThrow('--list takes only --json, got --steps 3');
  });

  it('lists surfaces and optimizers with their defaults', () => {
    const text = listing(false);
    expect(text).toMatch(/\nrosenbrock\s+Rosenbrock\s+-1\.2,1\s+0\s+/);
    expect(text).toMatch(/\nsaddle\s+.*\s+-1\s+/);
    expect(text).toMatch(/\nadam\s+Adam\s+classic\s+lr=0\.01 \[0\.00001, 10\]/);
    const listed = JSON.parse(listing(true));
    expect(listed.surfaces[0]).toMatchObject({ id: 'bowl', start: [-7, 2], fStar: 0, hyper: { sgd: { lr: 0.9 } } });
    expect(listed.surfaces.find((s: { id: string }) => s.id === 'saddle')).toMatchObject({ fStar: -1 });
    expect(listed.optimizers.map((o: { id: string }) => o.id)).toEqual([
      'sgd', 'momentum', 'nag', 'adagrad', 'adadelta', 'rmsprop', 'adam', 'adamw', 'nadam', 'amsgrad', 'radam', 'adabelief', 'lion', 'sfsgd',
    ]);
  });

  it("prints the scoreboard's words at the end of the budget: settled, and the first touch where it differs (issue 9)", () => {
    const out = raceOutput(parse(['--surface', 'bowl']));
    expect(out).toMatch(/\nsgd\s+lr=0\.9\s+23\s+1\.64345e-34\n/);
    expect(out).toMatch(/\nnag\s+lr=0\.1 beta=0\.9\s+59 \(touched at 38\)\s+3\.03294e-11\n/);
    expect(out).toMatch(/\nrmsprop\s+lr=0\.3 rho=0\.9 eps=1e-8\s+touched at 32, then left it\s+0\.0245924\n/);
    expect(raceOutput(parse(['--surface', 'bowl', '--optimizers', 'sgd', '--steps', '20']))).toMatch(/\nsgd\s+lr=0\.9\s+not reached\s+/);
  });

  it('measures the target from f*: known for a surface, estimated for an expression, or --fstar', () => {
    const saddle = raceOutput(parse(['--surface', 'saddle', '--optimizers', 'sgd']));
    expect(saddle).toContain('start (-2, 0.001), f* -1, target f − f* ≤ 0.1, budget 300 updates\n');
    expect(saddle).toMatch(/\nsgd\s+lr=0\.03\s+131\s+/);
    // sin(x)·cos(y) over [−5, 5]²: f* = −1; from (1, 1) SGD at lr 0.01 settles within 0.001 of it only at iteration 499, Adam at 274
    // (measured f values of both runs pass −0.999 there; an absolute 0.001 would have counted iteration 1).
    const args = ['--expr', 'sin(x)*cos(y)', '--start', '1,1', '--optimizers', 'sgd,adam', '--target', '0.001'];
    const estimated = JSON.parse(raceOutput({ ...parse(args), json: true }));
    expect(estimated.surface).toEqual({ id: 'custom', expr: 'sin(x)*cos(y)', start: [1, 1], fStar: -1, target: 0.001 });
    expect(estimated.runs[0].path[1][2]).toBe(Math.sin(estimated.runs[0].path[1][0]) * Math.cos(estimated.runs[0].path[1][1]));
    expect(estimated.runs.map((r: { settled: number | null }) => r.settled)).toEqual([499, 274]);
    // f* = −2 puts every run at least 1 above it: none reaches the target.
    const set = JSON.parse(raceOutput({ ...parse([...args, '--fstar', '-2']), json: true }));
    expect(set.surface.fStar).toBe(-2);
    expect(set.runs.map((r: { hit: number | null }) => r.hit)).toEqual([null, null]);
    expect(parseRaceArgs(['--surface', 'bowl', '--fstar', 'low'])).toEqual({ ok: false, error: '--fstar: expected a number, got "low"' });
  });

  it('prints a table that says when there is no target', () => {
    const out = raceOutput(parse(['--expr', 'x^2 + y^2', '--start', '1,1', '--optimizers', 'sgd', '--steps', '3']));
    expect(out).toContain('surface custom: x^2 + y^2\nstart (1, 1), f* 0, no target, budget 3 updates\n');
    expect(out).toMatch(/\nsgd\s+lr=0\.01\s+—\s+/);
  });
});

describe('cli race (spawned)', () => {
  it('prints the JSON the issue specifies', () => {
    const { status, stdout } = cli('race', '--surface', 'bowl', '--optimizers', 'sgd,adam', '--steps', '30', '--set', 'adam.lr=0.05', '--json');
    expect(status).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.surface).toEqual({ id: 'bowl', expr: 'x^2/10 + y^2', start: [-7, 2], fStar: 0, target: 0.001 });
    expect(out.schedule).toBe('fixed');
    expect(out.runs.map((r: { optimizer: string }) => r.optimizer)).toEqual(['sgd', 'adam']);
    const [sgd, adam] = out.runs;
    expect(Object.keys(sgd).sort()).toEqual(['diverged', 'divergedAt', 'entrant', 'final', 'hit', 'hyper', 'optimizer', 'path', 'schedule', 'settled', 'steps']);
    expect([sgd.entrant, adam.entrant, sgd.schedule]).toEqual(['sgd', 'adam', 'fixed']);
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
    expect(sgd.settled).toBe(23);
    expect(sgd.path[23][2]).toBeLessThanOrEqual(0.001);
    expect(sgd.path[22][2]).toBeGreaterThan(0.001);
    // Adam lr 0.05 does not reach 0.001 in 30 updates.
    expect([adam.hit, adam.settled]).toEqual([null, null]);
    expect(sgd).toMatchObject({ diverged: false, divergedAt: null, steps: 30 });
    // Adam moves about lr per coordinate on its first step.
    expect(adam.path[1][0]).toBeCloseTo(-6.95, 6);
  });

  it('races the same optimizer twice: each run carries its entrant, --set reaching the entrants without their own value', () => {
    const { status, stdout } = cli('race', '--surface', 'bowl', '--optimizers', 'adam,adam:lr=0.1,adam,adam:lr=0.1:beta1=0.8', '--set', 'adam.lr=0.05', '--steps', '20', '--json');
    expect(status).toBe(0);
    const runs = JSON.parse(stdout).runs;
    expect(runs.map((r: { entrant: string }) => r.entrant)).toEqual(['adam', 'adam:lr=0.1', 'adam#2', 'adam:lr=0.1:beta1=0.8']);
    expect(runs.map((r: { hyper: { lr: number; beta1: number } }) => [r.hyper.lr, r.hyper.beta1])).toEqual([[0.05, 0.9], [0.1, 0.9], [0.05, 0.9], [0.1, 0.8]]);
    // Identical entrants run the identical race; a different lr a different one.
    expect(runs[2].path).toEqual(runs[0].path);
    expect(runs[1].path[1]).not.toEqual(runs[0].path[1]);
    // Adam's first step moves each coordinate by about its lr.
    expect(runs[1].path[1][0]).toBeCloseTo(-6.9, 6);
  });

  it('gives an entrant its own learning-rate schedule, written in brackets', () => {
    const out = raceOutput(parse(['--surface', 'bowl', '--optimizers', 'sgd,sgd:sched=[step:gamma=0.5,size=1]', '--steps', '3', '--json']));
    const [plain, scheduled] = JSON.parse(out).runs;
    expect([plain.entrant, scheduled.entrant]).toEqual(['sgd', 'sgd:sched=[step:gamma=0.5,size=1]']);
    expect([plain.schedule, scheduled.schedule]).toEqual(['fixed', 'step:gamma=0.5,size=1']);
    // SGD lr 0.9 then 0.45 on x²/10 + y²: y ← (1 − 2·lr)·y = −0.8·2, then 0.1·(−1.6).
    expect(plain.path[2][1]).toBeCloseTo(1.28, 12);
    expect(scheduled.path[2][1]).toBeCloseTo(-0.16, 12);
    const table = raceOutput(parse(['--surface', 'bowl', '--optimizers', 'sgd,sgd:sched=[step:gamma=0.5,size=1]', '--steps', '3']));
    expect(table).toMatch(/\nsgd:sched=\[step:gamma=0\.5,size=1\]\s+lr=0\.9 sched=step:gamma=0\.5,size=1\s+/);
  });

  it('prints a readable table without --json', () => {
    const race = cli('race', '--surface', 'saddle');
    expect(race.status).toBe(0);
    expect(race.stdout).toContain('surface saddle: x^2 - y^2 + y^4/4');
    expect(race.stdout).toMatch(/entrant\s+hyperparameters\s+iterations to target\s+final loss/);
    expect(race.stdout).toMatch(/\nsgd\s+lr=0\.03\s+131\s+-1\.0000/);
  });

  it('prints --help generated from the field table, one line per flag', () => {
    const { status, stdout } = cli('race', '--help');
    expect(status).toBe(0);
    for (const flag of ['--surface ID', '--expr "f(x,y)"', '--domain X0,X1,Y0,Y1', '--start X,Y', '--target T', '--steps N', '--noise SIGMA', '--seed S', '--optimizers a,b,…', '--set OPT.PARAM=VALUE …', '--schedule SPEC', '--json', '--list']) {
      expect(stdout).toMatch(new RegExp(`\\n  ${flag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+\\S`));
    }
    expect(stdout).toContain("updates per optimizer, a whole number from 0 to 1000000 (default: the surface's; 500 for an expression)");
    expect(stdout).not.toContain('--k');
  });

  it.each([
    [['race', '--steps', 'many'], 'error: race: --steps: expected a whole number from 0 to 1000000, got "many"'],
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

/**
 * `cli sweep`: the JSON shape (one real process), the SGD stability edge on x²/10 + y² from (3, 2)
 * (λmax = 2: SGD settles below lr 1, diverges for lr ≥ 1.1, and the reported limit is 1), ε for AdaDelta,
 * --param, and bad options as one-line errors with status 2.
 */
import { describe, expect, it } from 'vitest';
import { parseSweepArgs, sweepJson, sweepRuns, sweepTable, type SweepArgs } from '../../src/cli/sweep.ts';
import { runCli } from './run-cli.ts';

const QUAD = ['--expr', 'x^2/10 + y^2', '--start', '3,2', '--target', '1e-3', '--steps', '2000'];

function parse(argv: string[]): SweepArgs {
  const r = parseSweepArgs(argv);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('cli sweep', () => {
  it('prints {surface, runs} with each entrant\'s param, window, limits and results', () => {
    const r = runCli(['sweep', ...QUAD, '--optimizers', 'sgd,adadelta,adam:lr=0.1', '--from', '1e-3', '--to', '10', '--points', '9', '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['surface', 'runs']);
    expect(out.surface).toEqual({ id: 'custom', expr: 'x^2/10 + y^2', start: [3, 2], fStar: out.surface.fStar, target: 1e-3 });
    expect(Math.abs(out.surface.fStar)).toBeLessThan(1e-12);
    expect(out.runs.map((x: { entrant: string; param: string }) => [x.entrant, x.param])).toEqual([
      ['sgd', 'lr'],
      ['adadelta', 'eps'],
      ['adam:lr=0.1', 'lr'],
    ]);
    const [sgd, adadelta, adam] = out.runs;
    expect(Object.keys(sgd)).toEqual(['entrant', 'optimizer', 'hyper', 'param', 'window', 'limits', 'results']);
    expect(sgd.hyper).toEqual({ lr: sgd.hyper.lr });
    expect(Object.keys(sgd.results[0])).toEqual(['value', 'hit', 'settled', 'diverged', 'finalGap']);
    // 1e-3 … 10 in 9 points: two per decade; AdaDelta's ε is clipped to its range, ≤ 1.
    expect(sgd.results.map((x: { value: number }) => x.value)).toEqual([1e-3, 10 ** -2.5, 1e-2, 10 ** -1.5, 0.1, 10 ** -0.5, 1, 10 ** 0.5, 10]);
    expect(adadelta.results.map((x: { value: number }) => x.value)).toEqual([1e-3, 10 ** -2.5, 1e-2, 10 ** -1.5, 0.1, 10 ** -0.5, 1]);
    expect(sgd.limits).toEqual({ start: { at: [3, 2], lambdaMax: 2, lr: 1 }, minimum: { at: sgd.limits.minimum.at, lambdaMax: 2, lr: 1 } });
    expect(adam.limits).toBeNull();
    expect(Object.keys(sgd.window)).toEqual(['best', 'low', 'high', 'decades']);
    expect(sgd.window.decades).toBeCloseTo(Math.log10(sgd.window.high / sgd.window.low), 12);
  });

  it('finds SGD diverging for lr ≥ 1.1 and settling below 1, around its limit 2/λmax = 1', () => {
    const args = parse([...QUAD, '--optimizers', 'sgd', '--from', '0.5', '--to', '1.6', '--points', '12']);
    const [sgd] = sweepRuns(args);
    for (const r of sgd.results) {
      if (r.value >= 1.1) expect(r.diverged, `lr ${r.value}`).toBe(true);
      if (r.value < 1) expect([r.diverged, r.settled !== null], `lr ${r.value}`).toEqual([false, true]);
    }
    // 0.5 … 1.6 in 12 log steps (×1.111): seven values below 1, four from 1.16 up.
    expect(sgd.results.filter((r) => r.value < 1)).toHaveLength(7);
    expect(sgd.results.filter((r) => r.value >= 1.1)).toHaveLength(4);
    expect(sgd.window!.high).toBeLessThan(1);
    expect(sgd.limits!.start.lr).toBe(1);
    const table = sweepTable(args, [sgd]);
    expect(table).toContain('sgd: lr < 2/λmax: 1 at the start (3, 2), λmax 2');
    expect(sweepJson(args, [sgd]).runs[0]).toBe(sgd);
  });

  it('sweeps another hyperparameter with --param', () => {
    const [adam] = sweepRuns(parse([...QUAD, '--optimizers', 'adam', '--param', 'beta1', '--from', '0.5', '--to', '0.99', '--points', '3']));
    expect(adam.param).toBe('beta1');
    expect(adam.results.map((r) => r.value)).toEqual([0.5, Math.sqrt(0.5 * 0.99), 0.99]);
    expect(adam.limits).toBeNull();
  });

  it('prints a table with the best value on the grid, its iterations and the window', () => {
    const r = runCli(['sweep', ...QUAD, '--optimizers', 'sgd', '--points', '11']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^entrant +param +best on the grid +iterations there +window, decades \(low … high\) +diverges from$/m);
    // Half-decade grid: lr = 1 sits on the limit (|1 − 2·lr| = 1, it oscillates), 3.16 diverges.
    expect(r.stdout).toMatch(/^sgd +lr +0\.316 +\d+ +1\.50 \(0\.01 … 0\.316\) +3\.16$/m);
  });

  const bad: [string[], string][] = [
    [['--from', '0'], 'error: sweep: --from: expected a number > 0, got "0"'],
    [['--from', '1', '--to', '0.5'], 'error: sweep: --to must be greater than --from (got --from 1 --to 0.5)'],
    [['--points', '1'], 'error: sweep: --points: expected a whole number from 2 to 1000, got "1"'],
    [['--optimizers', 'sgd,adam', '--param', 'beta1'], 'error: sweep: --param: sgd has no hyperparameter "beta1" (sgd has lr)'],
    [['--surface', 'linreg', '--optimizers', 'sgd:batch=10'], 'error: sweep: --optimizers: sgd:batch=10: sweep runs the full gradient, not mini-batches'],
  ];
  it.each(bad)('refuses %j with one line and status 2', (argv, message) => {
    const r = runCli(['sweep', ...argv]);
    expect([r.status, r.stdout, r.stderr]).toEqual([2, '', `${message}\n`]);
  });
});

import { describe, expect, it } from 'vitest';
import { raceDataCsv, raceDataJson } from '../../src/export/data.ts';
import { raceForView } from '../../src/view/race.ts';
import { decodeView } from '../../src/view/link.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';
import { parseRaceArgs, raceOutput } from '../../src/cli/race.ts';

/** What `cli race ARGS` prints. */
function cliRace(argv: string[]): string {
  const args = parseRaceArgs(argv);
  if (!args.ok) throw new Error(args.error);
  return raceOutput(args.value);
}

describe('Export data', () => {
  it('writes JSON byte-equal to `cli race --json` for the same race', () => {
    const { view } = decodeView('s=rosenbrock&start=-1.2,1&target=0.001&steps=50&noise=0.5&seed=7&opt=sgd,adam&adam.lr=0.05', VOCABULARY);
    const cli = cliRace(['--surface', 'rosenbrock', '--steps', '50', '--optimizers', 'sgd,adam', '--set', 'adam.lr=0.05', '--noise', '0.5', '--seed', '7', '--json']);
    expect(raceDataJson(view, raceForView(view))).toBe(cli);
  });

  it('matches `cli race --json --schedule` byte for byte, schedule field included', () => {
    const { view } = decodeView('s=bowl&steps=20&opt=sgd,momentum&sched=exp%3Agamma%3D0.95', VOCABULARY);
    const cli = cliRace(['--surface', 'bowl', '--steps', '20', '--optimizers', 'sgd,momentum', '--schedule', 'exp:gamma=0.95', '--json']);
    expect(raceDataJson(view, raceForView(view))).toBe(cli);
    expect(JSON.parse(cli).schedule).toBe('exp:gamma=0.95');
  });

  it('names a typed expression "custom", as the CLI does, with no target unless the link sets one', () => {
    // Issue 8: an expression's default target is none (it was the first surface's 0.001).
    const { view } = decodeView('f=x^2%2By^2&dom=-2,2,-2,2&start=1,1&steps=3&opt=sgd', VOCABULARY);
    const json = JSON.parse(raceDataJson(view, raceForView(view)));
    expect(json.surface).toEqual({ id: 'custom', expr: 'x^2+y^2', start: [1, 1], fStar: 0, target: null });
    expect(JSON.parse(raceDataJson({ ...view, target: 0.001 }, raceForView(view))).surface.target).toBe(0.001);
    expect(json.runs[0].path).toHaveLength(4);
  });

  it('writes CSV rows optimizer,iteration,x,y,loss with exact doubles', () => {
    // SGD on f = x² + y² with lr 0.1 from (1, 1): θ ← θ − 0.1·2θ = 0.8θ, so x = y = 0.8^k and f = 2·0.64^k.
    const { view } = decodeView('f=x^2%2By^2&start=1,1&steps=2&opt=sgd&sgd.lr=0.1', VOCABULARY);
    const csv = raceDataCsv(raceForView(view));
    // Reference: the same two updates in plain doubles.
    const x1 = 1 - 0.1 * 2 * 1;
    const x2 = x1 - 0.1 * 2 * x1;
    expect(x1).toBe(0.8);
    const rows = ['optimizer,iteration,x,y,loss', 'sgd,0,1,1,2', `sgd,1,${x1},${x1},${x1 * x1 + x1 * x1}`, `sgd,2,${x2},${x2},${x2 * x2 + x2 * x2}`];
    expect(csv).toBe(`${rows.join('\n')}\n`);
    expect(csv).toContain('sgd,1,0.8,0.8,1.2800000000000002');
  });

  it('has one row per recorded iterate of every run, diverged runs stopping at their last finite point', () => {
    const { view } = decodeView('s=bowl&steps=30&opt=sgd,adam&sgd.lr=5', VOCABULARY);
    const runs = raceForView(view);
    expect(runs[0].diverged).toBe(true);
    const lines = raceDataCsv(runs).trimEnd().split('\n');
    expect(lines).toHaveLength(1 + runs[0].xs.length + runs[1].xs.length);
    expect(lines.filter((l) => l.startsWith('sgd,'))).toHaveLength(runs[0].divergedAt!);
  });
});

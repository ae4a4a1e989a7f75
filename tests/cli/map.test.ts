/**
 * `cli map`: the JSON shape (one real process), cell (i, j) starting at x0 + (i + ½)(x1 − x0)/nx,
 * y0 + (j + ½)(y1 − y0)/ny (row-major, j the row), Himmelblau's basins labelled with its four listed
 * minima, the table, and bad options as one-line errors with status 2.
 */
import { describe, expect, it } from 'vitest';
import { mapJson } from '../../src/export/map-data.ts';
import { mapResult, mapTable, parseMapArgs, type MapArgs } from '../../src/cli/map.ts';
import { run } from '../../src/run/run.ts';
import { getOptimizer } from '../../src/optim/index.ts';
import { getSurface } from '../../surfaces/index.ts';
import { surfaceObjective } from '../../surfaces/objective.ts';
import { runCli } from './run-cli.ts';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAP_FIGURE_SIZE, mapFigureSvg } from '../../src/export/map-figure.ts';

function parse(argv: string[]): MapArgs {
  const r = parseMapArgs(argv);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('cli map', () => {
  it('prints {surface, domain, grid, runs, minima} with one cell per start, row-major', () => {
    const r = runCli(['map', '--surface', 'rosenbrock', '--domain', '-2,2,-1,3', '--grid', '4', '--steps', '200', '--optimizers', 'sgd:lr=0.003,adam', '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['surface', 'domain', 'grid', 'runs', 'minima']);
    expect(out.surface).toEqual({ id: 'rosenbrock', expr: '(1 - x)^2 + 100*(y - x^2)^2', start: [-1.2, 1], fStar: 0, target: 1e-3 });
    expect(out.domain).toEqual([-2, 2, -1, 3]);
    expect(out.grid).toEqual({ nx: 4, ny: 4 });
    expect(out.runs.map((x: { entrant: string }) => x.entrant)).toEqual(['sgd:lr=0.003', 'adam']);
    for (const run of out.runs) {
      expect(Object.keys(run)).toEqual(['entrant', 'optimizer', 'hyper', 'settled', 'diverged', 'end', 'basin']);
      for (const key of ['settled', 'diverged', 'end', 'basin']) expect(run[key]).toHaveLength(16);
    }
    // Cell (i, j) = (3, 1): start (−2 + 3.5·1, −1 + 1.5·1) = (1.5, 0.5), at index 1·4 + 3 = 7.
    const s = getSurface('rosenbrock')!;
    const one = run({ objective: surfaceObjective(s), optimizer: getOptimizer('sgd'), hyper: { lr: 0.003 }, start: [1.5, 0.5], steps: 200, target: 1e-3 });
    const sgd = out.runs[0];
    expect(sgd.hyper).toEqual({ lr: 0.003 });
    expect(sgd.settled[7]).toBe(one.settled);
    expect(sgd.diverged[7]).toBe(one.diverged);
    expect(sgd.end[7]).toEqual([one.xs[one.xs.length - 1], one.ys[one.ys.length - 1]]);
    for (const b of sgd.basin) expect(b === null || (Number.isInteger(b) && b >= 0 && b < out.minima.length)).toBe(true);
    for (const m of out.minima) expect(m).toHaveLength(3);
  });

  it('labels Himmelblau starts with the four listed minima (--color basin)', () => {
    const args = parse(['--surface', 'himmelblau', '--grid', '16', '--color', 'basin', '--optimizers', 'sgd,adam']);
    const m = mapResult(args);
    const json = mapJson(args.view, m);
    const s = getSurface('himmelblau')!;
    expect(json.minima.map(([x, y]) => [x, y])).toEqual(s.minima.map(([x, y]) => [x, y]));
    // Every start of both entrants ends in one of them, and each one is some start's basin; the run from the
    // bottom-right corner cell (15, 0) ends at (3.58, −1.85), the top-left one (0, 15) at (−2.81, 3.13).
    for (const run of json.runs) {
      expect(run.basin.every((b) => b !== null)).toBe(true);
      expect(new Set(run.basin)).toEqual(new Set([0, 1, 2, 3]));
      expect([run.basin[15], run.basin[16 * 15]]).toEqual([3, 1]);
      for (let i = 0; i < 256; i++) {
        const [ex, ey] = run.end[i];
        const d = s.minima.map(([x, y]) => Math.hypot(x - ex, y - ey));
        expect(run.basin[i]).toBe(d.indexOf(Math.min(...d)));
      }
    }
    const table = mapTable(args, m);
    expect(table).toContain('#0 (3, 2) f = 0 (listed)');
    expect(table).toMatch(/^sgd +\d+\.\d % +\d+\.\d % +\d+\.\d % +\d+\.\d % +0\.0 %$/m);
  });

  it('finds the minima of a typed function by clustering, none listed', () => {
    const args = parse(['--expr', '(x^2 - 1)^2 + y^2', '--start', '0.5,0.5', '--domain', '-2,2,-1,1', '--grid', '8', '--steps', '500', '--target', '1e-4', '--optimizers', 'adam:lr=0.05']);
    const json = mapJson(args.view, mapResult(args));
    const minima = json.minima.map(([x, y, f]) => [Number(x.toFixed(4)), Number(y.toFixed(4)), Number(f.toFixed(8))]);
    expect(minima.sort((a, b) => a[0] - b[0])).toEqual([[-1, 0, 0], [1, 0, 0]]);
    // The left half of the grid (i < 4) ends at x = −1, the right half at x = 1.
    const left = json.minima.findIndex(([x]) => x < 0);
    json.runs[0].basin.forEach((b, k) => expect(b).toBe(k % 8 < 4 ? left : 1 - left));
  });

  it('prints a table of settled, median iterations, not reached and diverged', () => {
    const r = runCli(['map', '--surface', 'bowl', '--grid', '8', '--optimizers', 'sgd']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('8×8 starts over');
    expect(r.stdout).toMatch(/^entrant +settled +median iterations +range +not reached +diverged$/m);
    expect(r.stdout).toMatch(/^sgd +100\.0 % +\d+(\.\d+)? +\d+ … \d+ +0\.0 % +0\.0 %$/m);
  });

  it('gives the same map on two worker threads as on one (7 × 32² × 1000 point-steps, past the split threshold)', () => {
    const argv = ['map', '--surface', 'himmelblau', '--grid', '32', '--noise', '0.5', '--json'];
    const one = runCli([...argv, '--workers', '1']);
    const two = runCli([...argv, '--workers', '2']);
    expect([one.status, two.status, one.stderr, two.stderr]).toEqual([0, 0, '', '']);
    expect(JSON.parse(one.stdout).runs[0].settled).toHaveLength(1024);
    expect(two.stdout).toBe(one.stdout);
  });

  it('writes the map figure with --out, coloured as --color says, as the app exports it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'opf-map-')), 'm.svg');
    const argv = ['--surface', 'himmelblau', '--grid', '12', '--steps', '200', '--optimizers', 'sgd,adam', '--color', 'basin'];
    const r = runCli(['map', ...argv, '--out', file]);
    expect([r.status, r.stdout, r.stderr]).toEqual([0, '', `wrote ${file}\n`]);
    const args = parse(argv);
    const view = { ...args.view, lab: { kind: 'map', res: 12, colour: 'basins' } } as const;
    expect(readFileSync(file, 'utf8')).toBe(mapFigureSvg(view, mapResult(args), MAP_FIGURE_SIZE));
    expect(readFileSync(file, 'utf8').match(/data-panel="/g)).toHaveLength(2);
  });

  const bad: [string[], string][] = [
    [['--workers', '3'], 'error: map: --workers: expected 1 or 2, got "3"'],
    [['--grid', '0'], 'error: map: --grid: expected a whole number from 1 to 256, got "0"'],
    [['--grid', '300'], 'error: map: --grid: expected a whole number from 1 to 256, got "300"'],
    [['--color', 'rainbow'], 'error: map: --color: expected iterations or basin, got "rainbow"'],
    [['--out', 'x.png'], 'error: map: --out: expected a name ending in .svg, got "x.png"'],
    [['--out', 'x.svg', '--json'], 'error: map: --json and --out: choose one (the JSON on standard output, or the figure in a file)'],
  ];
  it.each(bad)('refuses %j with one line and status 2', (argv, message) => {
    const r = runCli(['map', ...argv]);
    expect([r.status, r.stdout, r.stderr]).toEqual([2, '', `${message}\n`]);
  });
});

/**
 * `cli landscape`: its own flags beside `cli mnist`'s, the JSON shape the issue gives, and the SVG figure,
 * on a small race (2,000 training images, one epoch of batch 128 = 16 updates, an 11 × 11 grid on 1,000 images).
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseLandscapeArgs, type LandscapeRequest } from '../../src/cli/landscape.ts';
import { runCli } from './run-cli.ts';

function parse(argv: string[]): LandscapeRequest {
  const r = parseLandscapeArgs(argv);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}
const error = (argv: string[]): string => {
  const r = parseLandscapeArgs(argv);
  return r.ok ? 'parsed' : r.error;
};

describe('cli landscape arguments', () => {
  it('defaults: PCA, a 31 × 31 grid on 2,000 validation images, the MNIST options as `cli mnist` reads them', () => {
    const r = parse(['--epochs', '3', '--optimizers', 'sgd,adam']);
    expect([r.directions, r.grid, r.subset, r.center, r.out, r.json]).toEqual(['pca', 31, 2000, 0, null, false]);
    expect(r.config.epochs).toBe(3);
    expect(r.options.entrants.map((e) => e.optimizer)).toEqual(['sgd', 'adam']);
  });

  it('reads its own flags anywhere among the MNIST ones, in both spellings', () => {
    const r = parse(['--directions=random', '--optimizers', 'sgd,adam', '--grid', '61', '--center', 'adam', '--subset=5000', '--out', 'x.svg']);
    expect([r.directions, r.grid, r.subset, r.center, r.out]).toEqual(['random', 61, 5000, 1, 'x.svg']);
  });

  it('says what is wrong with bad input', () => {
    expect(error(['--grid', '4'])).toBe('--grid must be a whole number from 5 to 61, got "4"');
    expect(error(['--grid', '62'])).toMatch(/from 5 to 61/);
    expect(error(['--subset', '999'])).toBe('--subset must be a whole number from 1000 to 5000, got "999"');
    expect(error(['--directions', 'pcb'])).toBe('--directions must be pca or random, got "pcb"');
    expect(error(['--directions', 'random', '--center', 'nadam'])).toBe('--center nadam is not an entrant (entrants: sgd, adam)');
    expect(parse(['--directions', 'random', '--optimizers', 'adam,adam:lr=0.01', '--center', 'adam:lr=0.01']).center).toBe(1);
    expect(error(['--center', 'sgd'])).toMatch(/--center applies to --directions random/);
    expect(error(['--json', '--out', 'a.svg'])).toBe('give --json or --out, not both');
    expect(error(['--batchnorm'])).toMatch(/not drawn for batch-norm networks/);
    expect(error(['--epochs', 'x'])).toMatch(/epochs/);
    expect(error(['--grid'])).toBe('--grid needs a value');
  });
});

const SMALL = ['--limit', '2000', '--epochs', '1', '--subset', '1000', '--grid', '11', '--optimizers', 'sgd,adam', '--backend', 'wasm'];

describe('cli landscape output', () => {
  it('--json prints the issue\'s shape, with θ₀ at the origin and the line\'s ends at θ₀ and the final weights', () => {
    const r = runCli(['landscape', ...SMALL, '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['config', 'directions', 'explained', 'axes', 'loss', 'center', 'runs', 'line']);
    expect(out.directions).toBe('pca');
    expect(out.config).toMatchObject({ grid: 11, subset: 1000, checkpointEvery: 1, trainExamples: 2000, backend: 'wasm-simd' });
    const [r1, r2] = out.explained;
    expect(r1).toBeGreaterThan(r2);
    expect(r1 + r2).toBeLessThanOrEqual(1);
    expect(out.axes.alpha).toHaveLength(11);
    expect(out.axes.beta).toHaveLength(11);
    expect(out.loss).toHaveLength(121);
    expect(out.loss.every((v: number) => v > 0 && v < 10)).toBe(true);
    const c = out.center.loss;
    expect(c).toBeGreaterThan(2);
    expect(out.runs.map((run: { entrant: string }) => run.entrant)).toEqual(['sgd', 'adam']);
    for (const [i, run] of out.runs.entries()) {
      expect(Object.keys(run)).toEqual(['entrant', 'optimizer', 'path']);
      // 16 updates, a checkpoint after each, and θ₀.
      expect(run.path).toHaveLength(17);
      // θ₀ projects to the origin; its own loss is the origin's, and so (up to Float32 rounding) is the plane's there.
      expect([run.path[0][0], run.path[0][1], run.path[0][3]]).toEqual([0, 0, c]);
      expect(run.path[0][2]).toBeCloseTo(c, 6);
      const end = run.path[16];
      expect(end[3]).toBeLessThan(c);
      const line = out.line[i];
      expect(Object.keys(line)).toEqual(['entrant', 'alpha', 'loss']);
      expect(line.alpha).toHaveLength(61);
      expect([line.alpha[0], line.alpha[10], line.alpha[50], line.alpha[60]]).toEqual([-0.25, 0, 1, 1.25]);
      expect(line.loss[10]).toBe(c);
      expect(line.loss[50]).toBe(end[3]);
    }
  });

  it('--out writes the figure: contours, both paths, the start, the caption and the configuration', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'landscape-')), 'l.svg');
    const r = runCli(['landscape', ...SMALL, '--directions', 'random', '--center', 'adam', '--out', file]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    const svg = readFileSync(file, 'utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<path class="b"/g)!.length).toBeGreaterThan(5);
    expect(svg.match(/<g data-entrant="/g)).toHaveLength(2);
    expect(svg).toContain('<g class="start">');
    expect(svg).toContain('a random filter-normalized plane');
    expect(svg).toContain('can differ from the loss on the plane');
    expect(svg).toContain('Adam&apos;s final weights + α·d1 + β·d2');
    expect(svg).toContain('checkpoints (after every update)');
    expect(svg).toContain('2,000 training images');
    expect(svg).toContain('seed 1');
  });
});

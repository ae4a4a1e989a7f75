import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRenderArgs, renderSvg, type RenderOptions } from '../../src/cli/render.ts';
import { figureSvg } from '../../src/export/figure.ts';
import { figureSpecForView } from '../../src/export/view-figure.ts';
import { decodeView } from '../../src/export/url-state.ts';
import { VOCABULARY } from '../../src/export/view-vocabulary.ts';
import { decodePng, pixelStats } from '../export/png-pixels.ts';
import { cliStdout } from './run-cli.ts';

const parse = (argv: string[]): RenderOptions => {
  const r = parseRenderArgs(argv);
  if (typeof r === 'string') throw new Error(r);
  return r;
};

describe('render arguments', () => {
  it('builds the same view the URL codec decodes from the equivalent link', () => {
    const o = parse(['--surface', 'rosenbrock', '--start', '-1,2', '--optimizers', 'sgd,adam', '--set', 'adam.lr=0.05', '--steps', '80', '--target', '0.01', '--schedule', 'step:gamma=0.5,size=10', '--k', '20', '--out', 'a.svg']);
    const { view } = decodeView('s=rosenbrock&start=-1,2&opt=sgd,adam&adam.lr=0.05&steps=80&target=0.01&sched=step:gamma=0.5,size=10&k=20', VOCABULARY);
    expect(o.view).toEqual(view);
    expect(o.view.schedule).toEqual({ kind: 'step', params: { gamma: 0.5, size: 10 }, at: [] });
    expect([o.width, o.height, o.scale, o.animateSeconds]).toEqual([720, 480, 1, undefined]);
  });

  it('reads an expression with its domain, the size and the animation length', () => {
    const o = parse(['--expr', 'x^2 + 3*y^2', '--domain', '-3,3,-2,2', '--start', '2,1', '--width', '640', '--height', '400', '--animated', '--seconds', '4', '--out', 'b.svg']);
    expect(o.view.surface).toBeNull();
    expect(o.view.expr).toBe('x^2 + 3*y^2');
    expect(o.view.domain).toEqual({ x: [-3, 3], y: [-2, 2] });
    expect([o.width, o.height, o.animateSeconds]).toEqual([640, 400, 4]);
  });

  it('turns every problem into one clear message', () => {
    const cases: [string[], RegExp][] = [
      [['--surface', 'bowl'], /--out .* is required/],
      [['--out', 'x.pdf'], /must end in \.svg or \.png/],
      [['--surface', 'nope', '--out', 'x.svg'], /^--surface: unknown surface "nope"\.$/],
      [['--steps', '5000000', '--out', 'x.svg'], /^invalid step budget "5000000": expected a whole number from 1 to /],
      [['--optimizers', 'sgd,foo', '--out', 'x.svg'], /^--optimizers: unknown optimizer "foo"\.$/],
      [['--expr', 'x^2 + y^2', '--out', 'x.svg'], /^--expr needs --start X,Y$/],
      [['--width', '100', '--out', 'x.svg'], /^--width expects 480 to 4000 pixels, got 100$/],
      [['--height', '5000', '--out', 'x.svg'], /^--height expects 300 to 4000 pixels, got 5000$/],
      [['--surface', 'bowl', '--expr', 'x', '--out', 'x.svg'], /either --surface or --expr/],
      [['--expr', 'x^', '--out', 'x.svg'], /^--expr "x\^" was rejected: Syntax error/],
      [['--set', 'adam.lr=99', '--out', 'x.svg'], /adam learning rate "99": expected a number from/],
      [['--set', 'adam', '--out', 'x.svg'], /--set expects OPT\.PARAM=VALUE/],
      [['--width', '12.5', '--out', 'x.svg'], /--width expects a whole number/],
      [['--scale', '3', '--out', 'x.png'], /--scale expects 1, 2 or 4/],
      [['--bogus', '1', '--out', 'x.svg'], /unknown option "--bogus"/],
      [['--schedule', 'step:gamma=banana', '--out', 'x.svg'], /schedule/i],
      [['--out'], /--out needs a value/],
      [['--surface', 'bowl', '--domain', '0,1,0,1', '--out', 'x.svg'], /--domain applies to --expr only/],
    ];
    for (const [argv, message] of cases) {
      const r = parseRenderArgs(argv);
      expect(typeof r, argv.join(' ')).toBe('string');
      expect(r).toMatch(message);
      expect(r).not.toMatch(/default view|link|Ignored/);
    }
  });

  it('renders the exact figure the app exports for that view', () => {
    const o = parse(['--surface', 'bowl', '--optimizers', 'sgd,momentum,adam', '--steps', '40', '--width', '520', '--height', '340', '--out', 'x.svg']);
    expect(renderSvg(o)).toBe(figureSvg(figureSpecForView(o.view, { width: 520, height: 340 })));
    expect(renderSvg(o)).toBe(readFileSync(join(import.meta.dirname, '../export/__snapshots__/bowl-small.svg'), 'utf8'));
  });
});

describe('npm run cli -- render (real process)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'opf-render-'));
  const cli = (args: string[]): string => cliStdout(['render', ...args]);

  it('writes the SVG file and, with --out -, the same bytes to standard output', () => {
    const args = ['--surface', 'bowl', '--optimizers', 'sgd,momentum,adam', '--steps', '40', '--width', '520', '--height', '340'];
    cli([...args, '--out', join(dir, 'f.svg')]);
    const file = readFileSync(join(dir, 'f.svg'), 'utf8');
    expect(file).toBe(readFileSync(join(import.meta.dirname, '../export/__snapshots__/bowl-small.svg'), 'utf8'));
    expect(cli([...args, '--out', '-'])).toBe(file);
  });

  it('writes a PNG at the chosen scale through resvg, with real content', () => {
    cli(['--surface', 'himmelblau', '--width', '640', '--height', '400', '--scale', '2', '--out', join(dir, 'f.png')]);
    const px = decodePng(readFileSync(join(dir, 'f.png')));
    expect([px.width, px.height]).toEqual([1280, 800]);
    const stats = pixelStats(px);
    // The contour fills alone cover the 302 × 290 px plot, 350k pixels at 2×.
    expect(stats.nonWhite).toBeGreaterThan(300_000);
    expect(stats.distinct).toBeGreaterThan(100);
  });

  it('exits with status 2 and a one-line reason on bad arguments', () => {
    let status = 0;
    let stderr = '';
    try {
      cli(['--surface', 'nope', '--out', join(dir, 'x.svg')]);
    } catch (err) {
      const e = err as { status: number; stderr: string };
      status = e.status;
      stderr = e.stderr;
    }
    expect(status).toBe(2);
    expect(stderr).toMatch(/^render: --surface: unknown surface "nope"\./);
  });
});

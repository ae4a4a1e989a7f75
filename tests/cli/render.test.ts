import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRaceArgs } from '../../src/cli/race.ts';
import { parseRenderArgs, RENDER_HELP, renderSvg, type RenderOptions } from '../../src/cli/render.ts';
import { figureSvg } from '../../src/export/figure.ts';
import { mapFigureSvg } from '../../src/export/map-figure.ts';
import { viewMap } from '../../src/view/view-map.ts';
import { figureSpecForView } from '../../src/export/view-figure.ts';
import { decodeView } from '../../src/view/link.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';
import { decodePng, pixelStats } from '../export/png-pixels.ts';
import { elements } from '../export/svg-inspect.ts';
import { cliStdout } from './run-cli.ts';

const parse = (argv: string[]): RenderOptions => {
  const r = parseRenderArgs(argv);
  if (!r.ok) throw new Error(r.error);
  return r.value;
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

  it('takes --domain for a registry surface too (issue 8)', () => {
    const o = parse(['--surface', 'bowl', '--domain', '0,1,0,1', '--out', 'x.svg']);
    expect([o.view.surface, o.view.domain]).toEqual(['bowl', { x: [0, 1], y: [0, 1] }]);
    expect(renderSvg(o)).toContain('for x from 0 to 1 and y from 0 to 1');
  });

  it('turns every problem into one clear message, worded as `--flag: …` (issue 8: no reworded link notices)', () => {
    const cases: [string[], RegExp][] = [
      [['--surface', 'bowl'], /--out .* is required/],
      [['--out', 'x.pdf'], /^--out: expected a name ending in \.svg or \.png, or -, got "x\.pdf"$/],
      [['--surface', 'nope', '--out', 'x.svg'], /^--surface: unknown surface "nope" \(choose from bowl, /],
      [['--steps', '5000000', '--out', 'x.svg'], /^--steps: expected a whole number from 0 to 1000000, got "5000000"$/],
      [['--optimizers', 'sgd,foo', '--out', 'x.svg'], /^--optimizers: unknown optimizer "foo" \(choose from sgd, /],
      [['--expr', 'x^2 + y^2', '--out', 'x.svg'], /^--expr needs --start X,Y$/],
      [['--width', '100', '--out', 'x.svg'], /^--width: expected whole pixels from 480 to 4000, got "100"$/],
      [['--height', '5000', '--out', 'x.svg'], /^--height: expected whole pixels from 300 to 4000, got "5000"$/],
      [['--surface', 'bowl', '--expr', 'x', '--out', 'x.svg'], /^give either --surface or --expr, not both$/],
      [['--expr', 'x^', '--out', 'x.svg'], /^--expr: Syntax error/],
      [['--set', 'adam.lr=99', '--out', 'x.svg'], /^--set adam\.lr: expected a number from 0\.00001 to 10, got "99"$/],
      [['--set', 'adam', '--out', 'x.svg'], /--set: expected OPT\.PARAM=VALUE/],
      [['--width', '12.5', '--out', 'x.svg'], /--width: expected whole pixels/],
      [['--seconds', '0', '--animated', '--out', 'x.svg'], /--seconds: expected a duration/],
      [['--scale', '3', '--out', 'x.png'], /--scale: expected 1, 2 or 4/],
      [['--bogus', '1', '--out', 'x.svg'], /^unknown option --bogus$/],
      [['--schedule', 'step:gamma=banana', '--out', 'x.svg'], /^--schedule: schedule step/],
      [['--k', '81', '--steps', '80', '--out', 'x.svg'], /^--k: expected a whole number from 0 to the step budget, got "81"$/],
      [['--out'], /--out needs a value/],
    ];
    for (const [argv, message] of cases) {
      const r = parseRenderArgs(argv);
      expect(r.ok, argv.join(' ')).toBe(false);
      if (r.ok) continue;
      expect(r.error).toMatch(message);
      expect(r.error).not.toMatch(/default view|link|Ignored/);
    }
  });

  it('reads --layout as the link reads layout=, and only render takes it (issue 8)', () => {
    const o = parse(['--surface', 'beale', '--optimizers', 'sgd,nag,adam', '--steps', '60', '--layout', 'grid', '--out', 'g.svg']);
    expect(o.view).toEqual(decodeView('s=beale&opt=sgd,nag,adam&steps=60&layout=grid', VOCABULARY).view);
    expect(o.view.layout).toBe('grid');
    expect(parse(['--layout', 'overlay', '--out', 'o.svg']).view.layout).toBe('overlay');
    const bad = parseRenderArgs(['--layout', '3d', '--out', 'x.svg']);
    expect(bad).toEqual({ ok: false, error: '--layout: expected overlay or grid, got "3d"' });
    expect(RENDER_HELP).toMatch(/--layout overlay\|grid +overlay: every run on one plot \(default\); grid: small multiples, one panel per run/);
    expect(parseRaceArgs(['--layout', 'grid'])).toEqual({ ok: false, error: 'unknown option --layout' });
  });

  it('reads --inspect as the link reads insp=, draws the inspected entrant\'s arrows, and refuses an index past the entrants', () => {
    const o = parse(['--surface', 'bowl', '--optimizers', 'sgd,momentum', '--k', '3', '--inspect', '1', '--out', 'i.svg']);
    expect(o.view).toEqual(decodeView('s=bowl&opt=sgd,momentum&k=3&insp=1', VOCABULARY).view);
    expect(renderSvg(o)).toContain('data-arrow="carry"');
    expect(parseRenderArgs(['--optimizers', 'sgd,momentum', '--inspect', '2', '--out', 'x.svg'])).toEqual({
      ok: false,
      error: '--inspect: expected an entrant\'s index, a whole number from 0 to 1, got "2"',
    });
    expect(parseRaceArgs(['--inspect', '0'])).toEqual({ ok: false, error: 'unknown option --inspect' });
  });

  it('reads --lens as the link reads lens=, and draws the lens exactly as the app\'s export of that view', () => {
    const o = parse(['--surface', 'bowl', '--lens', 'start', '--out', 'l.svg']);
    const { view } = decodeView('s=bowl&lens=start', VOCABULARY);
    expect(o.view).toEqual(view);
    const svg = renderSvg(o);
    expect(svg).toBe(figureSvg(figureSpecForView(view)));
    expect(elements(svg).filter((e) => e.name === 'line' && e.ancestors.some((a) => a.attrs.class === 'lens')).map((e) => e.attrs['data-arm'])).toEqual(['up', 'up']);
    expect(svg).toContain('Curvature lens at the start (−7, 2): κ = 10, SGD stable for lr &lt; 1');
    expect(parseRenderArgs(['--lens', 'hover', '--out', 'x.svg']).ok).toBe(false);
    expect(parseRaceArgs(['--lens', 'start'])).toEqual({ ok: false, error: 'unknown option --lens' });
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

  it('draws small multiples with --layout grid: one clipped, titled panel per run, the same as the app exports', () => {
    const args = ['--surface', 'himmelblau', '--steps', '80', '--optimizers', 'sgd,nag,adam', '--set', 'adam.lr=0.05', '--k', '40'];
    const grid = cli([...args, '--layout', 'grid', '--out', '-']);
    const { view } = decodeView('s=himmelblau&steps=80&opt=sgd,nag,adam&adam.lr=0.05&k=40&layout=grid', VOCABULARY);
    expect(grid).toBe(figureSvg(figureSpecForView(view, { width: 720, height: 480 })));
    const panels = elements(grid).filter((e) => e.name === 'rect' && e.ancestors.at(-1)?.name === 'clipPath' && /^opf-plot\d$/.test(e.ancestors.at(-1)!.attrs.id));
    expect(panels).toHaveLength(3);
    for (const p of panels) expect([p.attrs.width, p.attrs.height]).toEqual([panels[0].attrs.width, panels[0].attrs.height]);
    const texts = elements(grid).map((e) => e.text);
    for (const name of ['SGD', 'Nesterov', 'Adam']) expect(texts.filter((t) => t === name)).toHaveLength(2); // panel title + legend row
    // The default is the one overlaid plot, as in the app.
    const overlay = cli([...args, '--out', '-']);
    expect(overlay).toBe(cli([...args, '--layout', 'overlay', '--out', '-']));
    expect(elements(overlay).filter((e) => e.name === 'clipPath' && /^opf-plot\d$/.test(e.attrs.id))).toHaveLength(1);
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
    expect(stderr).toMatch(/^error: render: --surface: unknown surface "nope" \(choose from bowl, /);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('npm run cli -- render --lab map (real process)', () => {
  it('draws the start-point map, one panel per entrant, as the app exports it', () => {
    const svg = cliStdout(['render', '--surface', 'himmelblau', '--optimizers', 'sgd,nag,adam', '--steps', '100', '--lab', 'map:res=16', '--out', '-']);
    const { view } = decodeView('s=himmelblau&opt=sgd,nag,adam&steps=100&lab=map:res=16', VOCABULARY);
    expect(svg).toBe(mapFigureSvg(view, viewMap(view, 16), { width: 720, height: 480 }));
    const panels = elements(svg).filter((e) => e.name === 'g' && e.attrs['data-panel'] !== undefined);
    expect(panels).toHaveLength(3);
    expect(elements(svg).map((e) => e.text)).toContain('Iterations until f − f* stays within the target');
  });

  it('refuses --animated for a map', () => {
    const r = parseRenderArgs(['--surface', 'bowl', '--lab', 'map', '--animated', '--out', 'a.svg']);
    expect(r).toEqual({ ok: false, error: '--animated: a lab view (--lab) is a still figure; leave out --animated' });
  });
});

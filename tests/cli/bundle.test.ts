/**
 * The bundled CLI (dist-cli/cli.mjs) starts fast because `race` evaluates only what it uses. These guard
 * the two costly mistakes: loading the native PNG rasteriser (@resvg/resvg-js) before `render --out x.png`
 * asks for it, and bundling mathjs's ready-made instance (`import { … } from 'mathjs'` of anything but
 * create() and factories), which builds every mathjs function at start-up (about 0.3 s).
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundle, runCli } from './run-cli.ts';

/** A preload that reports each native addon the process loads, on stderr. */
const REPORT_ADDONS = `--import=data:text/javascript,${encodeURIComponent(
  'const load = process.dlopen; process.dlopen = function (...a) { process.stderr.write(`native addon: ${a[1]}\\n`); return load.apply(this, a); };',
)}`;

describe('bundled CLI start-up', () => {
  it('races without loading a native addon; only a PNG render loads resvg', () => {
    const race = runCli(['race', '--surface', 'bowl', '--json'], [REPORT_ADDONS]);
    expect(race.status).toBe(0);
    expect(JSON.parse(race.stdout).runs).toHaveLength(7);
    expect(race.stderr).not.toContain('native addon');
    const png = join(mkdtempSync(join(tmpdir(), 'opf-bundle-')), 'x.png');
    const render = runCli(['render', '--surface', 'bowl', '--width', '480', '--height', '360', '--out', png], [REPORT_ADDONS]);
    expect(render.status).toBe(0);
    expect(render.stderr).toMatch(/native addon: .*resvg/);
  });

  it('holds no ready-made mathjs instance (its physical constants, e.g. sackurTetrode, are absent)', () => {
    const code = readFileSync(bundle(), 'utf8');
    expect(code).toContain('createDerivative');
    expect(code).not.toContain('sackurTetrode');
  });

  it('is an executable script with a node shebang (the package bin)', () => {
    expect(readFileSync(bundle(), 'utf8').split('\n', 1)[0]).toBe('#!/usr/bin/env node');
    expect(statSync(bundle()).mode & 0o111).toBe(0o111);
  });
});

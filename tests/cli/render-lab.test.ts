/**
 * `cli render --lab sweep` and `cli sweep --out`: the sweep figure from the command line, the same SVG the
 * app exports for that link (labFigureSvg), naming every entrant and SGD's stability limit on the bowl
 * (x²/10 + y², λmax = 2: lr < 2/λmax = 1).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labFigureSvg } from '../../src/export/lab-figure.ts';
import { decodeView } from '../../src/view/link.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';
import { runCli } from './run-cli.ts';

describe('render --lab sweep', () => {
  it('draws the sweep figure of the link, with every entrant and the SGD limit', () => {
    const r = runCli(['render', '--surface', 'bowl', '--optimizers', 'sgd,momentum,adam', '--lab', 'sweep:points=21', '--out', '-']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(labFigureSvg(decodeView('s=bowl&opt=sgd,momentum,adam&lab=sweep:points=21', VOCABULARY).view, { width: 720, height: 480 }));
    for (const name of ['>SGD, lr now 0.9</text>', '>Momentum (β=0.9 d=0), lr now 0.1</text>', 'Adam (β1=0.9 β2=0.999 ε=1e-8), lr now 0.3']) expect(r.stdout).toContain(name);
    expect(r.stdout).toContain('>lr &lt; 2/λmax = 1</text>');
    expect(r.stdout).toContain('>lr &lt; 2(1+β)/((1−d)·λmax) = 1.9</text>');
  });

  it('refuses --animated for a lab view', () => {
    const r = runCli(['render', '--surface', 'bowl', '--lab', 'sweep', '--animated', '--out', '-']);
    expect([r.status, r.stderr.trim()]).toEqual([2, 'error: render: --animated: a lab view (--lab) is a still figure; leave out --animated']);
  });

  it('cli sweep --out writes the same figure', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sweep-')), 'bowl.svg');
    const r = runCli(['sweep', '--surface', 'bowl', '--optimizers', 'sgd', '--points', '11', '--out', file]);
    expect([r.status, r.stdout]).toEqual([0, '']);
    expect(readFileSync(file, 'utf8')).toBe(labFigureSvg(decodeView('s=bowl&opt=sgd&lab=sweep:points=11', VOCABULARY).view, { width: 720, height: 480 }));
    expect(runCli(['sweep', '--surface', 'bowl', '--json', '--out', file]).stderr.trim()).toBe('error: sweep: --json and --out: choose one (JSON on standard output, or the figure in a file)');
  });
});

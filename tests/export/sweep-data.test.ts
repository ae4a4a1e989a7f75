/**
 * A sweep as data (src/export/data.ts): JSON is `cli sweep --json`'s shape, {"surface", "runs"}; CSV has one
 * row per (entrant, grid value) with empty cells for null, and quotes a label with a comma.
 */
import { describe, expect, it } from 'vitest';
import { sweepDataCsv, sweepDataJson } from '../../src/export/data.ts';
import { runSweepJob } from '../../src/lab/sweep-runs.ts';
import { decodeView } from '../../src/view/link.ts';
import { sweepJobForView } from '../../src/view/sweep.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';

const view = decodeView('s=bowl&opt=sgd,adadelta', VOCABULARY).view;
const runs = runSweepJob(sweepJobForView(view, { from: 0.5, to: 2, points: 3, param: null }));

describe('sweep data', () => {
  it('writes JSON as cli sweep --json does', () => {
    const out = JSON.parse(sweepDataJson(view, runs));
    expect(out.surface).toEqual({ id: 'bowl', expr: 'x^2/10 + y^2', start: [-7, 2], fStar: 0, target: 0.001 });
    expect(out.runs.map((r: { entrant: string; param: string }) => [r.entrant, r.param])).toEqual([['sgd', 'lr'], ['adadelta', 'eps']]);
    expect(out.runs[0].results[1]).toEqual({ ...runs[0].results[1] });
  });

  it('writes one CSV row per entrant and grid value (AdaDelta clipped to ε ≤ 1)', () => {
    const lines = sweepDataCsv(runs).trimEnd().split('\n');
    expect(lines[0]).toBe('entrant,optimizer,param,value,hit,settled,diverged,finalGap');
    // sgd: 0.5, 1, 2; adadelta: 0.5, 1 (2 > its ε range).
    expect(lines).toHaveLength(1 + 3 + 2);
    const [, , sgdAt1, sgdAt2] = lines;
    const r1 = runs[0].results[1];
    expect(sgdAt1).toBe(`sgd,sgd,lr,1,${r1.hit ?? ''},${r1.settled ?? ''},${r1.diverged},${r1.finalGap ?? ''}`);
    // lr 2 > 2/λmax = 1 diverges on the bowl: no settle, no final gap.
    expect(sgdAt2).toBe('sgd,sgd,lr,2,,,true,');
    expect(lines[4].startsWith('adadelta,adadelta,eps,0.5,')).toBe(true);
  });
});

/**
 * mapRuns: every entrant from every cell centre of the grid, as runBatch over gridStarts; a map split into
 * parts and joined equals the whole (what the CLI's worker threads rely on).
 */
import { describe, expect, it } from 'vitest';
import { joinBatches, mapRuns, type MapSpec } from '../../src/lab/map.ts';
import { gridStarts } from '../../src/lab/start-grid.ts';
import { getOptimizer } from '../../src/optim/index.ts';
import { runBatch } from '../../src/run/batch.ts';
import type { Entrant } from '../../src/run/race.ts';
import { run } from '../../src/run/run.ts';
import { getSurface } from '../../surfaces/index.ts';
import { surfaceObjective } from '../../surfaces/objective.ts';

const s = getSurface('rosenbrock')!;
const objective = surfaceObjective(s);
const entrants: Entrant[] = [
  { optimizer: getOptimizer('adam'), hyper: { lr: 0.05, beta1: 0.9, beta2: 0.999, eps: 1e-8 }, label: 'adam' },
  { optimizer: getOptimizer('sgd'), hyper: { lr: 0.003 }, label: 'sgd' },
];
const spec: MapSpec = { objective, entrants, domain: s.domain, nx: 5, ny: 3, steps: 300, target: 1e-3, fStar: 0, noise: { sigma: 0.5, seed: 7 } };

describe('mapRuns', () => {
  it('runs every entrant from every grid start, start (i, j) at index j·nx + i', () => {
    const maps = mapRuns(spec);
    expect(maps.map((b) => b.count)).toEqual([15, 15]);
    const [x0, x1] = s.domain.x;
    const [y0, y1] = s.domain.y;
    const i = 3;
    const j = 2;
    const start: [number, number] = [x0 + ((i + 0.5) * (x1 - x0)) / 5, y0 + ((j + 0.5) * (y1 - y0)) / 3];
    const one = run({ objective, optimizer: entrants[1].optimizer, hyper: entrants[1].hyper, start, steps: 300, target: 1e-3, noise: { sigma: 0.5, seed: 7 } });
    const at = j * 5 + i;
    expect(maps[1].settled[at]).toBe(one.settled ?? -1);
    expect([maps[1].end[2 * at], maps[1].end[2 * at + 1]]).toEqual([one.xs[one.xs.length - 1], one.ys[one.ys.length - 1]]);
    expect(maps[0]).toEqual(runBatch({ objective, optimizer: entrants[0].optimizer, hyper: entrants[0].hyper, starts: gridStarts(spec), steps: 300, target: 1e-3, fStar: 0, noise: { sigma: 0.5, seed: 7 } }));
  });

  it('joins parts into the whole, bit for bit', () => {
    const whole = mapRuns(spec);
    const parts = [mapRuns(spec, { from: 0, to: 6 }), mapRuns(spec, { from: 6, to: 15 })];
    expect(whole.map((_, k) => joinBatches(parts.map((p) => p[k])))).toEqual(whole);
  });

  it('refuses mini-batch entrants', () => {
    expect(() => mapRuns({ ...spec, entrants: [{ ...entrants[1], batch: 10 }] })).toThrow(/mini-batches cannot be mapped/);
  });
});

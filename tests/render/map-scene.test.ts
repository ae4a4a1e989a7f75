/**
 * The start-point map's scene (src/render/map-scene.ts) and colour keys (map-colours.ts), on real maps:
 * the bowl, where SGD settles from every start (a cell's count checked against run()), and Himmelblau,
 * whose runs end in its four listed minima.
 */
import { describe, expect, it } from 'vitest';
import { binOf, DIVERGED, iterationBins, NOT_REACHED } from '../../src/render/map-colours.ts';
import { cellAt, mapScene } from '../../src/render/map-scene.ts';
import { cellReadout } from '../../src/render/map-readout.ts';
import { getOptimizer } from '../../src/optim/index.ts';
import { shownRuns } from '../../src/render/shown-run.ts';
import { raceForView } from '../../src/view/race.ts';
import { run } from '../../src/run/run.ts';
import { decodeView } from '../../src/view/link.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';
import { viewMap } from '../../src/view/view-map.ts';
import { getSurface } from '../../surfaces/index.ts';
import { surfaceObjective } from '../../surfaces/objective.ts';

const viewOf = (hash: string) => decodeView(hash, VOCABULARY).view;

describe('iteration bins', () => {
  it('cover the counts with edges 0, 1, 2, 5, 10, 20, 50, …', () => {
    const bins = iterationBins(3, 140);
    expect(bins.map((b) => [b.from, b.to, b.label])).toEqual([
      [2, 5, '2–4'],
      [5, 10, '5–9'],
      [10, 20, '10–19'],
      [20, 50, '20–49'],
      [50, 100, '50–99'],
      [100, 200, '100–199'],
    ]);
    expect([binOf(bins, 3), binOf(bins, 4), binOf(bins, 5), binOf(bins, 49), binOf(bins, 100), binOf(bins, 140)]).toEqual([0, 0, 1, 3, 5, 5]);
    expect(iterationBins(0, 0).map((b) => b.label)).toEqual(['0']);
    expect(iterationBins(1, 1).map((b) => b.label)).toEqual(['1']);
    // Viridis from purple (fewest) to yellow (most), never the grey or red of the other two states.
    expect(bins[0].colour).toBe('#481f70'); // viridis at (0 + ½)/6
    expect(new Set(bins.map((b) => b.colour)).size).toBe(6);
    for (const b of bins) expect([NOT_REACHED, DIVERGED]).not.toContain(b.colour);
  });
});

describe('map scene', () => {
  it('colours every SGD start on the bowl by its settled count, the same as run() from that cell', () => {
    const view = viewOf('s=bowl&opt=sgd,adam&lab=map:res=8');
    const map = viewMap(view, 8);
    const scene = mapScene(view, map, 'iterations');
    expect(scene.panels.map((p) => p.title)).toEqual(['SGD', 'Adam']);
    expect(scene.panels[0].hyper).toBe('lr=0.9');
    // Cell (i, j) = (6, 1) starts at (−10 + 6.5·20/8, −5 + 1.5·10/8) = (6.25, −3.125), index 1·8 + 6 = 14.
    const one = run({ objective: surfaceObjective(getSurface('bowl')!), optimizer: getOptimizer('sgd'), hyper: { lr: 0.9 }, start: [6.25, -3.125], steps: 200, target: 1e-3 });
    // By hand: x_k = 6.25·0.82^k, y_k = −3.125·(−0.8)^k; f = x²/10 + y² is 0.00116 at k = 22 and
    // 0.000424 + 0.000340 = 0.000764 ≤ 0.001 at k = 23, and keeps shrinking.
    expect(one.settled).toBe(23);
    expect(map.runs[0].settled[14]).toBe(23);
    const sgd = scene.panels[0];
    const bins = iterationBins(Math.min(...map.runs.flatMap((b) => Array.from(b.settled))), Math.max(...map.runs.flatMap((b) => Array.from(b.settled))));
    // Every SGD start settles (no cell is "not reached" or "diverged") and cell 14 is in 23's bin, 20–49.
    expect(Math.max(...sgd.cells)).toBeLessThan(bins.length);
    expect(bins[sgd.cells[14]].label).toBe('20–49');
    expect(scene.palette[sgd.cells[14]]).toBe(bins[binOf(bins, 23)].colour);
    expect(scene.key.items.slice(-2)).toEqual([
      { colour: NOT_REACHED, label: 'not reached' },
      { colour: DIVERGED, label: 'diverged' },
    ]);
    expect(sgd.summary).toMatch(/^100% settle \(median [\d.]+ iterations\), 0% diverge$/);
    expect(scene.caption[0]).toBe('Start-point map: each pixel is one start, 8×8 over x from -10 to 10, y from -5 to 5; budget 200 updates; target f − f* ≤ 0.001 (f* = 0)');
    expect(cellAt(scene, 6.25, -3.125)).toEqual({ i: 6, j: 1 });
    expect(cellReadout(view, map, 0, 14)).toEqual({ start: [6.25, -3.125], startText: 'start (6.25, -3.125)', outcome: 'settles after 23 iterations', end: expect.stringMatching(/^ends at \(.*\), minimum 1$/) });
  });

  it("titles each panel with the race legend's display name, not the entrant's id", () => {
    const view = viewOf('s=bowl&opt=sgd,nag,adam:lr=0.05,adam:lr=0.05&steps=20&lab=map:res=2');
    const scene = mapScene(view, viewMap(view, 2), 'iterations');
    expect(scene.panels.map((p) => p.title)).toEqual(['SGD', 'Nesterov', 'Adam lr=0.05', 'Adam lr=0.05 #2']);
    expect(scene.panels.map((p) => p.title)).toEqual(shownRuns(raceForView(view)).map((r) => r.name));
  });

  it('marks a diverged run red and says at which update', () => {
    const view = viewOf('s=bowl&opt=sgd:lr=1.1&lab=map:res=8');
    const map = viewMap(view, 8);
    const scene = mapScene(view, map, 'iterations');
    // lr 1.1 > 2/λmax = 1: y grows by |1 − 2.2| = 1.2 a step, from |y| ≥ 0.625 past 10⁶ within 200 updates.
    expect(new Set(scene.panels[0].cells)).toEqual(new Set([scene.palette.indexOf(DIVERGED)]));
    expect(cellReadout(view, map, 0, 0).outcome).toMatch(/^diverged at update \d+$/);
    // Cell (1, 5) of the camel's 8 × 8 map over [−2, 2] × [−1.2, 1.2] starts at (−1.25, −1.2 + 5.5·2.4/8), which
    // binary rounding makes 0.44999999999999996: a click races from exactly that, the readout says 0.45.
    const camel = viewOf('s=camel&opt=sgd&steps=5&lab=map:res=8');
    const c = cellReadout(camel, viewMap(camel, 8), 0, 5 * 8 + 1);
    expect(c.start).toEqual([-1.25, 0.44999999999999996]);
    expect(c.startText).toBe('start (-1.25, 0.45)');
  });

  it('colours Himmelblau by basin: four colours, its four listed minima marked', () => {
    const view = viewOf('s=himmelblau&opt=sgd,adam&lab=map:res=16:colour=basins');
    const scene = mapScene(view, viewMap(view, 16), 'basins');
    expect(scene.minima.map((m) => [m.x, m.y, m.label, m.listed])).toEqual(getSurface('himmelblau')!.minima.map(([x, y], i) => [x, y, String(i + 1), true]));
    for (const panel of scene.panels) expect(new Set(panel.cells)).toEqual(new Set([0, 1, 2, 3]));
    expect(scene.key.items.map((i) => i.label)).toEqual(['1: (3, 2) global', '2: (−2.81, 3.13) global', '3: (−3.78, −3.28) global', '4: (3.58, −1.85) global', 'at no minimum', 'diverged']);
    expect(new Set(scene.palette.slice(0, 4)).size).toBe(4);
  });
});

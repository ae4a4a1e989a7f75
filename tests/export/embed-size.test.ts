/**
 * The embed snippet's default height (embed-size.ts). The expected heights are the embed page's content
 * heights measured in Chromium (Debian's, DejaVu Sans) for the same links and iframe widths, so they pin
 * the model to the page; e2e/embed.spec.ts checks the same fit in the browser (lab views too).
 */
import { describe, expect, it } from 'vitest';
import { EMBED_WIDTH, embedFigureSize, embedHeight, summaryLines } from '../../src/export/embed-size.ts';
import { labFigureSvg } from '../../src/export/lab-figure.ts';
import { MAP_FIGURE_SIZE } from '../../src/export/map-figure.ts';
import { DEFAULT_SIZE } from '../../src/export/view-figure.ts';
import { getOptimizer } from '../../src/optim/index.ts';
import { raceSummary } from '../../src/render/race-status.ts';
import { wrapText } from '../../src/render/text-width.ts';
import { decodeView } from '../../src/view/link.ts';
import { raceForView } from '../../src/view/race.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';

const viewOf = (hash: string) => decodeView(hash, VOCABULARY).view;
const HIMMELBLAU = viewOf('s=himmelblau&steps=80&opt=sgd,nag,adam&adam.lr=0.05&k=40');
const runs = raceForView(HIMMELBLAU);

describe('embedHeight', () => {
  it('is the figure (its 720 × 480 viewBox at the content width) and the credit line, without playback', () => {
    // 700 px: 8 + 684 × 480 / 720 + 9.6 + 16.8 + 8 = 498.4 px.
    expect(EMBED_WIDTH).toBe(700);
    expect(embedHeight(HIMMELBLAU, 'none', 700, runs)).toBe(499);
    expect(embedHeight(HIMMELBLAU, 'none', 1000, runs)).toBe(699);
    expect(embedHeight(HIMMELBLAU, 'none', 360, runs)).toBe(272);
    // The race plays no part: the figure has the same viewBox whatever it shows.
    expect(embedHeight(HIMMELBLAU, 'none', 700, [])).toBe(499);
  });

  it('adds the playback bar and the one-line summary with controls=playback, as measured in Chromium', () => {
    // 700 px: 499 + the bar on two rows (33.36 + 8 + 20.16) + one summary line (21.28) + two gaps (19.2).
    expect(embedHeight(HIMMELBLAU, 'playback', 700, runs)).toBe(601);
    // 500 px: the bar on two rows, the summary on two lines; 360 px: the speed select on a row of its own too.
    expect(embedHeight(HIMMELBLAU, 'playback', 500, runs)).toBe(489);
    expect(embedHeight(HIMMELBLAU, 'playback', 360, runs)).toBe(451);
    // 1000 px: the bar on one row.
    expect(embedHeight(HIMMELBLAU, 'playback', 1000, runs)).toBe(773);
  });

  it('is the same for small multiples, whose figure has the same viewBox', () => {
    const grid = viewOf('s=himmelblau&steps=80&opt=sgd,nag,adam&adam.lr=0.05&k=40&layout=grid');
    for (const controls of ['none', 'playback'] as const) expect(embedHeight(grid, controls, 700, runs)).toBe(embedHeight(HIMMELBLAU, controls, 700, runs));
  });

  it('makes room for a summary on two lines (no target: 622 px in Chromium at 700)', () => {
    const view = viewOf('s=rosenbrock&target=none&layout=grid');
    const race = raceForView(view);
    expect(summaryLines(view, race, 684)).toBe(2);
    expect(embedHeight(view, 'playback', 700, race)).toBe(622);
    expect(embedHeight(view, 'playback', 700, race) - embedHeight(HIMMELBLAU, 'playback', 700, runs)).toBe(21);
  });
});

describe('summaryLines', () => {
  it('takes the most lines at the last iteration: scrubbing back never makes the sentence wrap more', () => {
    const views = [HIMMELBLAU, viewOf('s=beale'), viewOf('s=bowl&steps=1000&noise=0.5'), viewOf('s=rastrigin&opt=sgd,adagrad'), viewOf('f=x%5E2%2By%5E2&start=3,4&target=1e-6&steps=300')];
    for (const view of views) {
      const race = raceForView(view);
      const named = race.map((t) => ({ ...t, name: getOptimizer(t.optimizer).name }));
      for (const width of [344, 484, 684, 984]) {
        const most = summaryLines(view, race, width);
        for (let k = 0; k <= view.steps; k++) {
          const lines = wrapText(raceSummary(named, k, view.target), width, { size: 15.2 }).length;
          if (lines > most) expect.fail(`${view.surface ?? view.expr} at ${width} px: ${lines} lines at k = ${k}, more than ${most} at the end`);
        }
      }
      expect(summaryLines(view, race, 344), view.surface ?? view.expr).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('embedHeight for the lab views', () => {
  const viewBox = (svg: string) => /viewBox="0 0 (\d+) (\d+)"/.exec(svg)!.slice(1).map(Number);

  it('fits the sweep figure, drawn at the race figure size: 499 px at 700', () => {
    const sweep = viewOf('s=bowl&opt=sgd,momentum&lab=sweep:points=5');
    expect(embedFigureSize(sweep)).toEqual(DEFAULT_SIZE);
    expect(viewBox(labFigureSvg(sweep, embedFigureSize(sweep))!)).toEqual([720, 480]);
    expect(embedHeight(sweep, 'none', 700, [])).toBe(499);
    expect(embedHeight(sweep, 'none', 360, [])).toBe(272);
  });

  it('fits the map figure (small multiples and key in a 960 × 720 viewBox): 556 px at 700', () => {
    const map = viewOf('s=himmelblau&opt=sgd,nag,adam&steps=40&lab=map:res=8:colour=basins');
    expect(embedFigureSize(map)).toEqual(MAP_FIGURE_SIZE);
    expect(viewBox(labFigureSvg(map, embedFigureSize(map))!)).toEqual([960, 720]);
    // 700 px: 8 + 684 × 720 / 960 (513) + 9.6 + 16.8 + 8 = 555.4 px; 360 px: 8 + 258 + 34.4 = 300.4 px.
    expect(embedHeight(map, 'none', 700, [])).toBe(556);
    expect(embedHeight(map, 'none', 360, [])).toBe(301);
    expect(embedHeight(map, 'none', 1000, [])).toBe(781);
  });
});

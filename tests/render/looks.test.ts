/**
 * Looks of entrants (issue 9): a colour per optimizer, a dash and a marker per entrant, so a dozen entrants
 * stay apart without colour; and the names every figure gives them.
 */
import { describe, expect, it } from 'vitest';
import { OPTIMIZERS } from '../../src/optim/index.ts';
import { COLOURS, DASHES, LOOKS, SHAPES, entrantLook } from '../../src/render/palette.ts';
import { runGlyph } from '../../src/render/markers.ts';
import { shownRuns } from '../../src/render/shown-run.ts';
import { decodeView } from '../../src/view/link.ts';
import { raceForView } from '../../src/view/race.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';

describe('entrant looks', () => {
  it('has a colour for every registry optimizer, and every shape draws', () => {
    for (const o of OPTIMIZERS) expect(COLOURS[o.id], o.id).toMatch(/^#[0-9A-F]{6}$/i);
    for (const shape of SHAPES) expect(runGlyph(shape, '#000')[0].outline.length).toBeGreaterThan(0);
    expect(new Set(SHAPES).size).toBe(SHAPES.length);
    expect(new Set(DASHES).size).toBe(DASHES.length);
  });

  it('tells the first 12 entrants of a race apart by marker alone, and the first 84 by dash and marker', () => {
    const looks = Array.from({ length: 84 }, (_, i) => entrantLook('adam', i));
    expect(new Set(looks.slice(0, 12).map((l) => l.marker)).size).toBe(12);
    expect(new Set(looks.map((l) => `${l.dash}|${l.marker}`)).size).toBe(84);
    // Two Adam entrants share Adam's colour.
    expect(new Set(looks.map((l) => l.color))).toEqual(new Set([COLOURS.adam]));
  });

  it('keeps the looks the classic seven always had in the default race', () => {
    const runs = shownRuns(raceForView(decodeView('#s=bowl&steps=5', VOCABULARY).view));
    expect(runs.map((r) => [r.id, r.look.color, r.look.dash, r.look.marker])).toEqual([
      ['sgd', '#000000', '', 'circle'],
      ['momentum', '#E69F00', '6 3', 'square'],
      ['nag', '#56B4E9', '2 2', 'triangle'],
      ['adagrad', '#009E73', '8 3 2 3', 'diamond'],
      ['adadelta', '#CC79A7', '4 4', 'cross'],
      ['rmsprop', '#D55E00', '10 2', 'star'],
      ['adam', '#0072B2', '1 3', 'plus'],
    ]);
    expect(runs.map((r) => r.look)).toEqual(OPTIMIZERS.filter((o) => o.group === 'classic').map((o) => LOOKS[o.id]));
  });
});

describe('shownRuns names entrants', () => {
  it('by optimizer, own settings and copy number; the detail holds every hyperparameter and an own schedule', () => {
    const { view } = decodeView('#s=bowl&steps=5&opt=sgd:sched=%5Bexp:gamma=0.99%5D,adam,adam,adam:lr=0.1:beta1=0.8', VOCABULARY);
    const runs = shownRuns(raceForView(view));
    expect(runs.map((r) => r.id)).toEqual(['sgd:sched=[exp:gamma=0.99]', 'adam', 'adam#2', 'adam:lr=0.1:beta1=0.8']);
    expect(runs.map((r) => r.name)).toEqual(['SGD, exp schedule', 'Adam', 'Adam #2', 'Adam lr=0.1 β1=0.8']);
    expect(runs[0].detail).toBe('lr=0.9 (exp:gamma=0.99)');
    expect(runs[3].detail).toBe('lr=0.1 β1=0.8 β2=0.999 ε=1e-8');
    expect(runs.map((r) => r.look.marker)).toEqual(['circle', 'square', 'triangle', 'diamond']);
  });
});

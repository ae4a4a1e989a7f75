/**
 * The surfaces scene (src/render/scene.ts): worked values of each part, the race equal to raceForView, the
 * export's figure built from the same parts, and the inputs that let the app memoise each part.
 */
import { describe, expect, it } from 'vitest';
import { figureSpecForView } from '../../src/export/view-figure.ts';
import { sceneBands, sceneField, sceneRace, sceneSource, surfaceScene, type SceneSource } from '../../src/render/scene.ts';
import { FIELD_KEYS, RACE_KEYS, SOURCE_KEYS, keepEqual, pickInputs } from '../../src/render/scene-inputs.ts';
import { decodeView } from '../../src/view/link.ts';
import { raceForView } from '../../src/view/race.ts';
import type { ViewState } from '../../src/view/state.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';

const viewOf = (hash: string): ViewState => {
  const d = decodeView(hash, VOCABULARY);
  expect(d.notices).toEqual([]);
  return d.view;
};
const sourceOf = (view: ViewState): SceneSource => {
  const s = sceneSource(view);
  if (!s.ok) throw new Error(s.error.message);
  return s.value;
};

describe('sceneField', () => {
  it('samples the bowl x²/10 + y² on 128 × 128 over x ∈ [−10, 10], y ∈ [−5, 5] with 18 log levels', () => {
    const bowl = viewOf('#s=bowl');
    const field = sceneField(sourceOf(bowl), bowl, { nx: 128, ny: 128 });
    // 127 intervals: the samples nearest 0 are x = ±10/127 and y = ±5/127, so the lowest value is
    // (10/127)²/10 + (5/127)² = 10/16129 + 25/16129 = 35/16129; the corners give 100/10 + 25 = 35.
    expect(field.grid.min).toBeCloseTo(35 / 16129, 15);
    expect(field.grid.max).toBe(35);
    expect(field.levelMode).toBe('log');
    expect(field.levels).toHaveLength(18);
    // Log levels: min + span·10^(−4 + 4i/18); the first sits 10⁻⁴ of the span above the minimum.
    expect(field.levels[0]).toBeCloseTo(35 / 16129 + (35 - 35 / 16129) * 1e-4, 12);
    expect(field.minima).toEqual([[0, 0]]);
    expect(field.minimumLabel).toBe('minimum');
  });

  it("marks Himmelblau's four known minima", () => {
    const view = viewOf('#s=himmelblau');
    const field = sceneField(sourceOf(view), view, { nx: 64, ny: 64 });
    expect(field.minima).toEqual([
      [3, 2],
      [-2.805118086952745, 3.131312518250573],
      [-3.779310253377747, -3.28318599128617],
      [3.584428340330492, -1.848126526964404],
    ]);
    expect(field.minimumLabel).toBe('minimum');
  });

  it("marks a typed f's lowest sample: (x − 1)² + (y + 2)² on 11 × 11 over [−5, 5]² is 0 at (1, −2)", () => {
    const view = viewOf('#f=(x-1)%5E2%2B(y%2B2)%5E2');
    const field = sceneField(sourceOf(view), view, { nx: 11, ny: 11 });
    expect(field.minima).toEqual([[1, -2]]);
    expect(field.minimumLabel).toBe('lowest sample');
    expect(field.grid.min).toBe(0);
    // The far corner (−5, 5): 6² + 7² = 85.
    expect(field.grid.max).toBe(85);
    // The samples are not skewed towards the floor (median well above 15 % of the range): linear levels.
    expect(field.levelMode).toBe('linear');
    expect(field.levels[0]).toBeCloseTo(85 / 19, 12);
  });

  it('marks nothing on a typed f with no finite sample', () => {
    const view = viewOf('#f=log(-1-x%5E2)');
    const field = sceneField(sourceOf(view), view, { nx: 5, ny: 5 });
    expect(field.minima).toEqual([]);
    expect(field.levels).toEqual([]);
  });
});

describe('sceneBands', () => {
  it('traces one band per level, at that level', () => {
    const view = viewOf('#s=bowl');
    const field = sceneField(sourceOf(view), view, { nx: 32, ny: 32 });
    expect(sceneBands(field).map((b) => b.level)).toEqual(field.levels);
  });
});

describe('sceneRace', () => {
  it('is the race raceForView runs for the view', () => {
    const view = viewOf('#s=rosenbrock&steps=60&noise=0.5&seed=3&opt=sgd,nag,adam&adam.lr=0.05');
    const race = sceneRace(sourceOf(view), view);
    expect(race.map((t) => t.optimizer)).toEqual(['sgd', 'nag', 'adam']);
    expect(race).toEqual(raceForView(view));
  });
});

describe('surfaceScene', () => {
  it('composes the parts', () => {
    const view = viewOf('#s=himmelblau&steps=50');
    const scene = surfaceScene(view, { nx: 40, ny: 30 });
    if (!scene.ok) throw new Error(scene.error.message);
    expect(scene.value.source.def?.id).toBe('himmelblau');
    expect(scene.value.field.grid.nx).toBe(40);
    expect(scene.value.field.grid.ny).toBe(30);
    expect(scene.value.bands).toHaveLength(scene.value.field.levels.length);
    expect(scene.value.race).toEqual(raceForView(view));
  });

  it('refuses an expression that does not compile, with the compiler\'s message, instead of drawing another surface', () => {
    const view = { ...viewOf('#s=bowl'), surface: null, expr: 'x +* y' };
    const scene = surfaceScene(view, { nx: 8, ny: 8 });
    expect(scene.ok).toBe(false);
    if (!scene.ok) expect(scene.error.message).toMatch(/position 4/);
  });
});

describe('figureSpecForView', () => {
  it('takes its grid, levels and minima from the scene, at the export resolution', () => {
    const view = viewOf('#f=sin(x)*y%5E2&start=1,1');
    const spec = figureSpecForView(view, { width: 720, height: 480 });
    const field = sceneField(sourceOf(view), view, { nx: spec.grid.nx, ny: spec.grid.ny });
    // About one sample per 4 px of the plot, not the app's 128 × 128, and not the 40 × 30 floor either.
    expect(spec.grid.nx).not.toBe(128);
    expect(spec.grid.nx).toBeGreaterThan(40);
    expect(spec.grid.values).toEqual(field.grid.values);
    expect(spec.levels).toEqual(field.levels);
    expect(spec.levelMode).toBe(field.levelMode);
    expect(spec.minima).toEqual(field.minima);
    expect(spec.minimumLabel).toBe('lowest sample');
  });
});

describe('scene inputs', () => {
  it('are disjoint, and leave layout and the playback position to no part', () => {
    const all = [...SOURCE_KEYS, ...FIELD_KEYS, ...RACE_KEYS];
    expect(new Set(all).size).toBe(all.length);
    expect(all).not.toContain('layout');
    expect(all).not.toContain('k');
  });

  it('a race-only change (the start moved) keeps the source and field inputs identical, so the grid is not re-sampled', () => {
    const view = viewOf('#s=bowl');
    const source = pickInputs(view, SOURCE_KEYS);
    const field = pickInputs(view, FIELD_KEYS);
    const race = pickInputs(view, RACE_KEYS);
    const moved: ViewState = { ...view, start: [3, 1] };
    expect(pickInputs(moved, SOURCE_KEYS, source)).toBe(source);
    expect(pickInputs(moved, FIELD_KEYS, field)).toBe(field);
    const raced = pickInputs(moved, RACE_KEYS, race);
    expect(raced).not.toBe(race);
    expect(raced.start).toEqual([3, 1]);
  });

  it('a new domain keeps the source and race inputs, and layout or k keep all three', () => {
    const view = viewOf('#s=bowl');
    const [source, field, race] = [pickInputs(view, SOURCE_KEYS), pickInputs(view, FIELD_KEYS), pickInputs(view, RACE_KEYS)];
    const zoomed: ViewState = { ...view, domain: { x: [-1, 1], y: [-1, 1] } };
    expect(pickInputs(zoomed, SOURCE_KEYS, source)).toBe(source);
    expect(pickInputs(zoomed, RACE_KEYS, race)).toBe(race);
    expect(pickInputs(zoomed, FIELD_KEYS, field)).not.toBe(field);
    const other: ViewState = { ...view, layout: 'grid', k: 12 };
    expect(pickInputs(other, SOURCE_KEYS, source)).toBe(source);
    expect(pickInputs(other, FIELD_KEYS, field)).toBe(field);
    expect(pickInputs(other, RACE_KEYS, race)).toBe(race);
  });
});

describe('keepEqual', () => {
  it('keeps the previous value of every field equal in content, so a view read again from a link keeps its inputs', () => {
    const view = viewOf('#s=bowl&opt=sgd,adam');
    const moved = viewOf('#s=bowl&opt=sgd,adam&start=3,1');
    expect(moved.domain).not.toBe(view.domain);
    const kept = keepEqual(view, moved);
    expect(kept).toEqual(moved);
    expect(kept.domain).toBe(view.domain);
    expect(kept.hyper).toBe(view.hyper);
    expect(kept.entrants).toBe(view.entrants);
    expect(kept.schedule).toBe(view.schedule);
    expect(kept.start).toBe(moved.start);
    expect(pickInputs(kept, FIELD_KEYS, pickInputs(view, FIELD_KEYS))).toEqual({ domain: view.domain });
  });

  it('tells nested values apart: one hyperparameter, one domain bound, a list of a different length', () => {
    const view = viewOf('#s=bowl');
    const other = viewOf('#s=bowl&adam.lr=0.05&opt=sgd');
    const kept = keepEqual(view, other);
    expect(kept.hyper).toBe(other.hyper);
    expect(kept.hyper.adam.lr).toBe(0.05);
    expect(kept.entrants).toEqual([{ optimizer: 'sgd', own: {}, schedule: null, batch: null }]);
    const zoomed = keepEqual(view, { ...view, domain: { x: [-10, 10], y: [-5, 4] } });
    expect(zoomed.domain.y).toEqual([-5, 4]);
  });
});

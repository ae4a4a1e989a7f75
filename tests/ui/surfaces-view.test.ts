/**
 * The surfaces view model's history policy against a fake history (an entry list and a cursor, as the
 * browser keeps it): one entry per committed change, none per preview, the previews' entry restored so
 * Back lands on the view before a gesture, the playback position written only at rest, Back and Forward
 * followed. And its scene parts: the scene's functions on its view.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sceneField, sceneSource } from '../../src/render/scene.ts';
import { SCREEN_RESOLUTION, SurfacesView } from '../../src/ui/surfaces/surfaces-view.svelte.ts';
import type { LinkPort } from '../../src/ui/surfaces/link-port.ts';
import { withHyper, withOptimizer } from '../../src/ui/surfaces/view-edits.ts';
import { raceForView } from '../../src/view/race.ts';

class FakeHistory implements LinkPort {
  entries: string[];
  at = 0;
  pushes = 0;
  replaces = 0;
  constructor(hash: string) {
    this.entries = [hash];
  }
  read(): string {
    return this.entries[this.at];
  }
  push(hash: string): void {
    this.entries = [...this.entries.slice(0, this.at + 1), hash];
    this.at += 1;
    this.pushes += 1;
  }
  replace(hash: string): void {
    this.entries[this.at] = hash;
    this.replaces += 1;
  }
  back(): void {
    this.at -= 1;
  }
  forward(): void {
    this.at += 1;
  }
}

const param = (hash: string, key: string): string | null => new URLSearchParams(hash).get(key);

function open(hash = 's=bowl'): { history: FakeHistory; model: SurfacesView } {
  const history = new FakeHistory(hash);
  return { history, model: new SurfacesView(history) };
}

describe('SurfacesView: opening a link', () => {
  it('reads the view and writes the link back in canonical form on the same entry', () => {
    const { history, model } = open('s=himmelblau&steps=50');
    expect(model.view.surface).toBe('himmelblau');
    expect(model.view.steps).toBe(50);
    expect(model.k).toBe(50);
    expect(history.entries).toHaveLength(1);
    expect(history.pushes).toBe(0);
    expect(param(history.read(), 'steps')).toBe('50');
    expect(param(history.read(), 'start')).toBe('-0.3,-0.9');
  });

  it('keeps the link notices until dismissed', () => {
    const { model } = open('s=bowl&steps=abc');
    expect(model.notices).toHaveLength(1);
    expect(model.notices[0]).toBe('Ignored the step budget "abc": expected a whole number from 0 to 1000000.');
    model.dismissNotices();
    expect(model.notices).toEqual([]);
  });
});

describe('SurfacesView: history', () => {
  it('N committed changes push N entries, and Back walks them back one at a time', () => {
    const { history, model } = open();
    const first = history.read();
    model.pick('himmelblau');
    model.commit(withOptimizer(model.view, 'momentum', false));
    model.commit(withHyper(model.view, 'adam', 'lr', 0.05));
    model.commit({ layout: 'grid' });
    expect(history.pushes).toBe(4);
    expect(history.entries).toHaveLength(5);

    history.back();
    model.follow();
    expect(model.view.layout).toBe('overlay');
    expect(model.view.hyper.adam.lr).toBe(0.05);
    history.back();
    model.follow();
    expect(model.view.hyper.adam.lr).toBe(0.1);
    expect(model.view.optimizers).not.toContain('momentum');
    history.back();
    model.follow();
    expect(model.view.optimizers).toContain('momentum');
    expect(model.view.surface).toBe('himmelblau');
    history.back();
    model.follow();
    expect(model.view.surface).toBe('bowl');
    expect(history.read()).toBe(first);
    // Forward redoes.
    history.forward();
    model.follow();
    expect(model.view.surface).toBe('himmelblau');
    // Following the link the model reads adds nothing.
    expect(history.pushes).toBe(4);
  });

  it('a drag of 20 frames pushes one entry; during it the link follows the start on the current entry', () => {
    const { history, model } = open();
    const before = model.view.start;
    for (let i = 1; i <= 20; i++) {
      model.preview({ start: [-7 + i * 0.5, 2] });
      expect(param(history.read(), 'start')).toBe(`${-7 + i * 0.5},2`);
    }
    expect(history.pushes).toBe(0);
    expect(history.entries).toHaveLength(1);
    model.commit();
    expect(history.pushes).toBe(1);
    expect(history.entries.map((h) => param(h, 'start'))).toEqual(['-7,2', '3,2']);

    history.back();
    model.follow();
    expect(model.view.start).toEqual(before);
    history.forward();
    model.follow();
    expect(model.view.start).toEqual([3, 2]);
  });

  it('typing a number previews each valid value; Enter commits one entry; a commit with nothing changed adds none', () => {
    const { history, model } = open();
    for (const lr of [0.1, 0.01, 0.015]) model.preview(withHyper(model.view, 'sgd', 'lr', lr));
    expect(history.pushes).toBe(0);
    model.commit();
    model.commit();
    expect(history.pushes).toBe(1);
    expect(param(history.entries[0], 'sgd.lr')).toBeNull();
    expect(param(history.entries[1], 'sgd.lr')).toBe('0.015');
    // Typed away and back to the committed value, then blurred: no entry.
    model.preview(withHyper(model.view, 'sgd', 'lr', 0.5));
    model.preview(withHyper(model.view, 'sgd', 'lr', 0.015));
    model.commit();
    expect(history.pushes).toBe(1);
  });

  it('Back after a commit lands on the view before the previews, not on the last preview', () => {
    const { history, model } = open();
    model.preview({ steps: 300 });
    model.preview({ steps: 30 });
    model.commit({ steps: 3 });
    history.back();
    model.follow();
    expect(model.view.steps).toBe(200);
  });

  it('a change after Back drops the entries ahead (Forward has nothing to redo)', () => {
    const { history, model } = open();
    model.commit({ steps: 10 });
    model.commit({ steps: 20 });
    history.back();
    model.follow();
    model.commit({ steps: 30 });
    expect(history.entries.map((h) => param(h, 'steps'))).toEqual(['200', '10', '30']);
  });

  it('popstate then hashchange for one Back re-reads the link once', () => {
    const { history, model } = open();
    model.commit({ steps: 10 });
    history.back();
    model.follow();
    model.seek(50);
    model.follow();
    expect(model.k).toBe(50);
  });

  it('an edited address with other text for the same view is read, and written back canonically', () => {
    const { history, model } = open();
    history.entries[0] = 's=himmelblau';
    model.follow();
    expect(model.view.surface).toBe('himmelblau');
    expect(param(history.read(), 'target')).toBe('0.001');
    expect(history.pushes).toBe(0);
  });
});

describe('SurfacesView: playback and the link', () => {
  let frames: FrameRequestCallback[] = [];
  let now = 0;
  beforeEach(() => {
    frames = [];
    now = 0;
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    vi.stubGlobal('cancelAnimationFrame', () => {
      frames = [];
    });
    vi.spyOn(performance, 'now').mockImplementation(() => now);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });
  const tick = (ms: number) => {
    now += ms;
    const due = frames;
    frames = [];
    for (const f of due) f(now);
  };

  it('scrubbing writes k into the current entry, never a new one', () => {
    const { history, model } = open();
    model.seek(25);
    expect(model.k).toBe(25);
    expect(param(history.read(), 'k')).toBe('25');
    model.stepBy(1);
    expect(param(history.read(), 'k')).toBe('26');
    model.seek(200);
    expect(param(history.read(), 'k')).toBeNull();
    expect(history.pushes).toBe(0);
  });

  it('playing leaves the link alone until playback rests; then k is written with replaceState', () => {
    const { history, model } = open();
    model.seek(0);
    const replaces = history.replaces;
    model.play();
    expect(model.playing).toBe(true);
    // Bowl: 200 steps, default speed 30 it/s. 1 s of frames plays 30 iterations.
    for (let i = 0; i < 10; i++) tick(100);
    expect(model.k).toBe(30);
    expect(history.replaces).toBe(replaces);
    expect(param(history.read(), 'k')).toBe('0');
    model.pause();
    expect(param(history.read(), 'k')).toBe('30');
    model.play();
    for (let i = 0; i < 100; i++) tick(100);
    expect(model.playing).toBe(false);
    expect(model.k).toBe(200);
    expect(param(history.read(), 'k')).toBeNull();
    expect(history.pushes).toBe(0);
  });

  it('a commit while playing pushes the entry at the resting k, and Back stops playback there', () => {
    const { history, model } = open();
    model.seek(40);
    model.play();
    tick(100);
    tick(1000);
    model.commit(withHyper(model.view, 'adam', 'lr', 0.05));
    expect(history.entries.map((h) => param(h, 'k'))).toEqual(['40', '40']);
    expect(model.playing).toBe(true);
    history.back();
    model.follow();
    expect(model.playing).toBe(false);
    expect(model.k).toBe(40);
    expect(model.view.hyper.adam.lr).toBe(0.3);
  });

  it('with a loop pause (the embed), playback restarts from 0 after the pause instead of stopping', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const history = new FakeHistory('s=bowl&steps=30');
      const model = new SurfacesView(history, { loopPauseMs: 1500 });
      model.seek(0);
      model.play();
      // 30 steps at the default 10 it/s: three seconds of frames reach the end.
      for (let i = 0; i < 31; i++) tick(100);
      expect(model.k).toBe(30);
      expect(model.playing).toBe(true);
      vi.advanceTimersByTime(1500);
      expect(model.k).toBe(0);
      tick(500);
      expect(model.k).toBe(5);
      model.pause();
      expect(param(history.read(), 'k')).toBe('5');
    } finally {
      vi.useRealTimers();
    }
  });

  it('a view change keeps the position, except a race shown at its end stays at the end of the new budget', () => {
    const { model } = open();
    model.commit({ steps: 300 });
    expect(model.k).toBe(300);
    model.seek(120);
    model.commit({ steps: 100 });
    expect(model.k).toBe(100);
    model.seek(50);
    model.commit({ steps: 400 });
    expect(model.k).toBe(50);
  });
});

describe('SurfacesView: the scene', () => {
  it('is the scene of its view: the field at the screen resolution and the race raceForView runs', () => {
    const { model } = open('s=himmelblau&steps=40&opt=sgd,adam');
    const source = sceneSource(model.view);
    if (!source.ok || !model.source.ok || !model.field) throw new Error('himmelblau compiles');
    expect(model.source.value.def?.id).toBe('himmelblau');
    const field = sceneField(source.value, model.view, SCREEN_RESOLUTION);
    expect(model.field.grid.values).toEqual(field.grid.values);
    expect(model.field.minima).toHaveLength(4);
    expect(model.bands.map((b) => b.level)).toEqual(field.levels);
    expect(model.race).toEqual(raceForView(model.view));
    expect(model.runs.map((r) => [r.id, r.name])).toEqual([
      ['sgd', 'SGD'],
      ['adam', 'Adam'],
    ]);
  });

  it('says so when the view holds an expression that does not compile: no field, no race, never another surface', () => {
    const { model } = open();
    model.preview({ surface: null, expr: 'x +* y' });
    expect(model.source.ok).toBe(false);
    if (!model.source.ok) expect(model.source.error.message).toMatch(/position 4/);
    expect(model.field).toBeNull();
    expect(model.bands).toEqual([]);
    expect(model.race).toEqual([]);
  });

  it('the link view carries the resting k; now() the live one', () => {
    const { model } = open();
    model.seek(12);
    expect(model.linked.k).toBe(12);
    expect(model.now().k).toBe(12);
    expect(model.view.k).toBeNull();
  });
});

describe('SurfacesView: a typed function and its f* (issue 9)', () => {
  it('applies a typed function as a fresh race: registry rates, the default domain, 500 steps, f* estimated', () => {
    const { history, model } = open('s=bowl&adam.lr=0.9&dom=-2,2,-1,1&steps=200');
    model.applyExpression('sin(x)*cos(y)', true);
    const v = model.view;
    expect([v.surface, v.expr, v.steps, v.target]).toEqual([null, 'sin(x)*cos(y)', 500, 0.001]);
    expect(v.hyper.adam.lr).toBe(0.01);
    // [−5, 5]² grown to hold the start (−7, 2): x from −7 − 0.25·12 = −10.
    expect(v.domain).toEqual({ x: [-10, 5], y: [-5, 5] });
    expect(v.fStar).toBeCloseTo(-1, 12);
    expect(model.fStarLabel).toBe('f* ≈ −1.000 (estimated)');
    expect(history.pushes).toBe(1);
    expect(param(history.read(), 'v')).toBe('2');
    expect(Number(param(history.read(), 'fstar'))).toBe(v.fStar);
    // The target is the gap 0.001 above −1: no run is within it at iteration 1 (its f there is above −0.999).
    for (const run of model.race) {
      expect(run.hit === null || run.hit > 1).toBe(true);
      expect(run.losses[1]).toBeGreaterThan(-0.999);
    }
  });

  it('a typing pause previews on the current entry; Enter commits one entry, and Back returns to the surface', () => {
    const { history, model } = open('s=bowl');
    model.applyExpression('x^4 - 2x^2 + y^2', false);
    expect(model.view.expr).toBe('x^4 - 2x^2 + y^2');
    expect(model.view.fStar).toBeCloseTo(-1, 12);
    expect(history.pushes).toBe(0);
    model.applyExpression('x^4 - 2x^2 + y^2', true);
    expect(history.pushes).toBe(1);
    history.back();
    model.follow();
    expect(model.view.surface).toBe('bowl');
    expect(model.fStarLabel).toBe('f* = 0 (known)');
  });

  it('f* typed in is "set"; Re-estimate brings the estimate back; a zoom never changes f*, committed ranges do', () => {
    const { model } = open('s=bowl&start=0.5,0.5');
    model.applyExpression('sin(x)*cos(y)', true);
    model.setFStar(-3);
    model.commit();
    expect(model.fStarLabel).toBe('f* = −3 (set)');
    model.reestimate();
    expect(model.view.fStar).toBeCloseTo(-1, 12);
    expect(model.fStarLabel).toBe('f* ≈ −1.000 (estimated)');
    model.commit({ domain: { x: [0, 1], y: [0, 1] } });
    expect(model.view.fStar).toBeCloseTo(-1, 12);
    // sin(x)·cos(y) on [0, 1]² is lowest along x = 0: 0.
    model.commitRanges({ x: [0, 1], y: [0, 1] });
    expect(model.view.fStar).toBe(0);
  });

  it('opens a link with f* as given, labelled estimated only when estimating would give that value', () => {
    const given = open('v=2&f=sin(x)*cos(y)&start=1,1&fstar=-0.5&target=0.001').model;
    expect(given.view.fStar).toBe(-0.5);
    expect(given.fStarLabel).toBe('f* = −0.5 (set)');
    const estimated = open(`v=2&f=sin(x)*cos(y)&start=1,1&fstar=${given.view.fStar}`).model;
    estimated.reestimate();
    const again = open(new URLSearchParams({ v: '2', f: 'sin(x)*cos(y)', start: '1,1', fstar: String(estimated.view.fStar) }).toString()).model;
    expect(again.fStarLabel).toBe('f* ≈ −1.000 (estimated)');
  });

  it('Use the known value on a registry surface whose f* was changed', () => {
    const { model } = open('v=2&s=saddle&fstar=-2');
    expect(model.fStarLabel).toBe('f* = −2 (set)');
    model.reestimate();
    expect(model.view.fStar).toBe(-1);
    expect(model.fStarLabel).toBe('f* = −1 (known)');
  });
});

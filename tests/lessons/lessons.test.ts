/**
 * The lessons are data the app trusts: every link opens its view with no notices (through the one link
 * reader, src/view/link.ts), in the link format that reads targets as gaps, and every figure is registered.
 */
import { describe, expect, it } from 'vitest';
import { FIGURES, LESSONS } from '../../src/lessons/index.ts';
import { decodeView, encodeView } from '../../src/view/link.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';
import { raceForView } from '../../src/view/race.ts';

describe('lessons', () => {
  it('are 8 to 10, with unique URL-word ids and text in every part', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(8);
    expect(LESSONS.length).toBeLessThanOrEqual(10);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    for (const l of LESSONS) {
      expect(l.id).toMatch(/^[a-z0-9-]+$/);
      for (const text of [l.title, l.paragraph, l.tryThis, l.source]) expect(text.trim().length).toBeGreaterThan(10);
      expect(l.link !== undefined || l.figure !== undefined).toBe(true);
    }
  });

  for (const l of LESSONS.filter((l) => l.link !== undefined)) {
    it(`${l.id}: its link decodes with no notices, as version 2, and re-encodes to the same view`, () => {
      expect(l.link).toMatch(/^v=2&/);
      const { view, notices } = decodeView(l.link!, VOCABULARY);
      expect(notices).toEqual([]);
      expect(view.surface).not.toBeNull();
      expect(decodeView(encodeView(view, VOCABULARY), VOCABULARY).view).toEqual(view);
    });
  }

  it('the lessons the issue asks for open what they say', () => {
    const view = (id: string) => decodeView(LESSONS.find((l) => l.id === id)!.link!, VOCABULARY).view;
    expect(view('sgd-zigzag')).toMatchObject({ surface: 'bowl', lens: 'start' });
    expect(view('batch-size').entrants.map((e) => e.batch)).toEqual([100, 10, 1]);
    expect(view('lr-decay').entrants.map((e) => e.schedule?.kind ?? 'race')).toEqual(['race', 'step', 'course']);
    expect(view('linreg-race')).toMatchObject({ surface: 'linreg', target: 0.005 });
    expect(view('nesterov').entrants.map((e) => e.optimizer)).toEqual(['momentum', 'nag']);
  });

  it('the iterations the texts quote are the races their links run', () => {
    const race = (id: string) => {
      const lesson = LESSONS.find((l) => l.id === id)!;
      const runs = raceForView(decodeView(lesson.link!, VOCABULARY).view);
      return { text: lesson.paragraph + ' ' + lesson.tryThis, runs: Object.fromEntries(runs.map((r) => [r.entrant, r])) };
    };
    const nag = race('nesterov');
    expect([nag.runs.momentum.hit, nag.runs.nag.hit]).toEqual([78, 38]);
    const saddle = race('saddle');
    expect(['sgd', 'momentum', 'adam', 'rmsprop'].map((id) => saddle.runs[id].settled)).toEqual([131, 86, 74, 60]);
    const batch = Object.values(race('batch-size').runs);
    expect(batch.map((r) => r.settled)).toEqual([50, 230, null]);
    expect(batch[2].hit).toBe(25);
    const decay = Object.values(race('lr-decay').runs);
    expect(decay.map((r) => r.settled)).toEqual([null, 150, 228]);
    const linreg = race('linreg-race');
    expect(linreg.runs.sgd.settled).toBe(10);
    expect(Math.min(...Object.values(linreg.runs).map((r) => r.settled ?? Infinity))).toBe(10);
    const adam = race('adam').runs.adam;
    expect([adam.xs[1], adam.ys[1]].map((v) => Number(v.toFixed(6)))).toEqual([-6.7, 1.7]);
    const rms = race('rmsprop').runs.rmsprop;
    expect(rms.xs[1] - rms.xs[0]).toBeCloseTo(0.3 / Math.sqrt(0.1), 3); // 0.949
    const rosen = race('conditioning').runs.sgd;
    const end = rosen.xs.length - 1;
    expect([rosen.xs[end], rosen.ys[end]].map((v) => Number(v.toFixed(2)))).toEqual([0.84, 0.71]);
  });

  it('every figure a lesson names is registered and renders an SVG', () => {
    for (const l of LESSONS.filter((l) => l.figure !== undefined)) {
      const fig = FIGURES[l.figure!];
      expect(fig).toBeDefined();
      for (const width of [640, 360]) expect(fig.svg(width)).toMatch(new RegExp(`^<svg xmlns="http://www.w3.org/2000/svg" width="${width}"`));
    }
  });
});

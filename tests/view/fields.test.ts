/**
 * The field table itself: every ViewState field is declared exactly once, keys and flags are distinct,
 * each field's formatter is the inverse of its parser on every default, and the errors are data.
 */
import { describe, expect, it } from 'vitest';
import { FIELD, FIELDS, defaultView, viewDefaults } from '../../src/view/fields.ts';
import { readView } from '../../src/view/read-view.ts';
import { plainEntrants } from '../../src/view/entrants.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';
import { describeRange, readNumber } from '../../src/view/numbers.ts';
import { decodeView } from '../../src/view/link.ts';

const VIEW_KEYS = ['surface', 'expr', 'domain', 'start', 'fStar', 'entrants', 'hyper', 'target', 'steps', 'noise', 'seed', 'seeds', 'schedule', 'layout', 'plot', 'camera', 'k', 'inspect', 'lab', 'lens'];

describe('the field table', () => {
  it('declares every field of ViewState once, with distinct link keys and flags', () => {
    expect(FIELDS.map((f) => f.name).sort()).toEqual([...VIEW_KEYS].sort());
    expect(Object.keys(defaultView(VOCABULARY.surfaces[0], VOCABULARY)).sort()).toEqual([...VIEW_KEYS].sort());
    const keys = FIELDS.flatMap((f) => (f.kind === 'scalar' ? [f.key] : []));
    expect(new Set(keys).size).toBe(keys.length);
    const flags = FIELDS.flatMap((f) => (f.flag ? [f.flag.name] : []));
    expect(new Set(flags).size).toBe(flags.length);
    expect(flags).toEqual(['surface', 'expr', 'domain', 'start', 'fstar', 'target', 'steps', 'noise', 'seed', 'seeds', 'optimizers', 'set', 'schedule', 'layout', 'k', 'inspect', 'lab', 'lens']);
  });

  it("parses each field's formatted default back to the default, for every surface and a typed expression", () => {
    const views = [...VOCABULARY.surfaces.map((s) => defaultView(s, VOCABULARY)), viewDefaults(null, 'x^2 + y^2', VOCABULARY)];
    for (const view of views) {
      const def = VOCABULARY.surfaces.find((s) => s.id === view.surface) ?? null;
      for (const field of FIELDS) {
        if (field.kind !== 'scalar' || (field.name === 'surface' && def === null) || field.name === 'k' || field.name === 'inspect') continue;
        const r = field.parse(field.format(view[field.name]), { vocab: VOCABULARY, def, expr: view.expr }, view);
        expect(r, `${view.surface}: ${field.name}`).toMatchObject({ ok: true, value: view[field.name] });
      }
    }
  });

  it('gives the typed-function defaults: 500 steps, no target, the -5..5 domain, f* estimated over it', () => {
    const v = viewDefaults(null, 'x*y', VOCABULARY);
    // The start defaults to the first surface's, (−7, 2): the box grows to x ∈ [−7 − 0.25·12, 5] = [−10, 5],
    // where x·y is lowest at (−10, 5): −50.
    expect([v.steps, v.target, v.domain, v.surface, v.expr, v.fStar]).toEqual([500, null, { x: [-5, 5], y: [-5, 5] }, null, 'x*y', -50]);
  });

  it('gives f* = the known minimum for a registry surface, and 0 as a reference where it has none', () => {
    const saddle = VOCABULARY.surfaces.find((s) => s.id === 'saddle')!;
    expect(defaultView(saddle, VOCABULARY).fStar).toBe(-1);
    expect(defaultView({ ...saddle, id: 'open', minValue: null }, VOCABULARY).fStar).toBe(0);
  });

  it('reads --fstar / fstar= as a number and says so otherwise', () => {
    const ctx = { vocab: VOCABULARY, def: null, expr: 'x*y' };
    const v = viewDefaults(null, 'x*y', VOCABULARY);
    expect(FIELD.fStar.parse('-1.5', ctx, v)).toEqual({ ok: true, value: -1.5 });
    expect(FIELD.fStar.parse('min', ctx, v)).toEqual({ ok: false, error: { kind: 'expected', expected: 'a number' } });
  });

  it('holds the form limits: one step range 0..1e6, σ 0..1000, whole seeds, coordinates within 1e6', () => {
    expect(FIELD.steps.range).toEqual({ min: 0, max: 1_000_000, integer: true });
    expect(FIELD.noise.range).toEqual({ min: 0, max: 1000 });
    expect(FIELD.seed.range).toEqual({ min: 0, max: 4294967295, integer: true });
    expect(FIELD.start.range).toEqual({ min: -1e6, max: 1e6 });
    expect(FIELD.target.range).toEqual({ min: -Infinity, max: Infinity });
    expect(describeRange(FIELD.steps.range)).toBe('a whole number from 0 to 1000000');
    expect(describeRange(FIELD.target.range)).toBe('a number');
  });
});

describe('readNumber', () => {
  it('says why a text is not a number in range', () => {
    const r = { min: 0, max: 10, integer: true };
    expect(readNumber(' 7 ', r)).toEqual({ ok: true, value: 7 });
    expect(readNumber('1e1', r)).toEqual({ ok: true, value: 10 });
    expect(readNumber('0x10', r)).toEqual({ ok: false, error: 'syntax' });
    expect(readNumber('', r)).toEqual({ ok: false, error: 'syntax' });
    expect(readNumber('1e400', r)).toEqual({ ok: false, error: 'infinite' });
    expect(readNumber('2.5', r)).toEqual({ ok: false, error: 'fraction' });
    expect(readNumber('11', r)).toEqual({ ok: false, error: 'range' });
  });
});

describe('readView: errors are data', () => {
  const read = (texts: Record<string, string>, entries: [string, string][] = []) => readView({ texts, entries }, VOCABULARY);

  it('reports each bad field as {field, label, text, reason} and keeps its default', () => {
    const r = read({ surface: 'bowl', steps: 'x', entrants: 'sgd,adamax' }, [['adam.lr', '99'], ['adam.gamma', '1']]);
    expect(r.reset).toBe(false);
    expect(r.view.steps).toBe(200);
    expect(r.view.entrants).toEqual(plainEntrants(['sgd']));
    expect(r.errors).toEqual([
      { field: 'steps', label: 'the step budget', text: 'x', reason: { kind: 'expected', expected: 'a whole number from 0 to 1000000' } },
      {
        field: 'entrants',
        label: 'the optimizers',
        text: 'sgd,adamax',
        reason: { kind: 'unknown', noun: 'optimizer', word: 'adamax', choices: VOCABULARY.optimizers.map((o) => o.id) },
      },
      { field: 'hyper', entry: 'adam.lr', label: 'adam learning rate', text: '99', reason: { kind: 'expected', expected: 'a number from 0.00001 to 10' } },
      {
        field: 'hyper',
        entry: 'adam.gamma',
        label: 'the setting',
        text: '1',
        reason: { kind: 'unknown', noun: 'adam hyperparameter', word: 'gamma', choices: ['lr', 'beta1', 'beta2', 'eps'] },
      },
    ]);
  });

  it('resets to the first surface when the source is refused, with that one error', () => {
    const r = read({ expr: 'x +', steps: '5' });
    expect(r.reset).toBe(true);
    expect(r.view).toEqual(defaultView(VOCABULARY.surfaces[0], VOCABULARY));
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ field: 'expr', text: 'x +', reason: { kind: 'rejected' } });
  });

  it("reads k against the step budget read before it", () => {
    expect(read({ surface: 'bowl', steps: '10', k: '10' }).view.k).toBe(10);
    expect(read({ surface: 'bowl', steps: '10', k: '11' }).errors[0].reason).toEqual({ kind: 'expected', expected: 'a whole number from 0 to the step budget' });
  });
});

describe('insp, the inspected entrant', () => {
  it('reads an entrant index of the view and refuses one past its entrants', () => {
    expect(decodeView('#s=bowl&opt=sgd,adam&insp=1', VOCABULARY)).toMatchObject({ view: { inspect: 1 }, notices: [] });
    const bad = decodeView('#s=bowl&opt=sgd,adam&insp=2', VOCABULARY);
    expect(bad.view.inspect).toBeNull();
    expect(bad.notices).toEqual(['Ignored the inspected entrant "2": expected an entrant\'s index, a whole number from 0 to 1.']);
  });
});

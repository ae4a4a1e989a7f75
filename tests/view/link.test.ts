import { describe, expect, it } from 'vitest';
import type { SurfaceDef } from '../../surfaces/types.ts';
import type { HyperSpec } from '../../src/optim/types.ts';
import { decodeView, encodeView } from '../../src/view/link.ts';
import { defaultView } from '../../src/view/fields.ts';
import type { ViewState } from '../../src/view/state.ts';
import type { ViewVocabulary } from '../../src/view/vocabulary.ts';
import { fail, ok } from '../../src/view/result.ts';
import { FIXED, parseSchedule } from '../../src/run/schedules.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';
import { raceForView } from '../../src/view/race.ts';
import { plainEntrants } from '../../src/view/entrants.ts';
// A small vocabulary written out here so the expected URLs below can be checked by eye.
const lr: HyperSpec = { key: 'lr', label: 'learning rate', tex: '\\eta', default: 0.01, min: 1e-6, max: 10, log: true };
const beta: HyperSpec = { key: 'beta', label: 'momentum', tex: '\\beta', default: 0.9, min: 0, max: 0.999, log: false };
const bowl: SurfaceDef = {
  id: 'bowl', title: 'Elongated bowl', expr: 'x^2/10 + y^2', domain: { x: [-10, 10], y: [-5, 5] }, start: [-7, 2],
  minima: [[0, 0]], minValue: 0, target: 1e-3, steps: 100, hyper: { momentum: { lr: 0.1 } }, levels: 'log', note: '', source: '',
};
const saddle: SurfaceDef = { ...bowl, id: 'saddle', expr: 'x^2 - y^2', hyper: {}, target: -1 };
const vocab: ViewVocabulary = {
  surfaces: [bowl, saddle],
  optimizers: [
    { id: 'sgd', hyper: [lr] },
    { id: 'momentum', hyper: [lr, beta] },
  ],
  // Stands in for the expression compiler: rejects anything with characters outside x, y, digits and + - * / ^ ( ).
  checkExpression: (t) => (/^[xy0-9+\-*/^(). ]+$/.test(t) ? ok(t.trim()) : fail('unexpected character')),
};
const def = defaultView(bowl, vocab);

describe('defaultView', () => {
  it('takes start, target and budget from the surface, and merges its hyperparameter overrides', () => {
    expect(def.start).toEqual([-7, 2]);
    expect(def.target).toBe(1e-3);
    expect(def.steps).toBe(100);
    expect(def.entrants).toEqual(plainEntrants(['sgd', 'momentum']));
    expect(def.hyper).toEqual({ sgd: { lr: 0.01 }, momentum: { lr: 0.1, beta: 0.9 } });
  });
});

describe('encodeView', () => {
  it('writes the default view with only the scalars', () => {
    expect(encodeView(def, vocab)).toBe('v=2&s=bowl&start=-7,2&target=0.001&steps=100&noise=0&seed=1'.replace(/,/g, '%2C'));
  });
  it('writes only hyperparameters that differ from the surface defaults, and the optional fields', () => {
    const v: ViewState = { ...def, entrants: plainEntrants(['momentum']), hyper: { sgd: { lr: 0.01 }, momentum: { lr: 0.1, beta: 0.5 } }, layout: 'grid', k: 7 };
    const url = new URLSearchParams(encodeView(v, vocab));
    expect(url.get('opt')).toBe('momentum');
    expect(url.get('momentum.beta')).toBe('0.5');
    expect(url.has('momentum.lr')).toBe(false);
    expect(url.has('sgd.lr')).toBe(false);
    expect(url.get('layout')).toBe('grid');
    expect(url.get('k')).toBe('7');
  });
  it('writes a typed expression with its domain, spaces as %20 and + as %2B', () => {
    const v: ViewState = { ...def, surface: null, expr: 'x^2 + 3*y^2' };
    expect(encodeView(v, vocab)).toContain('f=x%5E2%20%2B%203*y%5E2&dom=-10%2C10%2C-5%2C5');
  });
});

describe('round trip', () => {
  it('reproduces every field exactly, including doubles that need 17 digits', () => {
    const v: ViewState = {
      surface: null, expr: 'x^2 + 3*y^2', domain: { x: [-3, 3], y: [-2.5, 2.5] }, start: [0.1 + 0.2, -1 / 3],
      entrants: plainEntrants(['sgd']), hyper: { sgd: { lr: 0.123456789012345 }, momentum: { lr: 0.1, beta: 0.95 } },
      fStar: -0.30000000000000004, target: 1e-12, steps: 5000, noise: 0.25, seed: 4294967295, seeds: 7, schedule: parseSchedule('multistep:gamma=0.3,at=10/250'),
      layout: 'grid', plot: '3d', camera: { azimuth: -179.5, elevation: 0.30000000000000004, distance: 11.99 }, k: 4999, inspect: 0, lab: { kind: 'sweep', from: 0.001, to: 3, points: 25, y: 'gap', param: null }, lens: 'current',
    };
    const back = decodeView('#' + encodeView(v, vocab), vocab);
    expect(back.notices).toEqual([]);
    expect(back.view).toEqual(v);
    expect(back.view.start[0]).toBe(0.30000000000000004);
  });
  it('writes a lab view as one key, with only the parameters that differ from their defaults', () => {
    const sweep: ViewState = { ...def, lab: { kind: 'sweep', from: 1e-4, to: 10, points: 21, y: 'settled', param: null } };
    expect(new URLSearchParams(encodeView(sweep, vocab)).get('lab')).toBe('sweep:points=21');
    const map: ViewState = { ...def, lab: { kind: 'map', res: 128, colour: 'basins' } };
    expect(new URLSearchParams(encodeView(map, vocab)).get('lab')).toBe('map:colour=basins');
    expect(decodeView('s=bowl&lab=map', vocab).view.lab).toEqual({ kind: 'map', res: 128, colour: 'iterations' });
    expect(new URLSearchParams(encodeView(def, vocab)).has('lab')).toBe(false);
  });
  it('drops a malformed lab view with a notice and keeps the race', () => {
    for (const text of ['sweep:from=10:to=1', 'map:res=4', 'map:res=300', 'sweep:points=1', 'sweep:y=loss', 'map:colour=red', 'sweep:from', 'race', 'map:res=64:res=32']) {
      const back = decodeView(`s=bowl&steps=50&lab=${encodeURIComponent(text)}`, vocab);
      expect(back.view).toEqual({ ...def, steps: 50 });
      expect(back.notices).toHaveLength(1);
      expect(back.notices[0]).toMatch(/lab view/);
    }
    const noParam = decodeView('s=bowl&opt=sgd&lab=sweep%3Aparam%3Dbeta', vocab);
    expect(noParam.view.lab).toBeNull();
    expect(noParam.notices[0]).toMatch(/sgd has no hyperparameter "beta"/);
  });
  it('writes a non-fixed schedule as sched=SPEC with every parameter, omits the fixed one, and reads both back', () => {
    expect(def.schedule).toEqual(FIXED);
    expect(new URLSearchParams(encodeView(def, vocab)).has('sched')).toBe(false);
    for (const spec of ['step:gamma=0.9,size=50', 'exp:gamma=0.999', 'inv:gamma=0.0001,power=0.75', 'poly:power=2,max=300', 'course:decay=0.1']) {
      const v: ViewState = { ...def, schedule: parseSchedule(spec) };
      const hash = encodeView(v, vocab);
      expect(new URLSearchParams(hash).get('sched')).toBe(spec);
      expect(decodeView(hash, vocab)).toEqual({ view: v, notices: [] });
    }
    // Missing keys take the schedule's defaults.
    expect(decodeView('s=bowl&sched=step', vocab).view.schedule).toEqual({ kind: 'step', params: { gamma: 0.9, size: 50 }, at: [] });
  });
  it('drops an invalid schedule with a notice and keeps the rest', () => {
    const bad = decodeView('s=bowl&steps=50&sched=step%3Agamma%3Dx', vocab);
    expect(bad.view).toEqual({ ...def, steps: 50 });
    expect(bad.notices).toEqual(['Ignored the learning-rate schedule "step:gamma=x": schedule step: gamma must be a number, got "x".']);
    expect(decodeView('s=bowl&sched=cosine', vocab).notices[0]).toMatch(/^Ignored the learning-rate schedule "cosine": unknown schedule "cosine"/);
    const long = decodeView(`s=bowl&sched=${'a'.repeat(5000)}`, vocab);
    expect(long.view.schedule).toEqual(FIXED);
    expect(long.notices[0]).toContain('longer than 200 characters');
    expect(long.notices[0].length).toBeLessThan(120);
  });
  it('reads an empty hash as the default view without notices', () => {
    expect(decodeView('', vocab)).toEqual({ view: def, notices: [] });
    expect(decodeView('#', vocab)).toEqual({ view: def, notices: [] });
  });
});

describe('hostile and corrupted links', () => {
  const notice = (hash: string) => decodeView(hash, vocab);

  it('falls back to the default view for an unknown surface, with a notice quoting it', () => {
    const r = notice('#s=<img src=x onerror=alert(1)>&steps=5');
    expect(r.view).toEqual(def);
    expect(r.notices).toEqual(['The link names an unknown surface "<img src=x onerror=alert(1)>". The default view is shown instead.']);
  });
  it('rejects an expression the compiler rejects, and an overlong one', () => {
    const r = notice('#f=constructor');
    expect(r.view).toEqual(def);
    expect(r.notices[0]).toBe('The link\'s expression "constructor" was rejected: unexpected character. The default view is shown instead.');
    expect(notice('#f=' + 'x+'.repeat(300) + 'x').notices[0]).toContain('longer than 500 characters');
  });
  it('says when the link names neither surface nor expression', () => {
    expect(notice('#start=1,2').notices).toEqual(['The link names no surface (s=…) or expression (f=…). The default view is shown instead.']);
  });
  it('keeps the valid fields and drops each invalid one with its own notice', () => {
    const r = notice('#s=saddle&start=1,NaN&target=Infinity&steps=0x10&noise=-1&seed=1.5&opt=sgd,evil&layout=3d&k=999&momentum.lr=1e9&__proto__.x=1');
    expect(r.view).toEqual({ ...defaultView(saddle, vocab), entrants: plainEntrants(['sgd']) });
    // In the field table's order (hyperparameters follow the optimizers). Issue 8: one step range, 0 to
    // 1e6, everywhere; a target may be "none".
    expect(r.notices).toEqual([
      'Ignored the start point "1,NaN": expected two numbers x,y.',
      'Ignored the target "Infinity": expected a number, or none for no target.',
      'Ignored the step budget "0x10": expected a whole number from 0 to 1000000.',
      'Ignored the noise σ "-1": expected a number from 0 to 1000.',
      'Ignored the seed "1.5": expected a whole number from 0 to 4294967295.',
      'Ignored the unknown optimizer "evil".',
      'Ignored momentum learning rate "1e9": expected a number from 0.000001 to 10.',
      'Ignored the unknown setting "__proto__.x".',
      'Ignored the layout "3d": expected overlay or grid.',
      'Ignored the iteration "999": expected a whole number from 0 to the step budget.',
    ]);
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'x')).toBe(false);
  });
  it('truncates quoted text to 40 characters', () => {
    const long = 'a'.repeat(100);
    expect(notice(`#s=${long}`).notices[0]).toContain(`"${'a'.repeat(40)}…"`);
  });
  it('rejects coordinates beyond 1e6 and a domain with x0 ≥ x1', () => {
    expect(notice('#s=bowl&start=2e6,0').notices[0]).toContain('Ignored the start point');
    const r = notice('#f=x*y&dom=1,-1,0,1');
    expect(r.view.domain).toEqual({ x: [-5, 5], y: [-5, 5] });
    expect(r.notices[0]).toContain('Ignored the plot domain');
  });
});


describe('with the real registries', () => {
  it('round-trips the default view of every registry surface', async () => {
    const { VOCABULARY } = await import('../../src/view/vocabulary.ts');
    for (const s of VOCABULARY.surfaces) {
      const v = defaultView(s, VOCABULARY);
      expect(decodeView(encodeView(v, VOCABULARY), VOCABULARY), s.id).toEqual({ view: v, notices: [] });
    }
  });
  it("rejects a hostile expression with the compiler's message", async () => {
    const { VOCABULARY } = await import('../../src/view/vocabulary.ts');
    const r = decodeView('#f=' + encodeURIComponent('constructor("alert(1)")()'), VOCABULARY);
    expect(r.view).toEqual(defaultView(VOCABULARY.surfaces[0], VOCABULARY));
    expect(r.notices).toHaveLength(1);
    expect(r.notices[0]).toMatch(/^The link's expression "constructor\(\\"alert\(1\)\\"\)\(\)" was rejected: .*constructor.* The default view is shown instead\.$/);
  });
  it('rejects a learning rate outside the registry range', async () => {
    const { VOCABULARY } = await import('../../src/view/vocabulary.ts');
    const r = decodeView('#s=bowl&adam.lr=100', VOCABULARY);
    expect(r.view.hyper.adam.lr).toBe(defaultView(VOCABULARY.surfaces[0], VOCABULARY).hyper.adam.lr);
    expect(r.notices).toEqual(['Ignored adam learning rate "100": expected a number from 0.00001 to 10.']);
  });
});

describe('issue 8: the typed-function defaults, the domain, the seed and the step range', () => {
  it('reads f= without steps or target as 500 steps and no target, and writes that back as target=none', () => {
    const r = decodeView('#f=x*y&start=1,1', vocab);
    expect(r.notices).toEqual([]);
    expect([r.view.steps, r.view.target, r.view.surface]).toEqual([500, null, null]);
    expect(r.view.domain).toEqual({ x: [-5, 5], y: [-5, 5] });
    const hash = encodeView(r.view, vocab);
    // f* travels with an expression: x·y on [−5, 5]² is lowest at the corners, −25.
    expect(hash).toBe('v=2&f=x*y&start=1%2C1&fstar=-25&target=none&steps=500&noise=0&seed=1');
    expect(decodeView(hash, vocab)).toEqual({ view: r.view, notices: [] });
  });
  it('lets a registry surface drop its target with target=none', () => {
    const r = decodeView('#s=bowl&target=none', vocab);
    expect(r).toEqual({ view: { ...def, target: null }, notices: [] });
    expect(new URLSearchParams(encodeView(r.view, vocab)).get('target')).toBe('none');
  });
  it('carries the plot domain for a registry surface too, written only when it differs from the default', () => {
    expect(new URLSearchParams(encodeView(def, vocab)).has('dom')).toBe(false);
    const r = decodeView('#s=bowl&dom=-1,2,-3,4', vocab);
    expect(r).toEqual({ view: { ...def, domain: { x: [-1, 2], y: [-3, 4] } }, notices: [] });
    expect(new URLSearchParams(encodeView(r.view, vocab)).get('dom')).toBe('-1,2,-3,4');
    // A typed expression's default domain is -5..5 both ways; it too is written only when different.
    const typed = decodeView('#f=x*y&dom=-5,5,-5,5', vocab).view;
    expect(new URLSearchParams(encodeView(typed, vocab)).has('dom')).toBe(false);
  });
  it('keeps a seed without noise', () => {
    expect(decodeView('#s=bowl&noise=0&seed=42', vocab)).toEqual({ view: { ...def, seed: 42 }, notices: [] });
  });
  it('accepts step budgets from 0 to 1e6 and nothing beyond', () => {
    expect(decodeView('#s=bowl&steps=0', vocab).view.steps).toBe(0);
    expect(decodeView('#s=bowl&steps=1000000', vocab).view.steps).toBe(1_000_000);
    expect(decodeView('#s=bowl&steps=1000001', vocab).notices).toEqual([
      'Ignored the step budget "1000001": expected a whole number from 0 to 1000000.',
    ]);
  });
});

describe('keys that are not the view', () => {
  it('reads a surface and an expression given together as the surface, with a notice', () => {
    const r = decodeView('#s=bowl&f=x*y', vocab);
    expect(r.view).toEqual(def);
    expect(r.notices).toEqual(['Ignored the expression "x*y": the link names a surface too.']);
  });
  it("skips the app's tab and the MNIST tab's m. keys, so a link with only those is the default view", () => {
    expect(decodeView('#tab=mnist', vocab)).toEqual({ view: def, notices: [] });
    expect(decodeView('#s=bowl&m.seed=3&tab=mnist', vocab)).toEqual({ view: def, notices: [] });
  });
  it('reads a repeated optimizer as two entrants of it, grouped in registry order', () => {
    const r = decodeView('#s=bowl&opt=momentum,sgd,momentum', vocab);
    expect(r.view.entrants).toEqual(plainEntrants(['sgd', 'momentum', 'momentum']));
    expect(r.notices).toEqual([]);
    expect(new URLSearchParams(encodeView(r.view, vocab)).get('opt')).toBe('sgd,momentum,momentum');
  });
});

describe('decode ∘ encode is the identity on what any link decodes to', () => {
  const links = [
    '',
    '#s=saddle&start=1,NaN&target=Infinity&steps=0x10&noise=-1&seed=1.5&opt=sgd,evil&layout=3d&k=999&momentum.lr=1e9&__proto__.x=1',
    '#s=<script>&steps=5',
    '#f=constructor',
    '#f=x*y&dom=1,-1,0,1&start=-0.5,0.25&target=none&steps=0&k=0',
    '#f=%20x%5E2%20&dom=-1e6,1e6,-0.001,0.001&target=-3',
    '#s=bowl&target=1e-300&seed=4294967295&noise=1000&opt=&momentum.beta=0&sched=multistep%3Agamma%3D0.5%2Cat%3D3%2F7&layout=grid&k=7',
    '#s=bowl&sched=' + 'x'.repeat(300) + '&opt=,,sgd,,&momentum.lr=-0&k=-1',
    '#s=bowl&f=x&tab=mnist&m.opt=adam&hasOwnProperty=1&constructor.prototype=2',
    '#steps=5',
    '#%E0%A4%A=1&s=bowl',
  ];
  it.each(links)('%s', (link) => {
    const once = decodeView(link, vocab).view;
    const again = decodeView(encodeView(once, vocab), vocab);
    expect(again).toEqual({ view: once, notices: [] });
    expect(encodeView(again.view, vocab)).toBe(encodeView(once, vocab));
  });
});

describe('issue 9: the link version and gap targets', () => {
  const all = VOCABULARY;
  it('reads a versionless target= as a value of f and converts it: an old saddle link keeps its meaning', () => {
    const old = decodeView('#s=saddle&start=-2,0.001&target=-0.9&steps=300&noise=0&seed=1', all);
    expect(old.notices).toEqual([]);
    expect([old.view.fStar, old.view.target]).toEqual([-1, 0.1]);
    // The same race as the surface's own default (its target is the gap 0.1 over f* = −1): SGD escapes at 131.
    const sgd = raceForView({ ...old.view, entrants: plainEntrants(['sgd']) })[0];
    expect([sgd.hit, sgd.settled]).toEqual([131, 131]);
    expect(sgd.losses[131] - -1).toBeLessThanOrEqual(0.1);
    expect(sgd.losses[130]).toBeGreaterThan(-0.9);
    // Written back with the version, it reads as the same view without converting again.
    const hash = encodeView(old.view, all);
    expect(hash.startsWith('v=2&s=saddle&')).toBe(true);
    expect(new URLSearchParams(hash).get('target')).toBe('0.1');
    expect(decodeView(hash, all)).toEqual({ view: old.view, notices: [] });
  });

  it('converts a versionless expression link over its estimated f*', () => {
    // sin(x)·cos(y): f* = −1 over [−5, 5]²; the old absolute target −0.5 is the gap 0.5.
    const old = decodeView('#f=sin(x)*cos(y)&start=1,1&target=-0.5', all).view;
    expect(old.fStar).toBeCloseTo(-1, 12);
    expect(old.target).toBeCloseTo(0.5, 11);
  });

  it('leaves a versioned link, a link without target= and target=none as they are', () => {
    expect(decodeView('#v=2&s=saddle&target=0.2', all).view.target).toBe(0.2);
    expect(decodeView('#s=saddle', all).view.target).toBe(0.1);
    expect(decodeView('#s=saddle&target=none', all).view.target).toBeNull();
    expect(decodeView('#v=2&f=x*y&start=1,1&fstar=-3&target=1', all).view).toMatchObject({ fStar: -3, target: 1 });
  });

  it('reads fstar= exactly, so a link reproduces the race without estimating again', () => {
    const r = decodeView('#v=2&f=sin(x)*cos(y)&start=1,1&fstar=-0.75&target=0.001', all);
    expect(r.notices).toEqual([]);
    expect(r.view.fStar).toBe(-0.75);
    // With f* = −0.75 every run is "within 0.001" once f ≤ −0.749.
    const adam = raceForView({ ...r.view, entrants: plainEntrants(['adam']) })[0];
    expect(adam.fStar).toBe(-0.75);
    expect(adam.losses[adam.hit!]).toBeLessThanOrEqual(-0.749);
    expect(adam.losses[adam.hit! - 1]).toBeGreaterThan(-0.749);
  });

  it('says when a link has a version it does not know, and reads it as the current one', () => {
    const r = decodeView('#v=7&s=bowl', all);
    expect(r.notices).toEqual(['This link\'s format version "7" is not one this page knows (2); it was read as version 2.']);
    expect(r.view.target).toBe(0.001);
  });
});

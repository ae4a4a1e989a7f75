/**
 * The links' round trip on the real registries (issue 8), for both field tables: the surfaces view's
 * (VIEW_TABLE, link.ts) and the MNIST options' (MNIST_TABLE, mnist-link.ts).
 *   - encode ∘ decode is the identity on every field: each field has its own cases (edges of its range,
 *     doubles that need 17 digits, every registry word), and a field added without cases fails here;
 *   - a hostile link (unknown keys, huge numbers, __proto__ and constructor, script tags, malformed
 *     percent-encoding, duplicate keys, 10 kB values) never throws, every notice is one line of plain
 *     text, and the decoded view is one a link can carry: re-encoding it and decoding again gives it back
 *     with no notices.
 * link.test.ts words each notice on a small hand-written vocabulary; this file covers what it does not.
 */
import { describe, expect, it } from 'vitest';
import { plainEntrant, plainEntrants } from '../../src/view/entrants.ts';
import { FIELDS, defaultView, viewDefaults } from '../../src/view/fields.ts';
import { decodeView, encodeView } from '../../src/view/link.ts';
import { MNIST_TABLE } from '../../src/view/mnist-fields.ts';
import { decodeMnist, encodeMnist } from '../../src/view/mnist-link.ts';
import type { MnistOptions } from '../../src/view/mnist-options.ts';
import type { ViewState } from '../../src/view/state.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';
import { parseSchedule } from '../../src/run/schedules.ts';
import { ACTIVATION_IDS } from '../../src/mnist/activations.ts';
import { INIT_IDS } from '../../src/mnist/init.ts';

const surfaceView = (id: string, change: Partial<ViewState> = {}): ViewState => {
  const def = VOCABULARY.surfaces.find((s) => s.id === id);
  if (!def) throw new Error(id);
  return { ...defaultView(def, VOCABULARY), ...change };
};
/** A typed expression's view, with the expression as the checker returns it. */
const typedView = (text: string, change: Partial<ViewState> = {}): ViewState => {
  const checked = VOCABULARY.checkExpression(text);
  if (!checked.ok) throw new Error(checked.error);
  return { ...viewDefaults(null, checked.value, VOCABULARY), ...change };
};
const base = surfaceView('rosenbrock');
const withHyper = (view: ViewState, id: string, key: string, value: number): ViewState => ({
  ...view,
  hyper: { ...view.hyper, [id]: { ...view.hyper[id], [key]: value } },
});
/** Every hyperparameter of every optimizer at each end of its range that is not its value in `state`. */
const hyperEdges = <S extends { hyper: ViewState['hyper'] }>(state: S): S[] =>
  VOCABULARY.optimizers.flatMap((o) =>
    o.hyper.flatMap((spec) => [spec.min, spec.max].filter((v) => v !== state.hyper[o.id][spec.key]).map((v) => ({ ...state, hyper: withHyper(state as unknown as ViewState, o.id, spec.key, v).hyper }))),
  );

const SCHEDULE_SPECS = ['step:gamma=0.5,size=1', 'multistep:gamma=0.1,at=1/2/1000000', 'exp:gamma=0.30000000000000004', 'inv:gamma=0.0001,power=100', 'poly:power=0,max=1000000000', 'course:decay=1000000'];

/** Views that differ from a default view in (mostly) one field, by field name. */
const VIEW_CASES: Record<keyof ViewState, ViewState[]> = {
  surface: VOCABULARY.surfaces.map((s) => surfaceView(s.id)),
  expr: [
    typedView('x^2 + 3*y^2'),
    typedView('exp(-(x^2 + y^2)) / (1 + x^2) - sin(x)*cos(y)', { start: [1, 1] }),
    typedView(`x^2 + ${'0.1*y^2 + '.repeat(48)}y`),
  ],
  domain: [
    { ...base, domain: { x: [-1e6, 1e6], y: [-5e-324, 5e-324] } },
    typedView('x*y', { domain: { x: [0.1 + 0.2, 0.7], y: [-1 / 3, 2 / 3] } }),
  ],
  start: [
    { ...base, start: [0.1 + 0.2, -1 / 3] },
    { ...base, start: [-1e6, 1e6] },
    typedView('x^2 + y^2', { start: [5e-324, -1.7976931348623157e-308] }),
  ],
  fStar: [{ ...base, fStar: -0.5 }, { ...base, fStar: 0.1 + 0.2 }, typedView('sin(x)*cos(y)', { fStar: -2 }), typedView('x^2 + y^2', { fStar: 5e-324 })],
  target: [{ ...base, target: null }, { ...base, target: 5e-324 }, { ...base, target: -1.7976931348623157e308 }, { ...base, target: 0 }, typedView('x - y', { target: -3.5 })],
  steps: [{ ...base, steps: 0 }, { ...base, steps: 1 }, { ...base, steps: 1_000_000 }],
  noise: [{ ...base, noise: 1000 }, { ...base, noise: 0.1 + 0.2 }, { ...base, noise: 5e-324 }],
  seed: [{ ...base, seed: 0 }, { ...base, seed: 4294967295 }],
  seeds: [{ ...base, seeds: 100 }, { ...base, seeds: 2, noise: 0.5 }],
  entrants: [
    { ...base, entrants: [] },
    { ...base, entrants: plainEntrants(['adam']) },
    { ...base, entrants: plainEntrants(['sgd', 'rmsprop', 'adam']) },
    // The same optimizer three times, own values with 17 digits and at the ends of their ranges, own schedules.
    {
      ...base,
      entrants: [
        plainEntrant('sgd'),
        { optimizer: 'sgd', own: { lr: 1e-5 }, schedule: parseSchedule('multistep:gamma=0.1,at=1/2/1000000'), batch: null },
        plainEntrant('adam'),
        plainEntrant('adam'),
        { optimizer: 'adam', own: { lr: 0.1 + 0.2, beta1: 0.9999, eps: 1e-12 }, schedule: null, batch: null },
        { optimizer: 'adam', own: {}, schedule: parseSchedule('step:gamma=0.5,size=1'), batch: null },
      ],
    },
    withHyper({ ...base, entrants: [plainEntrant('adam'), { optimizer: 'adam', own: { lr: 10 }, schedule: null, batch: null }] }, 'adam', 'lr', 0.05),
  ],
  hyper: [...hyperEdges(base), withHyper(base, 'adam', 'lr', 0.123456789012345)],
  schedule: SCHEDULE_SPECS.map((spec) => ({ ...base, schedule: parseSchedule(spec) })),
  layout: [{ ...base, layout: 'grid' }, typedView('x*y', { layout: 'grid' })],
  plot: [{ ...base, plot: '3d' }],
  camera: [
    { ...base, plot: '3d', camera: { azimuth: 180, elevation: 90, distance: 1 } },
    { ...base, camera: { azimuth: -0.1 - 0.2, elevation: -20, distance: 12 } },
  ],
  k: [{ ...base, k: 0 }, { ...base, k: base.steps }, { ...base, steps: 1_000_000, k: 999_999 }],
  inspect: [{ ...base, inspect: 0 }, { ...base, inspect: base.entrants.length - 1 }, { ...base, entrants: plainEntrants(['sgd', 'adam', 'adam']), inspect: 2 }],
  lab: [
    { ...base, lab: { kind: 'sweep', from: 1e-4, to: 10, points: 61, y: 'settled', param: null } },
    { ...base, lab: { kind: 'sweep', from: 0.1 + 0.2, to: 1e6, points: 1000, y: 'gap', param: 'beta1' }, entrants: plainEntrants(['adam', 'nadam']) },
    { ...base, lab: { kind: 'sweep', from: 1e-12, to: 2e-12, points: 2, y: 'settled', param: null } },
    { ...base, lab: { kind: 'map', res: 128, colour: 'iterations' } },
    { ...base, lab: { kind: 'map', res: 8, colour: 'basins' } },
    { ...base, lab: { kind: 'map', res: 256, colour: 'iterations' } },
  ],
  lens: [{ ...base, lens: 'start' }, { ...base, lens: 'current' }],
};

const MNIST_DEFAULT = decodeMnist('', VOCABULARY).options;
const mnist = (change: Partial<MnistOptions>): MnistOptions => ({ ...MNIST_DEFAULT, ...change });

const MNIST_CASES: Record<keyof MnistOptions, MnistOptions[]> = {
  entrants: [
    mnist({ entrants: plainEntrants(['sgd', 'adam', 'adam']) }),
    mnist({ entrants: plainEntrants(VOCABULARY.optimizers.map((o) => o.id)) }),
    mnist({ entrants: [{ optimizer: 'adam', own: { lr: 0.01 }, schedule: parseSchedule('exp:gamma=0.99'), batch: 4096 }] }),
  ],
  hyper: hyperEdges(MNIST_DEFAULT),
  epochs: [mnist({ epochs: 1 }), mnist({ epochs: 10_000 })],
  batch: [mnist({ batch: 1 }), mnist({ batch: 4096 })],
  hidden: [mnist({ hidden: [], activations: [] }), mnist({ hidden: [1024, 1, 7, 1024], activations: ['relu', 'leaky-relu', 'sigmoid', 'tanh'] })],
  activations: ACTIVATION_IDS.map((a) => mnist({ activations: [a, a] })),
  init: INIT_IDS.filter((init) => init !== MNIST_DEFAULT.init).map((init) => mnist({ init })),
  l2: [mnist({ l2: 0.1 + 0.2 }), mnist({ l2: 1.7976931348623157e308 })],
  keepProb: [mnist({ keepProb: 5e-324 }), mnist({ keepProb: 0.5 })],
  batchNorm: [mnist({ batchNorm: true })],
  schedule: SCHEDULE_SPECS.map((spec) => mnist({ schedule: parseSchedule(spec) })),
  seed: [mnist({ seed: 0 }), mnist({ seed: 2 ** 31 - 1 })],
  limit: [mnist({ limit: 1 }), mnist({ limit: 55_000 })],
  target: [mnist({ target: 0 }), mnist({ target: 1 }), mnist({ target: 0.1 + 0.2 })],
  backend: [mnist({ backend: 'wasm' }), mnist({ backend: 'ts' })],
};

describe('encode ∘ decode is the identity on every field', () => {
  it('has cases for every field of both tables', () => {
    expect(Object.keys(VIEW_CASES).sort()).toEqual(FIELDS.map((f) => String(f.name)).sort());
    expect(Object.keys(MNIST_CASES).sort()).toEqual(MNIST_TABLE.fields.map((f) => String(f.name)).sort());
  });

  it.each(Object.entries(VIEW_CASES))('surfaces view: %s', (_field, views) => {
    for (const view of views) {
      const hash = encodeView(view, VOCABULARY);
      expect(decodeView(`#${hash}`, VOCABULARY), hash).toEqual({ view, notices: [] });
    }
  });

  it.each(Object.entries(MNIST_CASES))('MNIST options: %s', (_field, options) => {
    for (const o of options) {
      const hash = encodeMnist(o, VOCABULARY);
      expect(hash, JSON.stringify(o)).not.toBe('');
      expect(decodeMnist(`#${hash}`, VOCABULARY), hash).toEqual({ options: o, notices: [] });
    }
  });

  it('writes each field under its own key, so a change to one field changes one key', () => {
    const keys = (hash: string) => new Set(new URLSearchParams(hash).keys());
    const plain = keys(encodeView(base, VOCABULARY));
    expect([...keys(encodeView({ ...base, layout: 'grid' }, VOCABULARY))].filter((k) => !plain.has(k))).toEqual(['layout']);
    expect([...keys(encodeMnist(mnist({ backend: 'wasm' }), VOCABULARY))]).toEqual(['m.backend']);
  });
});

// Hostile links: every key either table reads (and some it must not), crossed with values no one should type.
const KEYS = [
  ...FIELDS.flatMap((f) => (f.kind === 'scalar' ? [f.key] : ['adam.lr', 'momentum.beta'])),
  ...MNIST_TABLE.fields.flatMap((f) => (f.kind === 'scalar' ? [`m.${f.key}`] : ['m.adam.lr'])),
  '__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', '__proto__.lr', 'adam.__proto__', 'constructor.prototype',
  'sgd.constructor', 'm.__proto__', 'm.constructor.prototype', 'm.__proto__.lr', 'tab', '', '%', '%zz', 'ev%E0il',
];
const VALUES = [
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '</svg><foreignObject>x</foreignObject>', 'javascript:alert(1)',
  '%', '%zz', '%E0%A4%A', '%ED%A0%80', '%00', '%0A%0D', '%u2028', '\u2028',
  '1e309', '-1e309', '1e308', '9'.repeat(400), '-0', 'NaN', 'Infinity', '0x10', '1_000', '', ' ', '1,2,3,4,5', ',,,',
  '__proto__', 'constructor', 'toString', 'step:__proto__=1', 'multistep:at=3/2', 'adam,adam,__proto__',
  '1'.repeat(10_240), 'x+'.repeat(5_120), `${'a'.repeat(10_000)}<script>`,
];
const VIEW_KEYS = FIELDS.flatMap((f) => (f.kind === 'scalar' ? [f.key] : []));

function* hostileLinks(): Generator<string> {
  for (const source of ['', 's=bowl&', 's=himmelblau&m.opt=adam&']) {
    for (const key of KEYS) {
      for (const value of VALUES) {
        yield `#${source}${key}=${value}`;
        yield `#${source}${key}=${value}&${key}=1&${key}`;
      }
    }
  }
  // A typed expression compiles at each decode (a few ms): only the view's own keys.
  for (const key of VIEW_KEYS) for (const value of VALUES) yield `#f=x*y&start=1,1&${key}=${value}`;
  yield '#&&&==&=&s&s=&%&#&s=bowl#steps=5';
  yield `#${'s=bowl&'.repeat(2_000)}`;
}

/** Plain text: one line, no control characters, well-formed Unicode, short whatever the link's length. */
function plainText(notice: unknown): boolean {
  const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
  return typeof notice === 'string' && !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(notice) && !loneSurrogate.test(notice) && notice.length <= 240;
}

describe('hostile links', () => {
  const VIEW_FIELDS = FIELDS.map((f) => String(f.name)).sort();
  const MNIST_FIELDS = MNIST_TABLE.fields.map((f) => String(f.name)).sort();
  const OPTIMIZER_IDS = VOCABULARY.optimizers.map((o) => o.id).sort();

  it('decode without throwing, say what they ignored in plain text, and decode to views that round-trip', () => {
    let links = 0;
    let notices = 0;
    const failures: string[] = [];
    for (const link of hostileLinks()) {
      links += 1;
      const short = link.length > 80 ? `${link.slice(0, 80)}…` : link;
      const d = decodeView(link, VOCABULARY);
      const m = decodeMnist(link, VOCABULARY);
      notices += d.notices.length + m.notices.length;
      for (const n of [...d.notices, ...m.notices]) if (!plainText(n)) failures.push(`${short}: notice ${JSON.stringify(n).slice(0, 120)}`);
      // Only the tables' own fields, with own, registry-named hyperparameters: nothing came in through a key.
      if (Object.keys(d.view).sort().join() !== VIEW_FIELDS.join()) failures.push(`${short}: view keys ${Object.keys(d.view)}`);
      if (Object.keys(m.options).sort().join() !== MNIST_FIELDS.join()) failures.push(`${short}: options keys ${Object.keys(m.options)}`);
      for (const hyper of [d.view.hyper, m.options.hyper]) {
        if (Object.keys(hyper).sort().join() !== OPTIMIZER_IDS.join() || Object.getPrototypeOf(hyper) !== Object.prototype) failures.push(`${short}: hyper ${Object.keys(hyper)}`);
      }
      const view = decodeView(encodeView(d.view, VOCABULARY), VOCABULARY);
      if (!equal(view, { view: d.view, notices: [] })) failures.push(`${short}: view re-decoded as ${JSON.stringify(view).slice(0, 300)}`);
      const options = decodeMnist(encodeMnist(m.options, VOCABULARY), VOCABULARY);
      if (!equal(options, { options: m.options, notices: [] })) failures.push(`${short}: options re-decoded as ${JSON.stringify(options).slice(0, 300)}`);
    }
    expect(failures.slice(0, 20)).toEqual([]);
    expect(links).toBeGreaterThan(9_000);
    // Most of these links are refused in part, each refusal worded once.
    expect(notices).toBeGreaterThan(links);
    for (const name of ['x', 'lr', 'prototype', 'constructor.prototype']) expect(Object.prototype).not.toHaveProperty(name);
  });

  it('reads −0 as 0 (String() writes it as 0), so a view with it survives the round trip', () => {
    const { view } = decodeView('#s=bowl&start=-0,1&noise=-0&sched=step:gamma=-0', VOCABULARY);
    expect([Object.is(view.start[0], 0), Object.is(view.noise, 0), Object.is(view.schedule.params.gamma, 0)]).toEqual([true, true, true]);
    expect(Object.is(decodeMnist('#m.l2=-0', VOCABULARY).options.l2, 0)).toBe(true);
  });

  it("writes control characters and line separators, in the link's text or a checker's message, as escapes", () => {
    expect(decodeView('#s=bowl&steps=a%E2%80%A8b%00c', VOCABULARY).notices).toEqual(['Ignored the step budget "a\\u2028b\\u0000c": expected a whole number from 0 to 1000000.']);
    expect(decodeView('#s=bowl&sched=%1B%5B31m', VOCABULARY).notices[0]).toMatch(/^Ignored the learning-rate schedule "\\u001b\[31m": unknown schedule "\\u001b\[31m" \(expected one of /);
  });

  it('reads the first of a repeated key, and says nothing of the others', () => {
    expect(decodeView('#s=bowl&steps=10&steps=oops&s=himmelblau', VOCABULARY)).toEqual({ view: surfaceView('bowl', { steps: 10 }), notices: [] });
    expect(decodeMnist('#m.epochs=3&m.epochs=x', VOCABULARY)).toEqual({ options: mnist({ epochs: 3 }), notices: [] });
  });

  it('keeps a 10 kB value out of the notice, quoting at most 40 characters of it', () => {
    for (const [key, fieldWord] of [['steps', 'step budget'], ['sched', 'learning-rate schedule'], ['m.hidden', 'hidden layers']] as const) {
      const { notices } = key.startsWith('m.') ? decodeMnist(`#${key}=${'9'.repeat(10_240)}`, VOCABULARY) : decodeView(`#s=bowl&${key}=${'9'.repeat(10_240)}`, VOCABULARY);
      expect(notices, key).toHaveLength(1);
      expect(notices[0]).toContain(fieldWord);
      expect(notices[0].length).toBeLessThan(200);
    }
  });
});

/** Deep equality that tells −0 from 0 (a −0 that came back as 0 is a different double). */
function equal(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' || typeof b === 'number') return Object.is(a, b);
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

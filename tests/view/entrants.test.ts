/**
 * Entrants (issue 9, "the same optimizer more than once"): the `opt=` / `--optimizers` syntax read and
 * written, the labels of identical entrants, the link round trip, and old links (`opt=sgd,adam` with
 * `adam.lr=` keys) opening the very race they opened before entrants existed.
 */
import { describe, expect, it } from 'vitest';
import { compileExpression, expressionObjective } from '../../src/math/expression/index.ts';
import { getOptimizer } from '../../src/optim/index.ts';
import type { OptimizerId } from '../../src/optim/types.ts';
import { run } from '../../src/run/run.ts';
import { parseSchedule } from '../../src/run/schedules.ts';
import { entrantLabels, formatEntrants, parseEntrant, parseEntrants, plainEntrant, plainEntrants } from '../../src/view/entrants.ts';
import { defaultView } from '../../src/view/fields.ts';
import { decodeView, encodeView } from '../../src/view/link.ts';
import { raceForView } from '../../src/view/race.ts';
import type { ViewEntrant, ViewState } from '../../src/view/state.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';

const parse = (text: string) => parseEntrants(text, VOCABULARY);
/** The entrants read (a list with bad words is still read, in part). */
const read = (text: string): ViewEntrant[] => {
  const r = parse(text);
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.error)}`);
  return r.value;
};
const own = (optimizer: OptimizerId, values: Record<string, number>, schedule: string | null = null): ViewEntrant => ({
  optimizer,
  own: values,
  schedule: schedule === null ? null : parseSchedule(schedule),
  batch: null,
});

describe('parseEntrants: good input', () => {
  it('reads ID and ID:PARAM=VALUE:…, the same optimizer more than once', () => {
    expect(parse('sgd,adam,adam:lr=0.1')).toEqual({ ok: true, value: [plainEntrant('sgd'), plainEntrant('adam'), own('adam', { lr: 0.1 })], dropped: [] });
    expect(read('adam:lr=0.1:beta1=0.8')).toEqual([own('adam', { lr: 0.1, beta1: 0.8 })]);
  });

  it("writes an entrant's parameters in its optimizer's spec order, so equal entrants have equal texts", () => {
    const r = parse('adam:eps=1e-6:beta1=0.8:lr=0.1');
    expect(r.ok && formatEntrants(r.value)).toBe('adam:lr=0.1:beta1=0.8:eps=0.000001');
    expect(Object.keys(r.ok ? r.value[0].own : {})).toEqual(['lr', 'beta1', 'eps']);
  });

  it('groups entrants by optimizer in registry order, one optimizer\'s in the order given', () => {
    const r = parse('adam:lr=0.2,sgd,adam,momentum:beta=0.5,adam:lr=0.1');
    expect(r.ok && formatEntrants(r.value)).toBe('sgd,momentum:beta=0.5,adam:lr=0.2,adam,adam:lr=0.1');
  });

  it('takes spaces around words and skips empty ones; an empty list is no entrant', () => {
    expect(read(' sgd , ,adam : lr = 0.1,')).toEqual([plainEntrant('sgd'), own('adam', { lr: 0.1 })]);
    expect(parse('')).toEqual({ ok: true, value: [], dropped: [] });
  });

  it('reads a schedule of its own in brackets, which keep its ":" and "," apart from the entrant separators', () => {
    const r = parse('sgd:lr=0.5:sched=[step:gamma=0.5,size=10],adam:sched=[multistep:gamma=0.1,at=10/20]');
    expect(r.ok && r.value).toEqual([own('sgd', { lr: 0.5 }, 'step:gamma=0.5,size=10'), own('adam', {}, 'multistep:gamma=0.1,at=10/20')]);
    expect(r.ok && formatEntrants(r.value)).toBe('sgd:lr=0.5:sched=[step:gamma=0.5,size=10],adam:sched=[multistep:gamma=0.1,at=10/20]');
    expect(read('sgd:sched=[fixed]')).toEqual([own('sgd', {}, 'fixed')]);
  });
});

describe('parseEntrants: bad input, each dropped with a reason that says what is wrong', () => {
  const reasons = (text: string) => {
    const r = parse(text);
    if (!r.ok) return [r.error];
    return r.dropped ?? [];
  };

  it.each([
    ['sgd,adamax', { kind: 'unknown', noun: 'optimizer', word: 'adamax' }],
    ['adam:gamma=1', { kind: 'unknown', noun: 'adam hyperparameter', word: 'gamma', choices: ['lr', 'beta1', 'beta2', 'eps', 'batch', 'sched'] }],
    ['adadelta:lr=0.1', { kind: 'unknown', noun: 'adadelta hyperparameter', word: 'lr' }],
    ['adam:lr=abc', { kind: 'rejected', message: 'entrant "adam:lr=abc": lr expects a number from 0.00001 to 10, got "abc"' }],
    ['adam:lr=20', { kind: 'rejected', message: 'entrant "adam:lr=20": lr expects a number from 0.00001 to 10, got "20"' }],
    ['adam:beta1=1', { kind: 'rejected', message: 'entrant "adam:beta1=1": beta1 expects a number from 0 to 0.9999, got "1"' }],
    ['adam:lr', { kind: 'rejected', message: 'entrant "adam:lr": expected PARAM=VALUE after "adam:", got "lr"' }],
    ['adam:', { kind: 'rejected', message: 'entrant "adam:": expected PARAM=VALUE after "adam:", got ""' }],
    ['adam:lr=0.1:lr=0.2', { kind: 'rejected', message: 'entrant "adam:lr=0.1:lr=0.2": lr given twice' }],
    ['sgd:sched=step', { kind: 'rejected', message: 'entrant "sgd:sched=step": sched expects a schedule in brackets, e.g. sched=[step:gamma=0.5,size=10]' }],
    ['sgd:sched=[cosine]', { kind: 'rejected', message: expect.stringMatching(/^entrant "sgd:sched=\[cosine\]": sched: unknown schedule "cosine"/) }],
    ['sgd:sched=[step:gamma=x]', { kind: 'rejected', message: 'entrant "sgd:sched=[step:gamma=x]": sched: schedule step: gamma must be a number, got "x"' }],
    ['adam:__proto__=1', { kind: 'rejected', message: 'entrant "adam:__proto__=1": expected PARAM=VALUE after "adam:", got "__proto__=1"' }],
    ['adam:constructor=1', { kind: 'unknown', noun: 'adam hyperparameter', word: 'constructor' }],
  ])('%s', (text, reason) => {
    expect(reasons(text)).toEqual([expect.objectContaining(reason)]);
  });

  it('keeps the good entrants of a list with bad ones (a link keeps them with a notice)', () => {
    const r = parse('sgd,adam:lr=abc,adamax,adam');
    expect(read('sgd,adam:lr=abc,adamax,adam')).toEqual(plainEntrants(['sgd', 'adam']));
    expect(r.ok && r.dropped).toHaveLength(2);
  });

  it('refuses a list whose brackets do not balance', () => {
    expect(parse('sgd:sched=[step,adam')).toEqual({ ok: false, error: { kind: 'rejected', message: 'unbalanced [ ] in the entrant list' } });
    expect(parseEntrant('sgd]', VOCABULARY)).toMatchObject({ ok: false, error: { kind: 'rejected', message: 'entrant "sgd]": unbalanced [ ]' } });
  });

  it('races at most 24 entrants', () => {
    const r = parse(Array(30).fill('sgd').join(','));
    expect(read(Array(30).fill('sgd').join(','))).toHaveLength(24);
    expect(r.ok && r.dropped).toEqual([{ kind: 'rejected', message: 'at most 24 entrants race; "sgd" and the rest were left out' }]);
  });

  it('quotes at most 40 characters of what was typed', () => {
    const [reason] = reasons(`adam:lr=${'9'.repeat(10_000)}`);
    expect(reason.kind === 'rejected' && reason.message.length).toBeLessThan(160);
  });
});

describe('entrantLabels', () => {
  it('labels identical entrants adam, adam#2, adam#3, and entrants with settings by their text', () => {
    const r = parse('adam,adam,adam:lr=0.1,adam,adam:lr=0.1,sgd');
    if (!r.ok) throw new Error('parses');
    expect(entrantLabels(r.value).map((l) => l.label)).toEqual(['sgd', 'adam', 'adam#2', 'adam:lr=0.1', 'adam#3', 'adam:lr=0.1#2']);
    expect(entrantLabels(r.value).map((l) => l.copy)).toEqual([1, 1, 2, 1, 3, 2]);
  });
});

describe('entrants in links', () => {
  const bowl = defaultView(VOCABULARY.surfaces[0], VOCABULARY);
  const roundTrip = (view: ViewState) => decodeView(`#${encodeView(view, VOCABULARY)}`, VOCABULARY);

  it('opens the classic seven by default and writes no opt= for them', () => {
    expect(bowl.entrants.map((e) => e.optimizer)).toEqual(['sgd', 'momentum', 'nag', 'adagrad', 'adadelta', 'rmsprop', 'adam']);
    expect(new URLSearchParams(encodeView(bowl, VOCABULARY)).has('opt')).toBe(false);
  });

  it('carries entrants with the CLI syntax and round-trips them exactly', () => {
    const view: ViewState = {
      ...bowl,
      entrants: [plainEntrant('sgd'), plainEntrant('adam'), own('adam', { lr: 0.1 + 0.2, beta1: 0.8 }), plainEntrant('adam'), own('sgd', {}, 'exp:gamma=0.99')].sort(
        (a, b) => (a.optimizer === b.optimizer ? 0 : a.optimizer === 'sgd' ? -1 : 1),
      ),
    };
    const hash = encodeView(view, VOCABULARY);
    expect(new URLSearchParams(hash).get('opt')).toBe('sgd,sgd:sched=[exp:gamma=0.99],adam,adam:lr=0.30000000000000004:beta1=0.8,adam');
    expect(roundTrip(view)).toEqual({ view, notices: [] });
  });

  it('says what it ignored in an entrant list, keeping the rest', () => {
    const r = decodeView('#s=bowl&opt=sgd,adam:lr=abc,adamax,adam:lr=0.1', VOCABULARY);
    expect(r.view.entrants).toEqual([plainEntrant('sgd'), own('adam', { lr: 0.1 })]);
    expect(r.notices).toEqual([
      'Ignored the optimizers "sgd,adam:lr=abc,adamax,adam:lr=0.1": entrant "adam:lr=abc": lr expects a number from 0.00001 to 10, got "abc".',
      'Ignored the unknown optimizer "adamax".',
    ]);
  });

  it('keeps an old link (opt=…, OPT.PARAM keys) opening the same race, and writes it back unchanged', () => {
    const old = 's=himmelblau&start=-4%2C-4&target=0.001&steps=80&noise=0&seed=1&opt=sgd%2Cnag%2Cadam&adam.lr=0.05&k=40';
    const { view, notices } = decodeView(`#${old}`, VOCABULARY);
    expect(notices).toEqual([]);
    expect(view.entrants).toEqual(plainEntrants(['sgd', 'nag', 'adam']));
    expect(encodeView(view, VOCABULARY)).toBe(`v=2&${old}`);
    // The race as it was computed before entrants: one run per optimizer with the view's hyperparameters.
    const compiled = compileExpression(view.expr);
    if (!compiled.ok) throw new Error('compiles');
    const objective = expressionObjective(compiled.value);
    const before = (['sgd', 'nag', 'adam'] as const).map((id) =>
      run({ objective, optimizer: getOptimizer(id), hyper: view.hyper[id], start: view.start, steps: view.steps, target: view.target ?? -Infinity }),
    );
    const now = raceForView(view);
    expect(now.map((r) => r.entrant)).toEqual(['sgd', 'nag', 'adam']);
    now.forEach((r, i) => {
      expect(r.xs).toEqual(before[i].xs);
      expect(r.ys).toEqual(before[i].ys);
      expect([r.hit, r.settled, r.hyper]).toEqual([before[i].hit, before[i].settled, before[i].hyper]);
    });
    expect(now[2].hyper.lr).toBe(0.05);
  });

  it('lets adam.lr= set every adam entrant that has no lr of its own', () => {
    const { view } = decodeView('#s=bowl&opt=adam,adam:lr=0.1,adam:beta1=0.5&adam.lr=0.05', VOCABULARY);
    expect(raceForView(view).map((r) => [r.entrant, r.hyper.lr, r.hyper.beta1])).toEqual([
      ['adam', 0.05, 0.9],
      ['adam:lr=0.1', 0.1, 0.9],
      ['adam:beta1=0.5', 0.05, 0.5],
    ]);
  });
});

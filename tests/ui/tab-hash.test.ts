import { describe, expect, it } from 'vitest';
import { lessonOf, mnistPart, tabOf, viewPart, withLesson, withMnistPart, withShellOf, withTab } from '../../src/ui/tab-hash.ts';

describe('tabOf', () => {
  it('reads tab=mnist, with or without the leading #, and defaults to surfaces otherwise', () => {
    expect(tabOf('#s=rosenbrock&tab=mnist')).toBe('mnist');
    expect(tabOf('tab=mnist')).toBe('mnist');
    expect(tabOf('#s=rosenbrock')).toBe('surfaces');
    expect(tabOf('')).toBe('surfaces');
    expect(tabOf('#tab=%3Cscript%3E')).toBe('surfaces');
    expect(tabOf('#tab=MNIST')).toBe('surfaces');
  });
  it('reads tab=lessons', () => {
    expect(tabOf('#s=bowl&tab=lessons')).toBe('lessons');
    expect(tabOf('#tab=lesson')).toBe('surfaces');
  });
});

describe('withTab', () => {
  it('appends tab=mnist and keeps every other parameter verbatim and in order', () => {
    expect(withTab('#s=rosenbrock&start=-1.2,1&f=x%5E2%20%2B%20y', 'mnist')).toBe('s=rosenbrock&start=-1.2,1&f=x%5E2%20%2B%20y&tab=mnist');
  });
  it('removes the parameter for the surfaces tab, wherever it was', () => {
    expect(withTab('tab=mnist&s=rosenbrock&k=3', 'surfaces')).toBe('s=rosenbrock&k=3');
    expect(withTab('#s=rosenbrock&tab=mnist', 'surfaces')).toBe('s=rosenbrock');
  });
  it('replaces an existing or repeated tab parameter instead of adding a second one', () => {
    expect(withTab('s=himmelblau&tab=x&tab=mnist&tabs=1', 'mnist')).toBe('s=himmelblau&tabs=1&tab=mnist');
  });
  it('gives an empty hash for an empty hash on the default tab, and a lone tab otherwise', () => {
    expect(withTab('', 'surfaces')).toBe('');
    expect(withTab('#', 'mnist')).toBe('tab=mnist');
  });
  it('round-trips through tabOf', () => {
    for (const t of ['surfaces', 'mnist', 'lessons'] as const) expect(tabOf(withTab('s=rosenbrock&tab=mnist', t))).toBe(t);
  });
});

describe('the MNIST part of the hash', () => {
  it('reads, replaces and removes the m. keys, keeping the others and tab last', () => {
    expect(mnistPart('#v=2&s=bowl&m.opt=sgd&m.seed=3&tab=mnist')).toBe('m.opt=sgd&m.seed=3');
    expect(withMnistPart('#v=2&s=bowl&m.opt=sgd&tab=mnist&k=3', 'm.epochs=5')).toBe('v=2&s=bowl&k=3&m.epochs=5&tab=mnist');
    expect(withMnistPart('v=2&m.opt=sgd', '')).toBe('v=2');
    expect(withMnistPart('', 'm.seed=2')).toBe('m.seed=2');
  });
  it('keeps the MNIST options and the tab when the surfaces view writes its hash', () => {
    expect(withShellOf('v=2&s=rosenbrock&k=9', '#v=2&s=bowl&m.opt=sgd%2Cadam&tab=mnist')).toBe('v=2&s=rosenbrock&k=9&m.opt=sgd%2Cadam&tab=mnist');
    expect(withShellOf('v=2&s=rosenbrock', '#v=2&s=bowl')).toBe('v=2&s=rosenbrock');
    expect(viewPart('#v=2&s=bowl&m.opt=sgd&tab=mnist')).toBe('v=2&s=bowl');
  });
});

describe('the open lesson in the hash', () => {
  it('reads lesson= on the Lessons tab only, as written', () => {
    expect(lessonOf('#tab=lessons&lesson=ewa')).toBe('ewa');
    expect(lessonOf('#lesson=ewa&tab=lessons')).toBe('ewa');
    expect(lessonOf('#tab=lessons')).toBeNull();
    expect(lessonOf('#s=bowl&lesson=ewa')).toBeNull();
    expect(lessonOf('#tab=lessons&lesson=%3Cb%3E')).toBe('<b>');
  });
  it('sets, replaces and removes it just before tab, keeping the rest verbatim', () => {
    expect(withLesson('#s=bowl&tab=lessons', 'ewa')).toBe('s=bowl&lesson=ewa&tab=lessons');
    expect(withLesson('s=bowl&lesson=adam&tab=lessons&lesson=x', 'lr-decay')).toBe('s=bowl&lesson=lr-decay&tab=lessons');
    expect(withLesson('s=bowl&lesson=adam&tab=lessons', null)).toBe('s=bowl&tab=lessons');
    expect(withLesson('', 'a b')).toBe('lesson=a%20b');
    expect(lessonOf(withLesson('tab=lessons', 'linreg-race'))).toBe('linreg-race');
  });
  it('belongs to the Lessons tab: leaving it drops the lesson, and the surfaces view never sees it', () => {
    expect(withTab('s=bowl&lesson=ewa&tab=lessons', 'surfaces')).toBe('s=bowl');
    expect(withTab('s=bowl&lesson=ewa&tab=lessons', 'mnist')).toBe('s=bowl&tab=mnist');
    expect(withTab('s=bowl&lesson=ewa', 'lessons')).toBe('s=bowl&lesson=ewa&tab=lessons');
    expect(viewPart('#v=2&s=bowl&lesson=ewa&tab=lessons')).toBe('v=2&s=bowl');
    expect(withShellOf('v=2&s=rosenbrock', '#v=2&s=bowl&lesson=ewa&tab=lessons')).toBe('v=2&s=rosenbrock&lesson=ewa&tab=lessons');
  });
});

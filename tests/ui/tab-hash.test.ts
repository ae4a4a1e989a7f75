import { describe, expect, it } from 'vitest';
import { tabOf, withTab } from '../../src/ui/tab-hash.ts';

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

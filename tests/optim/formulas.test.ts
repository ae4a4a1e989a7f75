/**
 * Every optimizer's formula and every hyperparameter symbol is valid KaTeX (the UI renders them).
 */
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { OPTIMIZERS } from '../../src/optim/index.ts';

describe('optimizer formulas', () => {
  it.each(OPTIMIZERS.map((o) => [o.id, o] as const))('%s renders with KaTeX in strict mode', (_, o) => {
    const html = katex.renderToString(o.formula, { displayMode: true, throwOnError: true, strict: 'error' });
    expect(html).toContain('katex');
    for (const h of o.hyper) expect(() => katex.renderToString(h.tex, { throwOnError: true, strict: 'error' })).not.toThrow();
  });
});

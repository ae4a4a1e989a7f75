import { describe, expect, it } from 'vitest';
import { fromSlider, parseNumberField, toSlider } from '../../src/ui/surfaces/number-input.ts';
import { OPTIMIZERS } from '../../src/optim/index.ts';

const lr = OPTIMIZERS.find((o) => o.id === 'adam')!.hyper.find((h) => h.key === 'lr')!;

describe('parseNumberField', () => {
  it('accepts plain and exponent numbers inside the range', () => {
    expect(parseNumberField(' 0.05 ', lr)).toEqual({ ok: true, value: 0.05 });
    expect(parseNumberField('1e-3', lr)).toEqual({ ok: true, value: 0.001 });
  });
  it('rejects text, hex, Infinity, out-of-range and fractional counts with a message', () => {
    expect(parseNumberField('abc', lr)).toEqual({ ok: false, message: 'Enter a number, like 0.01 or 1e-3.' });
    expect(parseNumberField('0x10', lr).ok).toBe(false);
    expect(parseNumberField('Infinity', lr).ok).toBe(false);
    expect(parseNumberField('1e400', lr)).toEqual({ ok: false, message: 'Enter a finite number.' });
    expect(parseNumberField('20', lr)).toEqual({ ok: false, message: `Enter a number from ${lr.min} to ${lr.max}.` });
    expect(parseNumberField('2.5', { min: 1, max: 10, integer: true })).toEqual({ ok: false, message: 'Enter a whole number.' });
  });
});

describe('log slider mapping', () => {
  it('maps decades to equal slider lengths and back, rounded to 3 significant digits', () => {
    expect(toSlider(0.01, lr, true)).toBeCloseTo(-2, 12);
    expect(fromSlider(-2, lr, true)).toBe(0.01);
    // 10^-1.5 = 0.0316227766… → 0.0316
    expect(fromSlider(-1.5, lr, true)).toBe(0.0316);
    expect(fromSlider(5, lr, true)).toBe(lr.max);
  });
  it('is the identity on linear scales, clamped to the range', () => {
    expect(toSlider(0.9, { min: 0, max: 1 }, false)).toBe(0.9);
    expect(fromSlider(1.2, { min: 0, max: 1 }, false)).toBe(1);
  });
});

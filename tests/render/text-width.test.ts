import { describe, expect, it } from 'vitest';
import { ellipsize, fitText, textWidth, wrapText } from '../../src/render/text-width.ts';

describe('textWidth', () => {
  it('sums DejaVu Sans advance widths: "10" at 10 px is 2 × 0.636 em', () => {
    expect(textWidth('10', { size: 10 })).toBeCloseTo(12.72, 9);
    expect(textWidth('10', { size: 10, bold: true })).toBeCloseTo(13.992, 9);
    expect(textWidth('f(x, y)', { size: 10, family: 'mono' })).toBeCloseTo(7 * 6.02, 9);
  });
});

describe('wrapText and fitText', () => {
  const font = { size: 10, family: 'mono' as const };
  it('breaks at spaces into lines no wider than the limit', () => {
    // 6.02 px per character: 60 px hold 9 characters.
    expect(wrapText('aa bb cc dd ee', 60, font)).toEqual(['aa bb cc', 'dd ee']);
  });
  it('breaks a long word after an operator where it can', () => {
    expect(wrapText('(1-x)^2+100*(y-x^2)^2', 60, font)).toEqual(['(1-x)^2+', '100*(y-', 'x^2)^2']);
  });
  it('shrinks before wrapping into more lines than allowed, and cuts with … only at the smallest size', () => {
    const text = 'x '.repeat(20).trim();
    expect(fitText(text, 200, 1, [10, 6], 'mono').size).toBe(6);
    const cut = fitText('word '.repeat(40), 100, 2, [10, 9], 'mono');
    expect(cut.size).toBe(9);
    expect(cut.lines).toHaveLength(2);
    expect(cut.lines[1].endsWith('…')).toBe(true);
    for (const line of cut.lines) expect(textWidth(line, { size: 9, family: 'mono' })).toBeLessThanOrEqual(100);
  });
  it('ellipsize keeps text that fits and cuts what does not', () => {
    expect(ellipsize('Adam', 100, { size: 12 })).toBe('Adam');
    expect(ellipsize('AdaDelta', 30, { size: 12 })).toBe('Ad…');
  });
});

import { describe, expect, it } from 'vitest';
import { mistakes } from '../../src/ui/mnist/mistakes.ts';

describe('mistakes', () => {
  const labels = [3, 5, 5, 7, 5, 1, 5];
  const predictions = [3, 3, 5, 1, 3, 1, 6];
  it('lists every misclassified digit in test-set order', () => {
    expect(mistakes(labels, predictions, null)).toEqual([1, 3, 4, 6]);
  });
  it('lists one (true, predicted) pair, all of its digits, and nothing for a pair that never happens', () => {
    expect(mistakes(labels, predictions, { truth: 5, predicted: 3 })).toEqual([1, 4]);
    expect(mistakes(labels, predictions, { truth: 3, predicted: 5 })).toEqual([]);
    // A diagonal pair is no mistake.
    expect(mistakes(labels, predictions, { truth: 5, predicted: 5 })).toEqual([]);
  });
  it('reaches past the first page: 100 digits of one pair are all listed', () => {
    const n = 1000;
    const l = Array.from({ length: n }, (_, i) => (i % 10 === 0 ? 4 : 0));
    const p = Array.from({ length: n }, (_, i) => (i % 10 === 0 ? 9 : 0));
    expect(mistakes(l, p, { truth: 4, predicted: 9 })).toHaveLength(100);
  });
});

import { describe, expect, it } from 'vitest';
import { FIXED, formatSchedule, learningRateAt, parseSchedule, SCHEDULES } from '../../src/run/schedules.ts';

describe('learning-rate schedules', () => {
  it('step: the textbook worked numbers, γ 0.9 every 50 steps from 0.1 → 0.1, 0.09, 0.081, 0.0729', () => {
    const s = parseSchedule('step:gamma=0.9,size=50');
    expect(learningRateAt(s, 0.1, 0, 0)).toBe(0.1);
    expect(learningRateAt(s, 0.1, 49, 0)).toBe(0.1);
    expect(learningRateAt(s, 0.1, 50, 0)).toBeCloseTo(0.09, 15);
    expect(learningRateAt(s, 0.1, 99, 0)).toBeCloseTo(0.09, 15);
    expect(learningRateAt(s, 0.1, 100, 0)).toBeCloseTo(0.081, 15);
    expect(learningRateAt(s, 0.1, 150, 0)).toBeCloseTo(0.0729, 15);
  });

  it('multistep drops by γ at each listed iteration', () => {
    const s = parseSchedule('multistep:gamma=0.1,at=100/300');
    expect([0, 99, 100, 299, 300, 5000].map((t) => learningRateAt(s, 1, t, 0))).toEqual([1, 1, 0.1, 0.1, 0.1 ** 2, 0.1 ** 2]);
  });

  it('exp, inv, poly and course follow their formulas', () => {
    // exp: 0.5 · 0.9^3 = 0.3645
    expect(learningRateAt(parseSchedule('exp:gamma=0.9'), 0.5, 3, 0)).toBeCloseTo(0.3645, 15);
    // inv: 0.1 · (1 + 0.5·6)^(−0.5) = 0.1 / 2 = 0.05
    expect(learningRateAt(parseSchedule('inv:gamma=0.5,power=0.5'), 0.1, 6, 0)).toBeCloseTo(0.05, 15);
    // poly: 0.2 · (1 − 25/100)^2 = 0.2 · 0.5625 = 0.1125; zero from T on
    const poly = parseSchedule('poly:power=2,max=100');
    expect(learningRateAt(poly, 0.2, 25, 0)).toBeCloseTo(0.1125, 15);
    expect(learningRateAt(poly, 0.2, 100, 0)).toBe(0);
    // course: 0.2 / (1 + 1·3) = 0.05, independent of the iteration
    const course = parseSchedule('course:decay=1');
    expect(learningRateAt(course, 0.2, 999, 3)).toBeCloseTo(0.05, 15);
    expect(learningRateAt(course, 0.2, 0, 0)).toBe(0.2);
    expect(learningRateAt(FIXED, 0.3, 12345, 7)).toBe(0.3);
  });

  it('takes defaults for missing keys and round-trips through formatSchedule', () => {
    for (const def of SCHEDULES) {
      const s = parseSchedule(def.kind);
      expect(parseSchedule(formatSchedule(s))).toEqual(s);
    }
    expect(formatSchedule(parseSchedule('step:size=10'))).toBe('step:gamma=0.9,size=10');
    expect(formatSchedule(parseSchedule('multistep:at=5/9'))).toBe('multistep:gamma=0.1,at=5/9');
  });

  it('rejects bad specs with a message naming the problem', () => {
    expect(() => parseSchedule('cosine')).toThrow(/unknown schedule "cosine"/);
    expect(() => parseSchedule('step:gamma')).toThrow(/expected key=value/);
    expect(() => parseSchedule('step:rate=2')).toThrow(/no parameter "rate" \(expected gamma, size\)/);
    expect(() => parseSchedule('step:gamma=abc')).toThrow(/gamma must be a number/);
    expect(() => parseSchedule('step:size=2.5')).toThrow(/size must be an integer/);
    expect(() => parseSchedule('step:size=0')).toThrow(/outside/);
    expect(() => parseSchedule('multistep:at=300/100')).toThrow(/must increase/);
    expect(() => parseSchedule('fixed:gamma=1')).toThrow(/no parameter "gamma"/);
  });
});

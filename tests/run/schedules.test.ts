import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { FIXED, formatSchedule, isFixed, learningRateAt, parseSchedule, SCHEDULES, WARMUP_FORMULA, WARMUP_PARAM, withWarmup } from '../../src/run/schedules.ts';

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

  it('cos: η₀·(m + (1 − m)(1 + cos(πt/T))/2), worked at t = 0, T/2, T and after', () => {
    const s = parseSchedule('cos:max=1000,min=0');
    // t = 0: (1 + cos 0)/2 = 1 → 0.2;  t = T/2: (1 + cos(π/2))/2 = ½ → 0.1;  t = T: (1 + cos π)/2 = 0 → 0
    expect(learningRateAt(s, 0.2, 0, 0)).toBe(0.2);
    expect(learningRateAt(s, 0.2, 500, 0)).toBeCloseTo(0.1, 15);
    expect(learningRateAt(s, 0.2, 1000, 0)).toBe(0);
    expect(learningRateAt(s, 0.2, 5000, 0)).toBe(0);
    // t = T/4: (1 + cos(π/4))/2 = (1 + 0.70710678)/2 = 0.85355339 → 0.170710678
    expect(learningRateAt(s, 0.2, 250, 0)).toBeCloseTo(0.170710678118655, 14);
    // The floor is a fraction of η₀: m = 0.1 → t = 0: 0.2; T/2: 0.2·(0.1 + 0.9·½) = 0.11; T: 0.2·0.1 = 0.02
    const floored = parseSchedule('cos:max=1000,min=0.1');
    expect(learningRateAt(floored, 0.2, 0, 0)).toBeCloseTo(0.2, 15);
    expect(learningRateAt(floored, 0.2, 500, 0)).toBeCloseTo(0.11, 15);
    expect(learningRateAt(floored, 0.2, 1000, 0)).toBeCloseTo(0.02, 15);
    expect(learningRateAt(floored, 0.2, 1e6, 0)).toBeCloseTo(0.02, 15);
  });

  it('warmup: η₀·min(1, (t+1)/W), worked at t = 0, W − 1 and W', () => {
    const s = parseSchedule('warmup:steps=100');
    expect(s).toEqual({ ...FIXED, warmup: 100 });
    expect(isFixed(s)).toBe(false);
    // t = 0: 0.5·1/100 = 0.005;  t = 49: 0.5·50/100 = 0.25;  t = W − 1 = 99: 0.5;  t = W = 100: 0.5
    expect(learningRateAt(s, 0.5, 0, 0)).toBe(0.005);
    expect(learningRateAt(s, 0.5, 49, 0)).toBe(0.25);
    expect(learningRateAt(s, 0.5, 99, 0)).toBe(0.5);
    expect(learningRateAt(s, 0.5, 100, 0)).toBe(0.5);
    // W = 1 is no warm-up at all.
    expect(learningRateAt(parseSchedule('warmup:steps=1'), 0.5, 0, 0)).toBe(0.5);
  });

  it('warmup composes with cos by multiplying on the same clock, worked at t = 0, W, T/2, T', () => {
    // warmup:steps=100+cos:max=1000,min=0 with η₀ = 0.2:
    //   t = 0:    (1/100)·0.2·1 = 0.002
    //   t = 99:   1·0.2·(1 + cos(0.099π))/2 = 0.2·(1 + 0.95184)/2 = 0.195184   (warm-up done; the cosine has begun)
    //   t = W = 100: 0.2·(1 + cos(0.1π))/2 = 0.2·(1 + 0.95105652)/2 = 0.195105652
    //   t = T/2 = 500: 0.2·½ = 0.1;  t = T = 1000: 0
    const s = parseSchedule('warmup:steps=100+cos:max=1000,min=0');
    expect(learningRateAt(s, 0.2, 0, 0)).toBeCloseTo(0.002, 15);
    expect(learningRateAt(s, 0.2, 99, 0)).toBeCloseTo((0.2 * (1 + Math.cos(0.099 * Math.PI))) / 2, 15);
    expect(learningRateAt(s, 0.2, 100, 0)).toBeCloseTo(0.195105651629515, 14);
    expect(learningRateAt(s, 0.2, 500, 0)).toBeCloseTo(0.1, 15);
    expect(learningRateAt(s, 0.2, 1000, 0)).toBe(0);
    // With step: the drops keep their iterations (η at t = 50 is ½·0.9⁰·0.2 = 0.1, at t = 100 it is 0.9·0.2).
    const step = parseSchedule('warmup:steps=100+step:gamma=0.9,size=100');
    expect(learningRateAt(step, 0.2, 49, 0)).toBeCloseTo(0.1, 15);
    expect(learningRateAt(step, 0.2, 100, 0)).toBeCloseTo(0.18, 15);
  });

  it('writes a warm-up first and joins with "+"; reads "+" or a space (a link\'s "+"), in either order', () => {
    const composed = parseSchedule('warmup:steps=100+cos:max=1000,min=0.1');
    expect(composed).toEqual({ kind: 'cos', params: { max: 1000, min: 0.1 }, at: [], warmup: 100 });
    // Without a warm-up the schedule has no `warmup` key at all: what it always was.
    expect(Object.keys(parseSchedule('cos'))).toEqual(['kind', 'params', 'at']);
    expect(formatSchedule(composed)).toBe('warmup:steps=100+cos:max=1000,min=0.1');
    expect(parseSchedule('cos:max=1000,min=0.1 + warmup:steps=100')).toEqual(composed);
    expect(parseSchedule('warmup:steps=100 cos:max=1000,min=0.1')).toEqual(composed);
    // What a link's hash gives back: '+' is a space to URLSearchParams, %2B a '+'.
    const hash = new URLSearchParams('sched=warmup:steps=100+cos:max=1000,min=0.1');
    expect(parseSchedule(hash.get('sched')!)).toEqual(composed);
    const written = new URLSearchParams({ sched: formatSchedule(composed) }).toString();
    expect(written).toBe('sched=warmup%3Asteps%3D100%2Bcos%3Amax%3D1000%2Cmin%3D0.1');
    expect(parseSchedule(new URLSearchParams(written).get('sched')!)).toEqual(composed);
    // Alone: a warm-up to the fixed rate; joined to fixed it is the same schedule.
    expect(formatSchedule(parseSchedule('warmup:steps=20'))).toBe('warmup:steps=20');
    expect(parseSchedule('warmup:steps=20+fixed')).toEqual(parseSchedule('warmup:steps=20'));
    expect(formatSchedule(parseSchedule('warmup'))).toBe('warmup:steps=100');
    expect(formatSchedule(parseSchedule('warmup:steps=5+multistep:at=10/20'))).toBe('warmup:steps=5+multistep:gamma=0.1,at=10/20');
    // Spaces inside a spec still read as before.
    expect(parseSchedule('step: gamma=0.5, size=10')).toEqual(parseSchedule('step:gamma=0.5,size=10'));
    for (const text of ['cos', 'warmup:steps=7+exp:gamma=0.99', 'warmup:steps=3+course:decay=0.5']) {
      expect(parseSchedule(formatSchedule(parseSchedule(text)))).toEqual(parseSchedule(text));
    }
  });

  it('rejects bad warm-ups and compositions with a message naming the problem', () => {
    expect(() => parseSchedule('warmup:steps=0')).toThrow(/warmup: steps = 0 is outside \[1, 1000000000\]/);
    expect(() => parseSchedule('warmup:steps=2.5')).toThrow(/warmup: steps must be an integer/);
    expect(() => parseSchedule('warmup:length=5')).toThrow(/warmup has no parameter "length" \(expected steps\)/);
    expect(() => parseSchedule('warmup:steps=5+warmup:steps=6')).toThrow(/warmup is given twice/);
    expect(() => parseSchedule('cos+step')).toThrow(/only a warmup:steps=W can be joined/);
    expect(() => parseSchedule('cos:min=2')).toThrow(/min = 2 is outside \[0, 1\]/);
    expect(() => parseSchedule('cosine')).toThrow(/expected one of fixed, step, multistep, exp, inv, poly, course, cos/);
  });

  it('every formula renders with KaTeX in strict mode, alone and with the warm-up factor', () => {
    for (const def of SCHEDULES) {
      for (const tex of [def.formula, def.formula + WARMUP_FORMULA, ...def.params.map((p) => p.tex), WARMUP_PARAM.tex]) {
        expect(() => katex.renderToString(tex, { displayMode: true, throwOnError: true, strict: 'error' })).not.toThrow();
      }
    }
  });

  it('withWarmup adds, replaces and removes the warm-up without touching the rest', () => {
    const cos = parseSchedule('cos:max=50');
    expect(withWarmup(cos, 10)).toEqual({ ...cos, warmup: 10 });
    expect(withWarmup(withWarmup(cos, 10), 0)).toEqual(cos);
    expect(Object.keys(withWarmup(withWarmup(cos, 10), 0))).toEqual(['kind', 'params', 'at']);
    expect(isFixed(withWarmup(FIXED, 0))).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { formatNumber, outcomeAt, outcomeText, outcomeTexts, raceSummary, shownIndex, type RecordedRun } from '../../src/render/race-status.ts';
import { getOptimizer } from '../../src/optim/index.ts';
import { raceForView } from '../../src/view/race.ts';
import { decodeView } from '../../src/view/link.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';

/** A recorded run with these losses (points at the origin); hit and settled as run() would give them for `target`. */
const run = (losses: number[], over: Partial<RecordedRun> = {}): RecordedRun => ({
  xs: new Float64Array(losses.length), ys: new Float64Array(losses.length), losses: Float64Array.from(losses),
  hit: null, settled: null, diverged: false, divergedAt: null, fStar: 0, ...over,
});
const at = (r: RecordedRun, k: number, target: number | null = 1) => outcomeText(outcomeAt(r, k, target));

// Target 1 throughout: within means loss ≤ 1.
// Touches at 1 (0.5), leaves at 2 (2), returns at 3 and stays to the end (5): hit 1, settled 3.
const late = run([5, 0.5, 2, 0.9, 0.8, 1], { hit: 1, settled: 3 });
// Touches at 1 and ends above the target: hit 1, settled null.
const leaves = run([5, 0.5, 2, 3], { hit: 1 });
// Reaches the target at 1 and stays: hit = settled = 1.
const stays = run([5, 0.5, 0.2], { hit: 1, settled: 1 });
// Within from the start, then a non-finite loss after update 2 (not recorded): diverged, settled null.
const divergesInside = run([0.5, 0.2], { hit: 0, diverged: true, divergedAt: 2 });

describe('outcomeAt / outcomeText: iterations to target is settled, and the first touch where it differs', () => {
  it('a run that settles late: not reached, touched (inside, then outside), then settled, green only from 3', () => {
    expect([0, 1, 2, 3, 4, 5].map((k) => at(late, k))).toEqual([
      'not reached',
      "touched at 1, won't stay",
      'touched at 1, then left it',
      '3 (touched at 1)',
      '3 (touched at 1)',
      '3 (touched at 1)',
    ]);
    expect([0, 1, 2, 3, 5].map((k) => outcomeAt(late, k, 1).kind)).toEqual(['not-reached', 'touched', 'touched', 'settled', 'settled']);
  });

  it('touch and leave: never green, and at the end it says it left', () => {
    expect(at(leaves, 1)).toBe("touched at 1, won't stay");
    expect(at(leaves, 3)).toBe('touched at 1, then left it');
    expect(outcomeAt(leaves, 3, 1)).toEqual({ kind: 'touched', hit: 1, left: true });
  });

  it('a run that stays from its first touch shows one number, once playback reaches it', () => {
    expect(at(stays, 0)).toBe('not reached');
    expect(at(stays, 1)).toBe('1');
    expect(outcomeAt(stays, 2, 1)).toEqual({ kind: 'settled', at: 1, hit: 1 });
  });

  it('divergence: at its iteration, with the touch it had; the shown index is clamped to the recorded iterates', () => {
    expect(at(divergesInside, 1)).toBe("touched at 0, won't stay");
    expect(at(divergesInside, 2)).toBe('touched at 0, diverged at 2');
    const never = run([9, 9, 9, 9], { diverged: true, divergedAt: 4 });
    expect(at(never, 3)).toBe('not reached');
    expect(at(never, 4)).toBe('diverged at 4');
    expect(at(never, 4, null)).toBe('diverged at 4');
    expect(shownIndex(never, 500)).toBe(3);
    expect(shownIndex(never, -1)).toBe(0);
  });

  it('no target: a dash, whatever the losses', () => {
    expect(at(run([0, 0]), 1, null)).toBe('—');
    expect(outcomeAt(run([0, 0]), 1, null)).toEqual({ kind: 'no-target' });
  });
});

describe('outcomeTexts: every text a run can show, for reserving legend space', () => {
  it('lists the touch texts only where the touch differs from settled', () => {
    expect(outcomeTexts(late, 1)).toEqual(['not reached', 'touched at 1, then left it', "touched at 1, won't stay", '3 (touched at 1)']);
    expect(outcomeTexts(stays, 1)).toEqual(['not reached', '1']);
    expect(outcomeTexts(divergesInside, 1)).toEqual(['not reached', 'touched at 0, then left it', "touched at 0, won't stay", 'touched at 0, diverged at 2']);
    expect(outcomeTexts(stays, null)).toEqual(['—']);
  });
});

describe('raceSummary: counts only the runs within the target at k and staying there', () => {
  const named = (name: string, r: RecordedRun) => ({ ...r, name });
  const runs = [named('Late', late), named('Leaves', leaves), named('Stays', stays)];

  it('names the first to settle and counts only the settled runs, not those that touched the target and left', () => {
    expect(raceSummary(runs, 0, 1)).toBe('By iteration 0, no optimizer has settled within the target.');
    // At 2, Late (inside at 1) and Leaves are above the target: only Stays counts.
    expect(raceSummary(runs, 2, 1)).toBe('Stays settled within the target first, in 1 iteration; 1 of 3 has settled by iteration 2.');
    // At 3 Late has settled; Leaves (touched at 1, above it at 3) still does not count.
    expect(raceSummary(runs, 3, 1)).toBe('Stays settled within the target first, in 1 iteration; 2 of 3 have settled by iteration 3.');
    expect(raceSummary([named('A', stays), named('B', stays)], 2, 1)).toBe(
      'A and B settled within the target first, in 1 iteration; 2 of 2 have settled by iteration 2.',
    );
    expect(raceSummary(runs, 3, null)).toMatch(/^No loss target is set/);
    expect(raceSummary([], 3, 1)).toBe('No optimizer is selected.');
  });

  it('the default bowl at iteration 200 does not claim 7 of 7: RMSprop sits at 0.0246 against 0.001', () => {
    const { view } = decodeView('#s=bowl', VOCABULARY);
    const bowl = raceForView(view).map((t) => ({ ...t, name: getOptimizer(t.optimizer).name }));
    expect(raceSummary(bowl, 200, view.target)).toBe(
      'SGD settled within the target first, in 23 iterations; 6 of 7 have settled by iteration 200.',
    );
    const rmsprop = bowl.find((t) => t.optimizer === 'rmsprop')!;
    expect(outcomeText(outcomeAt(rmsprop, 200, view.target))).toBe('touched at 32, then left it');
  });
});

describe('formatNumber', () => {
  it('writes four significant digits, exponents outside [1e-3, 1e5), and a real minus sign', () => {
    expect(formatNumber(0.123456)).toBe('0.1235');
    expect(formatNumber(-2.5)).toBe('−2.5');
    expect(formatNumber(1.23456e-7)).toBe('1.23e-7');
    expect(formatNumber(123456)).toBe('1.23e5');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(NaN)).toBe('NaN');
  });
});

describe('gap targets (issue 9)', () => {
  it('words "left" by the gap f − f* at k, with the run\'s own f*', () => {
    // f* = −1, target 0.1: −0.95 is within (gap 0.05), −0.5 is not (gap 0.5).
    const r = run([0, -0.95, -0.5], { hit: 1, fStar: -1 });
    expect(outcomeText(outcomeAt(r, 2, 0.1))).toBe('touched at 1, then left it');
    expect(outcomeText(outcomeAt(r, 1, 0.1))).toBe("touched at 1, won't stay");
    // The same losses measured from f* = 0 would be within at 2.
    expect(outcomeText(outcomeAt({ ...r, fStar: 0 }, 2, 0.1))).toBe("touched at 1, won't stay");
  });
});

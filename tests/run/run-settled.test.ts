/**
 * run(): hit (first touch of the target) and settled (within the target from there to the end of the
 * budget), on scripted loss sequences and on the default bowl.
 *
 * The "clock" objective makes the losses a script: its gradient is (−1, 0) everywhere, so SGD with lr 1
 * from (0, 0) visits x = 0, 1, 2, … and the loss after k updates is script[k] (NaN past the script's end,
 * or where the script says NaN: a non-finite loss, so the run diverges there).
 */
import { describe, expect, it } from 'vitest';
import type { Objective } from '../../src/math/objective.ts';
import { getOptimizer } from '../../src/optim/index.ts';
import { run } from '../../src/run/run.ts';
import { withinTarget } from '../../src/run/target.ts';
import { raceForView } from '../../src/view/race.ts';
import { decodeView } from '../../src/view/link.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';

function clock(script: readonly number[]): Objective {
  const value = (p: ArrayLike<number>) => script[p[0]] ?? NaN;
  return {
    dim: 2,
    value,
    gradient: (p, g) => {
      g[0] = -1;
      g[1] = 0;
      return value(p);
    },
  };
}

const scripted = (script: readonly number[], target: number, steps = script.length - 1) => {
  const t = run({ objective: clock(script), optimizer: getOptimizer('sgd'), hyper: { lr: 1 }, start: [0, 0], steps, target });
  return { hit: t.hit, settled: t.settled, divergedAt: t.divergedAt, losses: Array.from(t.losses) };
};

describe('withinTarget', () => {
  it('is f − f* ≤ target, the boundary included; no target and NaN are never within', () => {
    expect(withinTarget(1, 0, 1)).toBe(true);
    expect(withinTarget(1.0000001, 0, 1)).toBe(false);
    expect(withinTarget(-5, 0, -1)).toBe(true);
    expect(withinTarget(0, 0, null)).toBe(false);
    expect(withinTarget(NaN, 0, 1)).toBe(false);
  });
  it('measures the gap from f*: with f* = −1, f = −0.52 is 0.48 above the minimum, not within 0.001', () => {
    expect(withinTarget(-0.52, -1, 1e-3)).toBe(false);
    expect(withinTarget(-0.52, 0, 1e-3)).toBe(true);
    expect(withinTarget(-0.9995, -1, 1e-3)).toBe(true);
    expect(withinTarget(-1, -1, 0)).toBe(true);
  });
});

describe('hit and settled (target 1)', () => {
  it('the clock objective plays its script back as the recorded losses', () => {
    expect(scripted([5, 0.5, 2, 3], 1).losses).toEqual([5, 0.5, 2, 3]);
  });

  it('touch and leave: hit at the touch, never settled', () => {
    // 0.5 at k = 1 is within; 2 and 3 after it are not, and the budget ends above the target.
    expect(scripted([5, 0.5, 2, 3], 1)).toMatchObject({ hit: 1, settled: null });
  });

  it('settles late: touches at 1, leaves at 2, returns at 3 and stays', () => {
    expect(scripted([5, 0.5, 2, 0.9, 0.8, 1], 1)).toMatchObject({ hit: 1, settled: 3 });
  });

  it('settles at 0 when the start is within the target and every iterate stays (1 ≤ 1 counts)', () => {
    expect(scripted([0.5, 0.2, 1], 1)).toMatchObject({ hit: 0, settled: 0 });
    expect(scripted([0.5], 1, 0)).toMatchObject({ hit: 0, settled: 0 });
  });

  it('within only at the last update: hit and settled are both the last iteration', () => {
    expect(scripted([5, 4, 1], 1)).toMatchObject({ hit: 2, settled: 2 });
  });

  it('never within: both null; no target (−∞, as raceForView passes for none): both null even at 0', () => {
    expect(scripted([5, 4, 3], 1)).toMatchObject({ hit: null, settled: null });
    expect(scripted([0, 0], -Infinity)).toMatchObject({ hit: null, settled: null });
  });

  it('diverged: the touch is kept as hit, settled is null although every recorded loss is within', () => {
    // Loss NaN after update 2: the run stops with divergedAt 2, recording only [0.5, 0.2].
    expect(scripted([0.5, 0.2, NaN, 0.1], 1, 10)).toEqual({ hit: 0, settled: null, divergedAt: 2, losses: [0.5, 0.2] });
  });
});

describe('the default bowl (issue 9)', () => {
  it('RMSprop touches 0.001 at 32 but ends at 0.0246; SGD settles where it hits', () => {
    const { view } = decodeView('#s=bowl', VOCABULARY);
    const runs = Object.fromEntries(raceForView(view).map((t) => [t.optimizer, t]));
    expect(runs.rmsprop).toMatchObject({ hit: 32, settled: null, steps: 200 });
    expect(runs.rmsprop.losses[200]).toBeCloseTo(0.0245924, 6);
    expect(runs.sgd).toMatchObject({ hit: 23, settled: 23 });
  });
});

describe('gap targets (issue 9): hit and settled measure f − f*', () => {
  const gapRun = (script: readonly number[], target: number, fStar?: number) =>
    run({ objective: clock(script), optimizer: getOptimizer('sgd'), hyper: { lr: 1 }, start: [0, 0], steps: script.length - 1, target, fStar });

  it('with f* = −1 and target 0.001, f = −0.52 is not within; f ≤ −0.999 is', () => {
    // Gaps: 1.2, 0.48, 0.0005, 0.002, 0.0009, 0 → hit 2 (first ≤ 0.001), settled 4 (within from there on).
    const t = gapRun([0.2, -0.52, -0.9995, -0.998, -0.9991, -1], 1e-3, -1);
    expect([t.hit, t.settled, t.fStar]).toEqual([2, 4, -1]);
    // The losses stay f itself.
    expect(Array.from(t.losses)).toEqual([0.2, -0.52, -0.9995, -0.998, -0.9991, -1]);
  });

  it('without f* the target applies to f itself (f* = 0): the old absolute meaning', () => {
    const t = gapRun([0.2, -0.52, -0.9995, -0.998, -0.9991, -1], 1e-3);
    expect([t.hit, t.settled, t.fStar]).toEqual([1, 1, 0]);
  });

  it('a diverged run has settled null even when it was within the gap before', () => {
    const t = gapRun([3, 2.0005, 2, NaN], 1e-3, 2);
    expect([t.hit, t.settled, t.divergedAt]).toEqual([1, null, 3]);
  });
});

/**
 * raceForView passes the view's learning-rate schedule to the race, so exports match the app's view.
 */
import { describe, expect, it } from 'vitest';
import { raceForView } from '../../src/view/race.ts';
import { decodeView } from '../../src/view/link.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';

describe('raceForView with a schedule', () => {
  it('runs the scheduled race the link describes', () => {
    const { view, notices } = decodeView('#s=bowl&opt=sgd&steps=2&sched=step%3Agamma%3D0.5%2Csize%3D1', VOCABULARY);
    expect(notices).toEqual([]);
    const [sgd] = raceForView(view);
    // Bowl x²/10 + y², SGD lr 0.9·0.5^t from (−7, 2): x ← x(1 − η/5), y ← y(1 − 2η).
    //   η=0.9: (−5.74, −1.6);  η=0.45: (−5.2234, −0.16)
    expect(sgd.xs[2]).toBeCloseTo(-5.2234, 12);
    expect(sgd.ys[2]).toBeCloseTo(-0.16, 12);
    // Without the schedule the second step keeps η = 0.9: y = −1.6·(−0.8) = 1.28.
    const [fixed] = raceForView({ ...view, schedule: decodeView('#s=bowl', VOCABULARY).view.schedule });
    expect(fixed.ys[2]).toBeCloseTo(1.28, 12);
  });
});

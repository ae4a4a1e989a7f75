import { describe, expect, it } from 'vitest';
import { gridLossAt } from '../../src/mnist/landscape/grid-loss.ts';
import { linspace } from '../../src/mnist/landscape/axes.ts';

// A 4 × 3 grid (α: 4 samples, β: 3, β the row) of f(α, β) = 1 + 2α − 3β + αβ, which bilinear interpolation reproduces exactly.
const axes = { alpha: linspace(-1, 2, 4), beta: linspace(0, 1, 3) };
const f = (a: number, b: number) => 1 + 2 * a - 3 * b + a * b;
const loss = Float64Array.from({ length: 12 }, (_, k) => f(axes.alpha[k % 4], axes.beta[Math.floor(k / 4)]));

describe('gridLossAt', () => {
  it('is exact at the samples and reproduces a bilinear function between them', () => {
    axes.beta.forEach((b, j) => axes.alpha.forEach((a, i) => expect(gridLossAt(axes, loss, a, b)).toBe(loss[j * 4 + i])));
    for (const [a, b] of [[-0.5, 0.25], [0.3, 0.9], [1.99, 0.01], [2, 1], [-1, 0]]) expect(gridLossAt(axes, loss, a, b)).toBeCloseTo(f(a, b), 12);
  });

  it('by hand: the centre of a cell is the mean of its four corners', () => {
    // Cell α ∈ [0, 1], β ∈ [0, 0.5]: corners f = 1, 3, −0.5, 2 → mean 1.375.
    expect(gridLossAt(axes, loss, 0.5, 0.25)).toBeCloseTo(1.375, 12);
  });

  it('NaN outside the grid and where a needed sample is not finite; a non-finite sample elsewhere does not matter', () => {
    expect(gridLossAt(axes, loss, -1.01, 0.5)).toBeNaN();
    expect(gridLossAt(axes, loss, 0, 1.01)).toBeNaN();
    const holed = loss.slice();
    holed[1 * 4 + 2] = Infinity; // (α 1, β 0.5)
    expect(gridLossAt(axes, holed, 0.5, 0.25)).toBeNaN();
    expect(gridLossAt(axes, holed, 1, 0.5)).toBeNaN();
    expect(gridLossAt(axes, holed, 0, 0.5)).toBe(loss[1 * 4 + 1]); // on a sample next to the hole
    expect(gridLossAt(axes, holed, -0.5, 0.75)).toBeCloseTo(f(-0.5, 0.75), 12);
  });
});

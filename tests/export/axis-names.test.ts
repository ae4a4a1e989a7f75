/**
 * Axis names in the exported figure: a surface's `axes` (the linear-regression surface's w and b) name the
 * figure's axes; every other surface keeps x and y.
 */
import { describe, expect, it } from 'vitest';
import { figureSvg } from '../../src/export/figure.ts';
import { figureSpecForView } from '../../src/export/view-figure.ts';
import { defaultView } from '../../src/view/fields.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';
import { getSurface } from '../../surfaces/index.ts';

const axisNames = (svg: string): string[] => [...svg.matchAll(/font-style="italic">([^<]+)<\/text>/g)].map((m) => m[1]);

describe('the figure names its axes after the surface', () => {
  it('linear regression: w across, b up', () => {
    const spec = figureSpecForView({ ...defaultView(getSurface('linreg')!, VOCABULARY), steps: 20 });
    expect(spec.axes).toEqual(['w', 'b']);
    expect(axisNames(figureSvg(spec))).toEqual(['w', 'b']);
  });

  it('the bowl: x and y', () => {
    const spec = figureSpecForView({ ...defaultView(getSurface('bowl')!, VOCABULARY), steps: 20 });
    expect(axisNames(figureSvg(spec))).toEqual(['x', 'y']);
  });
});

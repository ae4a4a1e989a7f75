import { describe, expect, it } from 'vitest';
import { colourBar } from '../../src/render/colour-bar.ts';
import { bandColour } from '../../src/render/colour-scale.ts';
import { contourLevels } from '../../src/render/contour-levels.ts';

describe('colourBar', () => {
  it('puts level i at (i + 1)/(n + 1) on either spacing', () => {
    for (const mode of ['log', 'linear'] as const) {
      const levels = contourLevels(0, 3600, mode);
      const bar = colourBar(0, 3600, mode, levels, 4000);
      expect(bar.colours).toHaveLength(19);
      expect(bar.colours[0]).toBe(bandColour(0, 18));
      for (const t of bar.ticks) {
        const i = levels.findIndex((l) => Math.abs(l - t.value) < 1e-9 * 3600);
        if (i >= 0) expect(t.at).toBeCloseTo((i + 1) / 19, 12);
      }
    }
  });

  it('labels log levels with powers of ten at their place, not level values like 540.6', () => {
    // Rosenbrock's range on its default domain: 0 to about 3609. Levels run 0.36 … 2156; the bar's low end is
    // 3609·10^(−4 − 4/18) ≈ 0.22, its high end 3609.
    const levels = contourLevels(0, 3609, 'log');
    const bar = colourBar(0, 3609, 'log', levels, 210);
    expect(bar.ticks.map((t) => t.label)).toEqual(['1', '10', '100', '1000']);
    // 10 sits a quarter of the n·D = 18-level ladder (4.5 levels per decade) above 1.
    const [one, ten] = bar.ticks;
    expect((ten.at - one.at) * 19).toBeCloseTo(4.5, 9);
    expect(one.at).toBeCloseTo((1 + (18 * (Math.log10(1 / 3609) + 4)) / 4) / 19, 12);
  });

  it('moves log ticks above a non-zero minimum to the roundest value at that power', () => {
    // min 5: offsets 1, 10, 100 become 6, 20 (15 rounded to tens), 100 (105 rounded to hundreds).
    const levels = contourLevels(5, 1005, 'log');
    const values = colourBar(5, 1005, 'log', levels, 2000).ticks.map((t) => t.value);
    expect(values).toEqual(expect.arrayContaining([6, 20, 100]));
    expect(values.every((v) => v > 5)).toBe(true);
  });

  it('takes d3 linear ticks over [min, max] for linear levels, and thins labels that would collide', () => {
    const levels = contourLevels(-78.3, 250, 'linear');
    const wide = colourBar(-78.3, 250, 'linear', levels, 800);
    expect(wide.ticks.map((t) => t.label)).toEqual(['−50', '0', '50', '100', '150', '200', '250']);
    expect(wide.ticks[1].at).toBeCloseTo(78.3 / 328.3, 12);
    const narrow = colourBar(-78.3, 250, 'linear', levels, 120);
    expect(narrow.ticks.length).toBeLessThan(wide.ticks.length);
    for (let i = 1; i < narrow.ticks.length; i++) expect((narrow.ticks[i].at - narrow.ticks[i - 1].at) * 120).toBeGreaterThan(30);
  });

  it('shows a flat surface as one swatch with its value', () => {
    expect(colourBar(2, 2, 'linear', [], 200)).toEqual({ colours: [bandColour(0, 0)], ticks: [{ value: 2, at: 0.5, label: '2' }], log: false });
  });
});

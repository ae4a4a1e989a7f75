/** The EWA chart: its lines are the averages of its own dots, and the SVG says what it shows. */
import { describe, expect, it } from 'vitest';
import { ewaChart } from '../../src/render/ewa-chart.ts';
import { ewaSvg } from '../../src/export/ewa-figure.ts';
import { demoTemperatures, ewa } from '../../src/run/ewa.ts';

describe('ewa chart', () => {
  const chart = ewaChart();
  it('draws β = 0.9 and 0.98, each with and without bias correction, over the 365 daily values', () => {
    expect(chart.dots).toHaveLength(365);
    expect(chart.lines.map((l) => l.label)).toEqual([
      'β = 0.9, bias-corrected',
      'β = 0.9, no correction',
      'β = 0.98, bias-corrected',
      'β = 0.98, no correction',
    ]);
    const year = demoTemperatures();
    expect(chart.lines[3].values).toEqual(ewa(year, 0.98, false));
    // Uncorrected β = 0.98 starts at 2 % of the first value; corrected, at the value itself.
    expect(chart.lines[3].values[0]).toBeCloseTo(0.02 * year[0], 12);
    expect(chart.lines[2].values[0]).toBeCloseTo(year[0], 12);
  });
  it('writes a standalone SVG with its title, legend and what the data are (formula, seed)', () => {
    const svg = ewaSvg(chart);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<circle /g)).toHaveLength(365);
    expect(svg).toContain('β = 0.98, no correction');
    expect(svg).toContain('seed 7');
    expect(svg.match(/<path d="M/g)).toHaveLength(4);
  });
  it('puts the legend above the plot, in one column on a narrow chart', () => {
    expect(chart.legendColumns).toBe(2);
    expect(chart.titleLines).toHaveLength(1);
    expect(chart.box.top).toBe(76); // title baseline 20, one 18 px title line, two legend rows of 16 px, a 6 px gap
    const narrow = ewaChart(360, 420);
    expect(narrow.legendColumns).toBe(1);
    expect(narrow.titleLines).toHaveLength(2);
    expect(narrow.box).toEqual({ left: 46, top: 20 + 2 * 16 + 4 * 16 + 6, width: 298, height: 420 - 122 - 76 });
  });
});

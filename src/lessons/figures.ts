/**
 * The figures lessons can show by id: each is a standalone SVG string (src/export) with a file name for
 * its download. A lesson names one with `figure: 'ewa'`.
 */
import { ewaSvg } from '../export/ewa-figure.ts';
import { ewaChart } from '../render/ewa-chart.ts';

export interface LessonFigure {
  /** What the figure shows, for its accessible name. */
  readonly label: string;
  readonly filename: string;
  /** The figure at about this width in px (it picks a layout that stays readable there). */
  readonly svg: (width: number) => string;
}

export const FIGURES = {
  ewa: {
    label: 'Exponentially weighted averages of a noisy year of daily temperatures, β = 0.9 and 0.98, with and without bias correction',
    filename: 'ewa-bias-correction.svg',
    svg: (width) => (width >= 520 ? ewaSvg() : ewaSvg(ewaChart(360, 420))),
  },
} as const satisfies Record<string, LessonFigure>;

export type FigureId = keyof typeof FIGURES;

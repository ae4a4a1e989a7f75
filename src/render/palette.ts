/**
 * One fixed look per optimizer, shared by the app and every export. Colours are the Okabe–Ito palette
 * (distinguishable under the common colour-vision deficiencies); each optimizer also gets its own dash
 * pattern and marker shape so the figure still reads in greyscale.
 */
import type { OptimizerId } from '../optim/types.ts';
import type { MarkerShape } from './markers.ts';

export interface OptimizerLook {
  readonly color: string;
  /** SVG stroke-dasharray ('' = solid). */
  readonly dash: string;
  readonly marker: MarkerShape;
}

export const LOOKS: Readonly<Record<OptimizerId, OptimizerLook>> = {
  sgd: { color: '#000000', dash: '', marker: 'circle' },
  momentum: { color: '#E69F00', dash: '6 3', marker: 'square' },
  nag: { color: '#56B4E9', dash: '2 2', marker: 'triangle' },
  adagrad: { color: '#009E73', dash: '8 3 2 3', marker: 'diamond' },
  adadelta: { color: '#CC79A7', dash: '4 4', marker: 'cross' },
  rmsprop: { color: '#D55E00', dash: '10 2', marker: 'star' },
  adam: { color: '#0072B2', dash: '1 3', marker: 'plus' },
  // The MNIST tab's Muon (never on a surface): Paul Tol's wine, off the Okabe–Ito seven.
  muon: { color: '#882255', dash: '12 3 3 3', marker: 'diamond' },
};

/** Stroke widths of a trajectory (px): normally, and when its run is highlighted. */
export const PATH_WIDTH = 2.3;
export const HIGHLIGHT_PATH_WIDTH = 3.4;

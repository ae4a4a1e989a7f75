/**
 * The looks of runs, shared by the app and every export: a colour per optimizer, a dash pattern and a
 * marker shape per entrant. Colours are keyed by optimizer id (so adding an optimizer means adding one
 * colour here, and two Adam entrants share Adam's blue); the first seven are the Okabe–Ito palette,
 * distinguishable under the common colour-vision deficiencies. Dash and marker come from the entrant's
 * position in the race: the i-th entrant gets SHAPES[i mod 12] and DASHES[i mod 7]. Since 12 and 7 are
 * coprime, the first 84 entrants of a race differ pairwise in their (dash, marker) pair, and the first 12
 * in their marker alone, so a race of a dozen stays readable in greyscale. The default race (the seven
 * classic optimizers, in registry order) keeps the looks these optimizers always had.
 */
import { MNIST_OPTIMIZERS } from '../optim/index.ts';
import type { OptimizerId } from '../optim/types.ts';
import type { MarkerShape } from './markers.ts';

export interface OptimizerLook {
  readonly color: string;
  /** SVG stroke-dasharray ('' = solid). */
  readonly dash: string;
  readonly marker: MarkerShape;
}

/** One colour per optimizer. */
export const COLOURS: Readonly<Record<OptimizerId, string>> = {
  sgd: '#000000',
  momentum: '#E69F00',
  nag: '#56B4E9',
  adagrad: '#009E73',
  adadelta: '#CC79A7',
  rmsprop: '#D55E00',
  adam: '#0072B2',
  // The 'more' group: Paul Tol's muted and dark hues and ColorBrewer's dark green beside Okabe–Ito and
  // Muon's wine, none closer to another (CIELAB ΔE ≥ 25) than Adam is to NAG, each at least 3:1 against white.
  adamw: '#332288',
  nadam: '#276419',
  amsgrad: '#888833',
  radam: '#8C564B',
  adabelief: '#AA4499',
  lion: '#B2182B',
  sfsgd: '#777777',
  // The MNIST tab's Muon (never on a surface): Paul Tol's wine, off the Okabe–Ito seven.
  muon: '#882255',
};

/** Dash patterns by entrant position (SVG stroke-dasharray, '' = solid); 7 of them, coprime with the 12 shapes. */
export const DASHES: readonly string[] = ['', '6 3', '2 2', '8 3 2 3', '4 4', '10 2', '1 3'];
/** Marker shapes by entrant position. */
export const SHAPES: readonly MarkerShape[] = [
  'circle', 'square', 'triangle', 'diamond', 'cross', 'star', 'plus',
  'triangle-down', 'pentagon', 'bowtie', 'hourglass', 'hexagon',
];

/** The look of the entrant at `position` (0-based) in its race. */
export function entrantLook(optimizer: OptimizerId, position: number): OptimizerLook {
  return { color: COLOURS[optimizer], dash: DASHES[position % DASHES.length], marker: SHAPES[position % SHAPES.length] };
}

/**
 * One look per optimizer, as if all raced in registry order (Muon last): for views of one run per
 * optimizer (the MNIST tab, its learning-rate finder).
 */
export const LOOKS: Readonly<Record<OptimizerId, OptimizerLook>> = Object.fromEntries(
  MNIST_OPTIMIZERS.map((o, i) => [o.id, entrantLook(o.id, i)]),
) as Record<OptimizerId, OptimizerLook>;

/** Stroke widths of a trajectory (px): normally, and when its run is highlighted. */
export const PATH_WIDTH = 2.3;
export const HIGHLIGHT_PATH_WIDTH = 3.4;

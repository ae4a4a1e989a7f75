/**
 * A surface is declarative data: a mathjs expression in x and y plus everything a race needs.
 * The registry (surfaces/index.ts) lists them in display order; ids are URL words.
 */
import type { Hyper, OptimizerId } from '../src/optim/types.ts';
import type { PointData } from '../src/run/minibatch.ts';

export interface SurfaceDef {
  /** URL-safe word: [a-z0-9-]+ */
  readonly id: string;
  readonly title: string;
  /** mathjs expression in x and y (the same language users type). */
  readonly expr: string;
  /** What x and y stand for, named on the plot's axes, the figure's and the scoreboard (default x, y): linreg's w, b. */
  readonly axes?: readonly [string, string];
  readonly domain: { readonly x: readonly [number, number]; readonly y: readonly [number, number] };
  readonly start: readonly [number, number];
  /** Known global minimisers (may be several, e.g. Himmelblau); empty where none (unbounded saddle). */
  readonly minima: readonly (readonly [number, number])[];
  /** Global minimum value, or null where unbounded below / unknown. */
  readonly minValue: number | null;
  /** Gap f − minValue at or below which a run is within the target (for a surface without minValue, f itself). */
  readonly target: number;
  /** Default step budget. */
  readonly steps: number;
  /** Per-optimizer hyperparameter overrides on top of the registry defaults. */
  readonly hyper: Partial<Record<OptimizerId, Hyper>>;
  /** Contour level spacing that reads best for this surface. */
  readonly levels: 'log' | 'linear';
  /** One paragraph: what this surface teaches. */
  readonly note: string;
  /**
   * What this surface's default race shows about one optimizer, by id: one to three plain sentences,
   * shown on that optimizer's card next to its general note. Only where the race teaches something.
   */
  readonly lessons?: Partial<Record<OptimizerId, string>>;
  /** Where it comes from (paper, course, textbook). */
  readonly source: string;
  /** Its loss as a mean over data points, where it has one: entrants may then take mini-batches (`batch=`). */
  readonly data?: PointData;
}

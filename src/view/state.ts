/**
 * The surfaces view as one plain object: everything a link, an export, an embed or a CLI run needs to
 * reproduce what is on screen. Every field is declared once in the field table (fields.ts), which gives
 * its link key, CLI flag, label, parser, formatter, default and range.
 */
import type { Hyper, OptimizerId } from '../optim/types.ts';
import type { Schedule } from '../run/schedules.ts';

export type Layout = 'overlay' | 'grid';
/** Contours (every figure) or the app's 3-D view. */
export type PlotKind = 'contours' | '3d';

/** The 3-D view's camera: degrees around the vertical axis and above the floor, and its distance. */
export interface ViewCamera {
  readonly azimuth: number;
  readonly elevation: number;
  readonly distance: number;
}

/** A learning-rate sweep of every entrant (issue 10; lab-fields.ts has the defaults and the link form). */
export interface SweepLab {
  readonly kind: 'sweep';
  /** The log grid's ends and size, before each parameter's range clips it. */
  readonly from: number;
  readonly to: number;
  readonly points: number;
  /** settled: iterations until the target is reached and kept; gap: the final gap f − f* (log). */
  readonly y: 'settled' | 'gap';
  /** The hyperparameter swept for every entrant; null: each one's step parameter (lr, or ε for AdaDelta). */
  readonly param: string | null;
}

/** A start-point map of every entrant: `res` × `res` starts over the domain, one heatmap per entrant. */
export interface MapLab {
  readonly kind: 'map';
  readonly res: number;
  /** iterations: to the target, on one shared scale; basins: which minimum each run ends in. */
  readonly colour: 'iterations' | 'basins';
}

export type LabView = SweepLab | MapLab;

/** Where the curvature lens reads the Hessian: nowhere (off), at the start, or at the shown entrant's point at k. */
export type LensAt = 'off' | 'start' | 'current';

export interface ViewDomain {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

/**
 * One entrant of the race: an optimizer with what it sets for itself. The same optimizer may enter more
 * than once ("Adam, lr 0.01" and "Adam, lr 0.1" side by side). Its effective hyperparameters are
 * `{ ...view.hyper[optimizer], ...own }`, so a per-optimizer setting (`adam.lr=…` in a link, `--set
 * adam.lr=…`) reaches every adam entrant that does not set that key itself. Written in links and on the
 * command line as `adam:lr=0.1:beta1=0.8` (entrants.ts).
 */
export interface ViewEntrant {
  readonly optimizer: OptimizerId;
  /** Only the hyperparameters this entrant sets itself, in its optimizer's spec order. */
  readonly own: Readonly<Hyper>;
  /** Its own learning-rate schedule; null: the race's (ViewState.schedule). */
  readonly schedule: Schedule | null;
  /** Points per mini-batch on a surface with data (linear regression); null: the exact full gradient. */
  readonly batch: number | null;
}

export interface ViewState {
  /** Registry surface id, or null when the view shows a typed expression. */
  readonly surface: string | null;
  /** The expression plotted (for a registry surface, its SurfaceDef.expr). */
  readonly expr: string;
  /** The plot's extent. */
  readonly domain: ViewDomain;
  readonly start: readonly [number, number];
  /**
   * The race's entrants, grouped by optimizer in registry order (several entrants of one optimizer in the
   * order given), so the same optimizer's variants sit side by side in the scoreboard and legends.
   */
  readonly entrants: readonly ViewEntrant[];
  /**
   * Every optimizer's hyperparameters (also the ones not running, so toggling keeps edits): the defaults
   * each of its entrants starts from (registry, then surface, then `OPT.PARAM` link keys / --set).
   */
  readonly hyper: Readonly<Record<string, Hyper>>;
  /**
   * The minimum value f* targets are measured from: the surface's known minimum (0 as a reference where it
   * has none), or estimated for a typed function (fstar.ts). Never changed by zooming or panning.
   */
  readonly fStar: number;
  /** Gap f − f* at or below which a run is within the target; null: no target set (no run can reach it). */
  readonly target: number | null;
  readonly steps: number;
  /** Gradient-noise standard deviation σ (0 = exact gradients). */
  readonly noise: number;
  /** Seed of the noise stream (and, later, of mini-batches); kept whether or not there is noise. */
  readonly seed: number;
  /**
   * Noise seeds per entrant: with gradient noise each entrant runs on seed, seed + 1, …, and shows its
   * median run (src/run/race.ts); 1 = one run. Without noise the runs would be identical, so one is run.
   */
  readonly seeds: number;
  /** Learning-rate schedule applied to every entrant's lr, unless it has its own (FIXED = constant rates). */
  readonly schedule: Schedule;
  readonly layout: Layout;
  readonly plot: PlotKind;
  readonly camera: ViewCamera;
  /** Playback iteration, or null for "at the end of the race". */
  readonly k: number | null;
  /** The entrant (its index in `entrants`) whose next update the inspector shows and draws; null: none. */
  readonly inspect: number | null;
  /** A lab view of the same race (a learning-rate sweep or a start-point map), or null for the race itself. */
  readonly lab: LabView | null;
  /** The curvature lens (src/render/curvature-lens.ts): off, at the start, or at the current point. */
  readonly lens: LensAt;
}

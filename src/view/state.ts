/**
 * The surfaces view as one plain object: everything a link, an export, an embed or a CLI run needs to
 * reproduce what is on screen. Every field is declared once in the field table (fields.ts), which gives
 * its link key, CLI flag, label, parser, formatter, default and range.
 */
import type { Hyper, OptimizerId } from '../optim/types.ts';
import type { Schedule } from '../run/schedules.ts';

export type Layout = 'overlay' | 'grid';

export interface ViewDomain {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

export interface ViewState {
  /** Registry surface id, or null when the view shows a typed expression. */
  readonly surface: string | null;
  /** The expression plotted (for a registry surface, its SurfaceDef.expr). */
  readonly expr: string;
  /** The plot's extent. */
  readonly domain: ViewDomain;
  readonly start: readonly [number, number];
  /** Optimizers that run, in registry order. */
  readonly optimizers: readonly OptimizerId[];
  /** Complete hyperparameters for every optimizer (also the ones not running, so toggling keeps edits). */
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
  /** Learning-rate schedule applied to every optimizer's lr (FIXED = constant rates). */
  readonly schedule: Schedule;
  readonly layout: Layout;
  /** Playback iteration, or null for "at the end of the race". */
  readonly k: number | null;
}

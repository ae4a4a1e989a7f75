/** A recorded run as the plots draw it: its entrant's key, name and look, plus its recorded arrays. */
import type { OptimizerLook } from '../../render/palette.ts';
import type { RecordedRun } from '../../render/race-status.ts';

export interface PlotRun extends RecordedRun {
  readonly id: string;
  readonly name: string;
  readonly look: OptimizerLook;
  /** Over several noise seeds: how they spread ('5 seeds: 62–130'); the scoreboard shows it. */
  readonly spread?: string | null;
  /** Over several noise seeds: every seed's path (the plot draws the others faint) and the median's seed. */
  readonly seeds?: readonly { readonly seed: number; readonly xs: ArrayLike<number>; readonly ys: ArrayLike<number> }[];
  readonly medianSeed?: number | null;
}

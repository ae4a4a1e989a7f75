/** A recorded run as the plots draw it: the optimizer's id and fixed look, plus its recorded arrays. */
import type { OptimizerLook } from '../../render/palette.ts';
import type { RecordedRun } from '../../render/race-status.ts';

export interface PlotRun extends RecordedRun {
  readonly id: string;
  readonly name: string;
  readonly look: OptimizerLook;
}

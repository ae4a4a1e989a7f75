/**
 * A view's start-point map (issue 10): every entrant from each of res × res cell-centre starts over the
 * view's domain (src/lab/map.ts, by the batched engine) and the basins its runs end in
 * (src/lab/map-basins.ts, snapped to the surface's listed minima). The runs and basins may come from
 * elsewhere (worker threads, Web Workers: parts joined by joinBatches), as long as they are this view's.
 */
import { mapBasins } from '../lab/map-basins.ts';
import { mapRuns } from '../lab/map.ts';
import type { BasinRun, Basins } from '../lab/basins.ts';
import type { BatchResult } from '../run/batch.ts';
import { getSurface } from '../../surfaces/index.ts';
import { labRace, mapSpecOf, type LabRace } from './lab-race.ts';
import type { ViewState } from './state.ts';

export interface ViewMap {
  readonly lab: LabRace;
  /** Starts per side. */
  readonly res: number;
  /** Per entrant, per start (row-major, j the row). */
  readonly runs: readonly BatchResult[];
  readonly basins: Basins;
}

/** The basins of the view's map runs. */
export function viewBasins(view: ViewState, runs: readonly BasinRun[], lab: LabRace = labRace(view)): Basins {
  const listed = view.surface ? (getSurface(view.surface)?.minima ?? []) : [];
  return mapBasins({ runs, domain: view.domain, listed, compiled: lab.compiled });
}

export function viewMap(view: ViewState, res: number, runs?: readonly BatchResult[], basins?: Basins): ViewMap {
  const lab = labRace(view);
  const batches = runs ?? mapRuns(mapSpecOf(view, res, lab));
  return { lab, res, runs: batches, basins: basins ?? viewBasins(view, batches, lab) };
}

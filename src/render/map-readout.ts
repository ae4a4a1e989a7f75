/**
 * What a start-point map says about one pixel (the app's hover readout): the start, whether the run
 * settled (iterations until the gap stays within the target), never reached it, or diverged (at which
 * update), where it ended and, when it ended at one of the minima, which (numbered as in the key).
 */
import { gridStarts } from '../lab/start-grid.ts';
import type { ViewState } from '../view/state.ts';
import type { ViewMap } from '../view/view-map.ts';
import { tickLabel } from './tick-label.ts';

export interface CellReadout {
  /** The cell's centre, exactly as the map ran it (what a click races from). */
  readonly start: readonly [number, number];
  /** It to six significant digits, for the readout. */
  readonly startText: string;
  readonly outcome: string;
  readonly end: string;
}

const num = (v: number) => tickLabel(Number(v.toPrecision(4)));

/** Entrant k's run from cell c (row-major, j the row) of the view's map. */
export function cellReadout(view: ViewState, map: ViewMap, k: number, c: number): CellReadout {
  const { res } = map;
  const i = c % res;
  const j = Math.floor(c / res);
  const starts = gridStarts({ domain: view.domain, nx: res, ny: res });
  const b = map.runs[k];
  const basin = map.basins.basin[k][c];
  const outcome =
    b.divergedAt[c] >= 0
      ? `diverged at update ${b.divergedAt[c]}`
      : b.settled[c] >= 0
        ? `settles after ${b.settled[c]} iteration${b.settled[c] === 1 ? '' : 's'}`
        : `target not reached in ${view.steps} updates`;
  const end = `ends at (${num(b.end[2 * c])}, ${num(b.end[2 * c + 1])})${basin >= 0 ? `, minimum ${basin + 1}` : ''}`;
  const start = [starts[2 * (j * res + i)], starts[2 * (j * res + i) + 1]] as const;
  return { start, startText: `start (${start.map((v) => Number(v.toPrecision(6))).join(', ')})`, outcome, end };
}

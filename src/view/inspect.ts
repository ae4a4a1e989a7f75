/**
 * The inspected entrant of a view at iteration k: its replayed state (src/run/inspect.ts) and the parts of
 * its next update (update-parts.ts), from the view's own race spec (raceSpecForView), so the numbers are
 * those of the run the race shows. `shown` is that entrant's run from the race (its median seed; its last
 * recorded iteration, to which k is clamped).
 */
import type { Objective } from '../math/objective.ts';
import type { OptimizerId } from '../optim/types.ts';
import type { PointData } from '../run/minibatch.ts';
import { inspectEntrant, type Inspection } from '../run/inspect.ts';
import type { EntrantRun } from '../run/race.ts';
import { entrantsForView, raceSpecForView, viewData, viewObjective, type RaceView } from './race.ts';
import { updateParts, type UpdateParts } from './update-parts.ts';

export interface InspectedEntrant {
  readonly index: number;
  readonly label: string;
  readonly optimizer: OptimizerId;
  readonly inspection: Inspection;
  /** null when the run ended before update k + 1. */
  readonly parts: UpdateParts | null;
  /** Whether update k + 1 is within the race's budget (else it is the update the race would take next). */
  readonly withinBudget: boolean;
}

export function inspectView(
  view: RaceView & { readonly surface?: string | null },
  index: number,
  k: number,
  shown: Pick<EntrantRun, 'medianSeed' | 'steps'>,
  objective: Objective = viewObjective(view),
  data: PointData | undefined = viewData(view),
): InspectedEntrant {
  const entrants = entrantsForView(view);
  if (!Number.isInteger(index) || index < 0 || index >= entrants.length) {
    throw new RangeError(`the inspected entrant must be a whole number from 0 to ${entrants.length - 1}, got ${index}`);
  }
  const at = Math.min(k, shown.steps);
  const entrant = entrants[index];
  const inspection = inspectEntrant(raceSpecForView(view, objective, data), entrant, shown.medianSeed, at);
  return {
    index,
    label: entrant.label ?? entrant.optimizer.id,
    optimizer: entrant.optimizer.id,
    inspection,
    parts: updateParts(entrant.optimizer.id, inspection),
    withinBudget: at < view.steps,
  };
}

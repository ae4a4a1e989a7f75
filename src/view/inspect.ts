/**
 * The inspected entrant of a view at iteration k: its replayed state (src/run/inspect.ts) and the parts of
 * its next update (update-parts.ts), from the view's own race spec (raceSpecForView), so the numbers are
 * those of the run the race shows. `shown` is that entrant's run from the race (its median seed; its last
 * recorded iteration, to which k is clamped).
 *
 * ViewInspector caches: one replay records the inspections from k to k + W (inspectRange), W = k clamped
 * to [64, 4096], so stepping or playing forward (and back within those) reads a recorded one, and a replay
 * (O(k + W) updates) happens once per W steps: O(1) amortised per step while k ≤ 4096, O(k/4096) beyond
 * (the cap bounds the memory: W snapshots). Another race (any field a race reads, the entrant, its seed,
 * the objective or data), or a k before the recorded ones, replays from scratch. Cached and uncached
 * results are identical (tests/view/inspect-cache.test.ts).
 */
import type { Objective } from '../math/objective.ts';
import type { OptimizerId } from '../optim/types.ts';
import type { PointData } from '../run/minibatch.ts';
import { inspectEntrant, inspectRange, type Inspection } from '../run/inspect.ts';
import type { Entrant, EntrantRun, RaceSpec } from '../run/race.ts';
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

type InspectedView = RaceView & { readonly surface?: string | null };
type ShownRun = Pick<EntrantRun, 'medianSeed' | 'steps'>;
/** How one inspection is found: one replay to k (inspectView), or the cache's (ViewInspector). */
type Replay = (spec: RaceSpec, entrant: Entrant, seed: number | null, k: number) => Inspection;

export function inspectView(
  view: InspectedView,
  index: number,
  k: number,
  shown: ShownRun,
  objective: Objective = viewObjective(view),
  data: PointData | undefined = viewData(view),
): InspectedEntrant {
  return inspectWith(inspectEntrant, view, index, k, shown, objective, data);
}

function inspectWith(replay: Replay, view: InspectedView, index: number, k: number, shown: ShownRun, objective: Objective, data: PointData | undefined): InspectedEntrant {
  const entrants = entrantsForView(view);
  if (!Number.isInteger(index) || index < 0 || index >= entrants.length) {
    throw new RangeError(`the inspected entrant must be a whole number from 0 to ${entrants.length - 1}, got ${index}`);
  }
  const at = Math.min(k, shown.steps);
  const entrant = entrants[index];
  const inspection = replay(raceSpecForView(view, objective, data), entrant, shown.medianSeed, at);
  return {
    index,
    label: entrant.label ?? entrant.optimizer.id,
    optimizer: entrant.optimizer.id,
    inspection,
    parts: updateParts(entrant.optimizer.id, inspection),
    withinBudget: at < view.steps,
  };
}

const MIN_AHEAD = 64;
const MAX_AHEAD = 4096;

/** inspectView with the cache described in the header; one per view model. */
export class ViewInspector {
  #key = '';
  #objective: Objective | null = null;
  #data: PointData | undefined;
  #from = 0;
  #found: Inspection[] = [];

  inspect(view: InspectedView, index: number, k: number, shown: ShownRun, objective: Objective = viewObjective(view), data: PointData | undefined = viewData(view)): InspectedEntrant {
    const key = JSON.stringify([view.expr, view.surface ?? null, view.entrants, view.hyper, view.start, view.steps, view.fStar, view.target, view.noise, view.seed, view.seeds, view.schedule, index, shown.medianSeed, shown.steps]);
    if (key !== this.#key || objective !== this.#objective || data !== this.#data) {
      this.#key = key;
      this.#objective = objective;
      this.#data = data;
      this.#found = [];
    }
    const replay: Replay = (spec, entrant, seed, at) => {
      const cached = this.#found[at - this.#from];
      if (at >= this.#from && cached) return cached;
      const to = Math.max(at, Math.min(shown.steps, at + Math.min(MAX_AHEAD, Math.max(MIN_AHEAD, at))));
      this.#found = inspectRange(spec, entrant, seed, at, to);
      this.#from = at;
      return this.#found[0];
    };
    return inspectWith(replay, view, index, k, shown, objective, data);
  }
}

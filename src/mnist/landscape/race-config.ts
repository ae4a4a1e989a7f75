/**
 * The "config" of a landscape, as `cli landscape --json`, the Landscape panel's data export and the figure's
 * caption state it: the network and training settings the checkpoints came from (trainConfigJson, as `cli mnist` writes them), every entrant with its
 * hyperparameters, and the landscape's own settings (directions, grid, subset, centre entrant for random
 * directions, updates between checkpoints, kernel backend).
 */
import type { Hyper } from '../../optim/types.ts';
import type { OptimizerId } from '../../optim/types.ts';
import { trainConfigJson } from '../train-config-json.ts';
import type { TrainConfig } from '../train.ts';
import type { DirectionsKind } from './landscape.ts';

export interface LandscapeConfig extends ReturnType<typeof trainConfigJson> {
  readonly trainExamples: number;
  readonly entrants: readonly { readonly entrant: string; readonly optimizer: OptimizerId; readonly hyper: Hyper }[];
  readonly directions: DirectionsKind;
  readonly grid: number;
  readonly subset: number;
  /** The entrant whose final weights centre a random plane; null for PCA. */
  readonly center: string | null;
  readonly checkpointEvery: number;
  readonly backend: string;
}

export function landscapeConfig(
  config: TrainConfig,
  s: Pick<LandscapeConfig, 'trainExamples' | 'entrants' | 'directions' | 'grid' | 'subset' | 'checkpointEvery' | 'backend'> & { readonly center: number },
): LandscapeConfig {
  return {
    ...trainConfigJson(config),
    trainExamples: s.trainExamples,
    entrants: s.entrants,
    directions: s.directions,
    grid: s.grid,
    subset: s.subset,
    center: s.directions === 'random' ? s.entrants[s.center].entrant : null,
    checkpointEvery: s.checkpointEvery,
    backend: s.backend,
  };
}

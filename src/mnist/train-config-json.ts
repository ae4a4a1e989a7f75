/**
 * A training configuration as the JSON of `cli mnist`, `cli landscape` and the Landscape panel's export
 * state it: the network (layer sizes, activations, initialisation, batch norm, dropout keep probability,
 * L2) and the training settings (batch size, epochs, seed, learning-rate schedule, target accuracy). One
 * writer, so every output names a configuration the same way.
 */
import { formatSchedule } from '../run/schedules.ts';
import type { TrainConfig } from './train.ts';

export function trainConfigJson(config: TrainConfig) {
  return {
    sizes: config.mlp.sizes,
    activations: config.mlp.activations,
    init: config.init,
    batchNorm: config.mlp.batchNorm,
    keepProb: config.mlp.keepProb,
    l2: config.mlp.l2,
    batchSize: config.batchSize,
    epochs: config.epochs,
    seed: config.seed,
    schedule: formatSchedule(config.schedule),
    targetAccuracy: config.targetAccuracy,
  };
}

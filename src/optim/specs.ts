/**
 * Hyperparameter specs shared by several optimizers, so "learning rate" means the same range and slider
 * everywhere. Ranges are what a control offers and what the CLI accepts; defaults are per optimizer.
 */
import type { HyperSpec } from './types.ts';

export function learningRate(defaultValue: number): HyperSpec {
  return { key: 'lr', label: 'learning rate', tex: '\\eta', default: defaultValue, min: 1e-5, max: 10, log: true };
}

/** From 1e-16 (AdaBelief's default, which it adds inside the root as well as outside) to 1. */
export function epsilon(defaultValue: number): HyperSpec {
  return { key: 'eps', label: 'epsilon', tex: '\\epsilon', default: defaultValue, min: 1e-16, max: 1, log: true };
}

/** Decoupled weight decay λ (AdamW, Lion): θ ← θ·(1 − η·λ) before the step. */
export function weightDecay(defaultValue: number): HyperSpec {
  return { key: 'wd', label: 'weight decay', tex: '\\lambda', default: defaultValue, min: 0, max: 10, log: false };
}

/** A decay rate in [0, 1): momentum β, RMSprop/AdaDelta ρ, Adam β₁ and β₂. */
export function decayRate(key: string, label: string, tex: string, defaultValue: number): HyperSpec {
  return { key, label, tex, default: defaultValue, min: 0, max: 0.9999, log: false };
}

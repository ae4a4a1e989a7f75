/**
 * The optimizer registry, in display order; ids are URL words and CLI names. OPTIMIZERS run on any
 * parameter vector (the surfaces and the MNIST tab); MNIST_OPTIMIZERS adds the rules that need the MNIST
 * network's weight matrices (Muon), which a surface refuses with the rule's `surfaceRefusal`. Besides lookup it owns
 * hyperparameter resolution: registry defaults, then surface overrides, then user overrides, each value
 * checked against its spec so the UI, URL decoding and the CLI reject the same things.
 */
import { NETWORK_OPTIMIZER_IDS, OPTIMIZER_IDS, type Hyper, type Optimizer, type OptimizerId } from './types.ts';
import { sgd } from './sgd.ts';
import { momentum } from './momentum.ts';
import { nag } from './nag.ts';
import { adagrad } from './adagrad.ts';
import { adadelta } from './adadelta.ts';
import { rmsprop } from './rmsprop.ts';
import { adam } from './adam.ts';
import { muon } from './muon.ts';

export const OPTIMIZERS: readonly Optimizer[] = [sgd, momentum, nag, adagrad, adadelta, rmsprop, adam];

/** Every optimizer the MNIST tab and `cli mnist` offer: the registry, then those that need the network's matrices. */
export const MNIST_OPTIMIZERS: readonly Optimizer[] = [...OPTIMIZERS, muon];

export function isOptimizerId(id: string): id is OptimizerId {
  return (OPTIMIZER_IDS as readonly string[]).includes(id) || (NETWORK_OPTIMIZER_IDS as readonly string[]).includes(id);
}

export function getOptimizer(id: OptimizerId): Optimizer {
  return MNIST_OPTIMIZERS.find((o) => o.id === id)!;
}

export function defaultHyper(optimizer: Optimizer): Hyper {
  return Object.fromEntries(optimizer.hyper.map((h) => [h.key, h.default]));
}

/** null when `value` is acceptable for `key`, else a one-line reason. */
export function hyperError(optimizer: Optimizer, key: string, value: number): string | null {
  const spec = optimizer.hyper.find((h) => h.key === key);
  if (!spec) {
    const keys = optimizer.hyper.map((h) => h.key).join(', ');
    return `${optimizer.id} has no hyperparameter "${key}" (it has: ${keys})`;
  }
  if (!Number.isFinite(value) || value < spec.min || value > spec.max) {
    return `${optimizer.id}.${key} must be a number in [${spec.min}, ${spec.max}], got ${value}`;
  }
  return null;
}

/** Defaults overlaid by each override in turn; throws RangeError on an unknown key or out-of-range value. */
export function resolveHyper(optimizer: Optimizer, ...overrides: (Hyper | undefined)[]): Hyper {
  const hyper = defaultHyper(optimizer);
  for (const override of overrides) {
    for (const [key, value] of Object.entries(override ?? {})) {
      const error = hyperError(optimizer, key, value);
      if (error) throw new RangeError(error);
      hyper[key] = value;
    }
  }
  return hyper;
}

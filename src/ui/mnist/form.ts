/**
 * The MNIST tab's settings form as plain data, with its defaults and validation. Defaults are the
 * textbook's network (784-64-16-10, sigmoid/tanh, Xavier uniform, batch 128) and SGD at its lr 0.2
 * against Adam, with the core's MNIST hyperparameters (src/mnist/hyper-defaults.ts) over the
 * registry's, which suit the 2-D surfaces. Every MNIST optimizer is listed (MNIST_OPTIMIZERS: the
 * registry and Muon), in registry order; the form shows the "more" group under "More optimizers".
 */
import type { Hyper, OptimizerId } from '../../optim/types.ts';
import { MNIST_OPTIMIZERS, defaultHyper, hyperError } from '../../optim/index.ts';
import { ACTIVATION_IDS, type ActivationId } from '../../mnist/activations.ts';
import { INIT_IDS, type InitId } from '../../mnist/init.ts';
import { parseSchedule } from '../../run/schedules.ts';
import { MNIST_HYPER } from '../../mnist/hyper-defaults.ts';

export interface OptimizerChoice {
  id: OptimizerId;
  enabled: boolean;
  hyper: Hyper;
}

export interface TabForm {
  optimizers: OptimizerChoice[];
  /** Hidden layer widths, comma separated ("64,16"). */
  hidden: string;
  activations: ActivationId[];
  init: InitId;
  l2: number;
  keepProb: number;
  batchNorm: boolean;
  batchSize: number;
  epochs: number;
  /** Schedule spec string (src/run/schedules.ts), e.g. "step:gamma=0.9,size=50". */
  schedule: string;
  seed: number;
  /** Training examples to use (of 55,000); 0 or 55,000 = all. */
  limit: number;
  /** Validation accuracy target for the scoreboard, in percent. */
  targetPercent: number;
}

export const TRAIN_SIZE = 55_000;

export function defaultForm(): TabForm {
  return {
    optimizers: MNIST_OPTIMIZERS.map((o) => ({
      id: o.id,
      enabled: o.id === 'sgd' || o.id === 'adam',
      hyper: { ...defaultHyper(o), ...MNIST_HYPER[o.id] },
    })),
    hidden: '64,16',
    activations: ['sigmoid', 'tanh'],
    init: 'xavier-uniform',
    l2: 0,
    keepProb: 1,
    batchNorm: false,
    batchSize: 128,
    epochs: 5,
    schedule: 'fixed',
    seed: 1,
    limit: 10_000,
    targetPercent: 97,
  };
}

/** Hidden widths from "64, 16"; an empty string means no hidden layer (softmax regression). */
export function parseHidden(text: string): number[] | string {
  const parts = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
  const sizes = parts.map(Number);
  const bad = parts.find((_, i) => !(Number.isInteger(sizes[i]) && sizes[i] >= 1 && sizes[i] <= 4096));
  if (bad !== undefined) return `hidden layer size "${bad}" must be a whole number from 1 to 4096`;
  if (sizes.length > 6) return 'at most 6 hidden layers';
  return sizes;
}

/** Keeps one activation per hidden layer: existing choices stay, new layers get ReLU. */
export function fitActivations(activations: readonly ActivationId[], layers: number): ActivationId[] {
  return Array.from({ length: layers }, (_, i) => activations[i] ?? 'relu');
}

const between = (v: number, lo: number, hi: number) => Number.isFinite(v) && v >= lo && v <= hi;

/** Every problem with the form, one readable line each; empty when it can be trained. */
export function formErrors(f: TabForm): string[] {
  const errors: string[] = [];
  const enabled = f.optimizers.filter((o) => o.enabled);
  if (enabled.length === 0) errors.push('choose at least one optimizer');
  for (const o of enabled) {
    const opt = MNIST_OPTIMIZERS.find((x) => x.id === o.id)!;
    for (const [key, value] of Object.entries(o.hyper)) {
      const e = hyperError(opt, key, value);
      if (e) errors.push(e);
    }
  }
  const hidden = parseHidden(f.hidden);
  if (typeof hidden === 'string') errors.push(hidden);
  else if (f.activations.length !== hidden.length) errors.push('one activation per hidden layer is needed');
  for (const a of f.activations) if (!(ACTIVATION_IDS as readonly string[]).includes(a)) errors.push(`unknown activation "${a}"`);
  if (!(INIT_IDS as readonly string[]).includes(f.init)) errors.push(`unknown initialisation "${f.init}"`);
  if (!between(f.l2, 0, 100)) errors.push('L2 λ must be between 0 and 100');
  if (!(Number.isFinite(f.keepProb) && f.keepProb > 0 && f.keepProb <= 1)) errors.push('keep probability must be in (0, 1]');
  if (!(Number.isInteger(f.batchSize) && f.batchSize >= 1 && f.batchSize <= 4096)) errors.push('batch size must be a whole number from 1 to 4096');
  if (!(Number.isInteger(f.epochs) && f.epochs >= 1 && f.epochs <= 200)) errors.push('epochs must be a whole number from 1 to 200');
  if (!(Number.isInteger(f.seed) && f.seed >= 0 && f.seed <= 0xffffffff)) errors.push('seed must be a whole number from 0 to 4294967295');
  if (!(Number.isInteger(f.limit) && f.limit >= 0 && f.limit <= TRAIN_SIZE)) errors.push(`training subset must be a whole number from 0 to ${TRAIN_SIZE} (0 = all)`);
  if (!between(f.targetPercent, 1, 100)) errors.push('target accuracy must be between 1% and 100%');
  try {
    parseSchedule(f.schedule);
  } catch (err) {
    errors.push((err as Error).message);
  }
  return errors;
}

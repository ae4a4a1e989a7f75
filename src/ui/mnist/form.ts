/**
 * The MNIST tab's settings form as plain data, with its validation and its two-way mapping to the MNIST
 * options (src/view/mnist-options.ts), which the link carries under `m.` keys (mnist-link.ts): formOf fills
 * the form from options (the defaults, or a link), optionsOf reads a valid form back, so what the form
 * shows is what the link reproduces. Defaults are the field table's (mnist-fields.ts): the textbook's
 * 784-64-16-10 network (sigmoid/tanh, Xavier uniform, batch 128), SGD at lr 0.2 against Adam, on all
 * 55,000 training images. Every MNIST optimizer has its hyperparameters here (MNIST_OPTIMIZERS: the
 * registry and Muon), shared by its entrants; the race itself is the entrants' text (`sgd,adam,adam:lr=0.01`,
 * the surfaces' syntax, entrants.ts), which the optimizer checkboxes edit too. The ranges are the field
 * table's, so the form, the link and `cli mnist` accept the same values.
 */
import type { Hyper, OptimizerId } from '../../optim/types.ts';
import { MNIST_OPTIMIZERS, hyperError } from '../../optim/index.ts';
import { ACTIVATION_IDS, type ActivationId } from '../../mnist/activations.ts';
import { INIT_IDS, type InitId } from '../../mnist/init.ts';
import { formatSchedule, parseSchedule } from '../../run/schedules.ts';
import { formatEntrants, inRaceOrder, plainEntrant } from '../../view/entrants.ts';
import { MAX_HIDDEN_LAYERS, MNIST_FIELD, parseMnistEntrants } from '../../view/mnist-fields.ts';
import { decodeMnist } from '../../view/mnist-link.ts';
import type { Backend, MnistOptions } from '../../view/mnist-options.ts';
import { describeRange, type NumberRange } from '../../view/numbers.ts';
import type { ViewEntrant } from '../../view/state.ts';
import { MNIST_VOCABULARY } from '../../view/vocabulary.ts';
import type { Reason } from '../../view/result.ts';

export interface OptimizerChoice {
  id: OptimizerId;
  /** What every entrant of this optimizer runs with, unless it sets its own. */
  hyper: Hyper;
}

export interface TabForm {
  /** The race, e.g. "sgd,adam,adam:lr=0.01" (entrants.ts). */
  entrants: string;
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
  /** Kernels (not on the form: a link may ask for TypeScript; auto otherwise). */
  backend: Backend;
}

export const TRAIN_SIZE = 55_000;

export function formOf(o: MnistOptions): TabForm {
  return {
    entrants: formatEntrants(o.entrants),
    optimizers: MNIST_OPTIMIZERS.map((opt) => ({ id: opt.id, hyper: { ...o.hyper[opt.id] } })),
    hidden: o.hidden.join(','),
    activations: [...o.activations],
    init: o.init,
    l2: o.l2,
    keepProb: o.keepProb,
    batchNorm: o.batchNorm,
    batchSize: o.batch,
    epochs: o.epochs,
    schedule: formatSchedule(o.schedule),
    seed: o.seed,
    limit: o.limit ?? 0,
    targetPercent: 100 * o.target,
    backend: o.backend,
  };
}

/** The table's defaults as a form. */
export const defaultForm = (): TabForm => formOf(decodeMnist('', MNIST_VOCABULARY).options);

/** Why an entrant of the form's text cannot race, in one line. */
function entrantProblem(r: Reason): string {
  switch (r.kind) {
    case 'unknown':
      return `entrants: unknown ${r.noun} ${JSON.stringify(r.word)} (choose from ${r.choices.join(', ')})`;
    case 'rejected':
      return `entrants: ${r.message}`;
    case 'expected':
      return `entrants: expected ${r.expected}`;
    case 'repeated':
      return `entrants: ${r.word} listed twice`;
    case 'too-long':
      return `entrants: longer than ${r.max} characters`;
    case 'conflict':
      return `entrants: conflicts with the ${r.other}`;
  }
}

/** The form's race; what cannot be read is listed in `dropped`, worded for people. */
export function formEntrants(f: TabForm): { entrants: ViewEntrant[]; dropped: string[] } {
  const r = parseMnistEntrants(f.entrants, MNIST_VOCABULARY);
  if (!r.ok) return { entrants: [], dropped: [entrantProblem(r.error)] };
  return { entrants: r.value, dropped: (r.dropped ?? []).map(entrantProblem) };
}

/** Whether the race has an entrant of this optimizer. */
export const racing = (f: TabForm, id: OptimizerId): boolean => formEntrants(f).entrants.some((e) => e.optimizer === id);

/** The entrants' text with the optimizer in the race (one plain entrant, unless it has one) or out (all its entrants). */
export function withRacing(f: TabForm, id: OptimizerId, on: boolean): string {
  const { entrants } = formEntrants(f);
  const has = entrants.some((e) => e.optimizer === id);
  if (on) return formatEntrants(has ? entrants : inRaceOrder([...entrants, plainEntrant(id)], MNIST_VOCABULARY));
  return formatEntrants(entrants.filter((e) => e.optimizer !== id));
}

/** Hidden widths from "64, 16"; an empty string means no hidden layer (softmax regression). */
export function parseHidden(text: string): number[] | string {
  const range = MNIST_FIELD.hidden.range;
  const parts = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
  const sizes = parts.map(Number);
  const bad = parts.find((_, i) => !(Number.isInteger(sizes[i]) && sizes[i] >= range.min && sizes[i] <= range.max));
  if (bad !== undefined) return `hidden layer size "${bad}" must be ${describeRange(range)}`;
  if (sizes.length > MAX_HIDDEN_LAYERS) return `at most ${MAX_HIDDEN_LAYERS} hidden layers`;
  return sizes;
}

/** Keeps one activation per hidden layer: existing choices stay, new layers get ReLU. */
export function fitActivations(activations: readonly ActivationId[], layers: number): ActivationId[] {
  return Array.from({ length: layers }, (_, i) => activations[i] ?? 'relu');
}

const within = (v: number, r: NumberRange) => Number.isFinite(v) && v >= r.min && v <= r.max && (!r.integer || Number.isInteger(v));

/** Every problem with the form, one readable line each; empty when it can be trained. */
export function formErrors(f: TabForm): string[] {
  const errors: string[] = [];
  const { entrants, dropped } = formEntrants(f);
  errors.push(...dropped);
  if (entrants.length === 0 && dropped.length === 0) errors.push('choose at least one optimizer');
  for (const id of new Set(entrants.map((e) => e.optimizer))) {
    const opt = MNIST_OPTIMIZERS.find((x) => x.id === id)!;
    const hyper = f.optimizers.find((o) => o.id === id)!.hyper;
    for (const [key, value] of Object.entries(hyper)) {
      const e = hyperError(opt, key, value);
      if (e) errors.push(e);
    }
  }
  const hidden = parseHidden(f.hidden);
  if (typeof hidden === 'string') errors.push(hidden);
  else if (f.activations.length !== hidden.length) errors.push('one activation per hidden layer is needed');
  for (const a of f.activations) if (!(ACTIVATION_IDS as readonly string[]).includes(a)) errors.push(`unknown activation "${a}"`);
  if (!(INIT_IDS as readonly string[]).includes(f.init)) errors.push(`unknown initialisation "${f.init}"`);
  if (!within(f.l2, { min: 0, max: 100 })) errors.push('L2 λ must be between 0 and 100');
  if (!(Number.isFinite(f.keepProb) && f.keepProb > 0 && f.keepProb <= 1)) errors.push('keep probability must be in (0, 1]');
  if (!within(f.batchSize, MNIST_FIELD.batch.range)) errors.push(`batch size must be ${describeRange(MNIST_FIELD.batch.range)}`);
  if (!within(f.epochs, MNIST_FIELD.epochs.range)) errors.push(`epochs must be ${describeRange(MNIST_FIELD.epochs.range)}`);
  if (!within(f.seed, MNIST_FIELD.seed.range)) errors.push(`seed must be ${describeRange(MNIST_FIELD.seed.range)}`);
  if (!(Number.isInteger(f.limit) && f.limit >= 0 && f.limit <= TRAIN_SIZE)) errors.push(`training subset must be a whole number from 0 to ${TRAIN_SIZE} (0 = all)`);
  if (!within(f.targetPercent, { min: 1, max: 100 })) errors.push('target accuracy must be between 1% and 100%');
  try {
    parseSchedule(f.schedule);
  } catch (err) {
    errors.push((err as Error).message);
  }
  return errors;
}

/** The options a valid form (formErrors empty) stands for. */
export function optionsOf(f: TabForm): MnistOptions {
  const hidden = parseHidden(f.hidden);
  if (typeof hidden === 'string') throw new Error(hidden);
  return {
    entrants: formEntrants(f).entrants,
    hyper: Object.fromEntries(f.optimizers.map((o) => [o.id, { ...o.hyper }])),
    epochs: f.epochs,
    batch: f.batchSize,
    hidden,
    activations: [...f.activations],
    init: f.init,
    l2: f.l2,
    keepProb: f.keepProb,
    batchNorm: f.batchNorm,
    schedule: parseSchedule(f.schedule),
    seed: f.seed,
    limit: f.limit > 0 && f.limit < TRAIN_SIZE ? f.limit : null,
    target: f.targetPercent / 100,
    backend: f.backend,
  };
}

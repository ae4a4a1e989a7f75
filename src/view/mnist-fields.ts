/**
 * THE FIELD TABLE of the MNIST options (MnistOptions, mnist-options.ts), on the same machinery as the
 * surfaces view's (field.ts): `cli mnist`'s flags and --help are generated from it, and its link keys are
 * namespaced `m.` (`m.opt`, `m.seed`, `m.adam.lr`…) so they never collide with the surfaces view's keys
 * (mnist-link.ts). Defaults are the textbook's setting (src/mnist/train.ts's DEFAULT_TRAIN: network, batch,
 * epochs and target chosen so both default entrants, SGD and Adam, reach the target on all 55,000 images)
 * with MNIST's per-optimizer hyperparameters (src/mnist/hyper-defaults.ts). The entrants use the surfaces'
 * syntax and parser (entrants.ts), with `batch=` counting training images.
 */
import { ACTIVATION_IDS, type ActivationId } from '../mnist/activations.ts';
import { MNIST_HYPER } from '../mnist/hyper-defaults.ts';
import { INIT_IDS } from '../mnist/init.ts';
import { DEFAULT_TRAIN } from '../mnist/train.ts';
import { formatSchedule } from '../run/schedules.ts';
import type { FieldTable, RangedField, ScalarField } from './field.ts';
import { NAMESPACE } from './link-fields.ts';
import { choiceField, expected, hyperField, layeredHyper, numberField, readSchedule, wordField } from './field-kinds.ts';
import { MAX_ENTRANTS, formatEntrants, parseEntrants, plainEntrants, type EntrantBatch } from './entrants.ts';
import type { OptimizerId } from '../optim/types.ts';
import type { Backend, MnistOptions } from './mnist-options.ts';
import { describeRange, readNumber, type NumberRange } from './numbers.ts';
import type { Reason } from './result.ts';
import type { ViewVocabulary } from './vocabulary.ts';

export interface MnistContext {
  readonly vocab: ViewVocabulary;
}

type Field<K extends keyof MnistOptions> = ScalarField<MnistOptions, K, MnistContext>;
type Ranged<K extends keyof MnistOptions> = RangedField<MnistOptions, K, MnistContext>;

const TRAIN_IMAGES = 55_000;
const base = DEFAULT_TRAIN.mlp;

/** The race a first visit trains: the textbook's SGD against Adam. */
export const DEFAULT_ENTRANTS: readonly OptimizerId[] = ['sgd', 'adam'];
/** What a browser tab can hold (issue 13): hidden widths up to 1,024, at most 4 hidden layers, batches up to 4,096. */
export const LAYER: NumberRange = { min: 1, max: 1024, integer: true };
export const MAX_HIDDEN_LAYERS = 4;
const BATCH: NumberRange = { min: 1, max: 4096, integer: true };
const ENTRANT_BATCH: EntrantBatch = { max: BATCH.max, unit: 'images per mini-batch' };

/** MNIST entrants: the surfaces' syntax, `batch=` counting training images. */
export const parseMnistEntrants = (text: string, vocab: ViewVocabulary) => parseEntrants(text, vocab, ENTRANT_BATCH);

const entrants: Field<'entrants'> = {
  kind: 'scalar',
  name: 'entrants',
  key: 'opt',
  flag: { name: 'optimizers', arg: 'a,b,…' },
  label: 'the entrants',
  help:
    'the entrants, comma-separated: ID or ID:PARAM=VALUE:… with its own hyperparameters, sched=[SPEC] and batch=N ' +
    `(e.g. sgd,adam,adam:lr=0.01; at most ${MAX_ENTRANTS}; default: ${DEFAULT_ENTRANTS.join(',')})`,
  write: 'unless-default',
  default: () => plainEntrants(DEFAULT_ENTRANTS),
  // A race of none cannot train: a link or flag that leaves no entrant is refused whole (a link keeps the default race).
  parse(text, { vocab }) {
    const r = parseMnistEntrants(text, vocab);
    if (!r.ok || r.value.length > 0) return r;
    return r.dropped?.length ? { ok: false, error: r.dropped[0] } : expected('at least one entrant, e.g. sgd,adam');
  },
  format: formatEntrants,
};

const hyper = hyperField<MnistOptions, MnistContext>('hyper', ({ vocab }) => layeredHyper(vocab, MNIST_HYPER));

const epochs: Ranged<'epochs'> = numberField({
  name: 'epochs',
  key: 'epochs',
  flag: { name: 'epochs', arg: 'N' },
  label: 'the epochs',
  what: 'passes over the training images',
  defaultText: String(DEFAULT_TRAIN.epochs),
  range: { min: 1, max: 10_000, integer: true },
  write: 'unless-default',
  default: () => DEFAULT_TRAIN.epochs,
});

const batch: Ranged<'batch'> = numberField({
  name: 'batch',
  key: 'batch',
  flag: { name: 'batch', arg: 'B' },
  label: 'the batch size',
  what: 'images per mini-batch',
  defaultText: String(DEFAULT_TRAIN.batchSize),
  range: BATCH,
  write: 'unless-default',
  default: () => DEFAULT_TRAIN.batchSize,
});

const hidden: Ranged<'hidden'> = {
  kind: 'scalar',
  name: 'hidden',
  key: 'hidden',
  flag: { name: 'hidden', arg: 'W1,W2,…' },
  label: 'the hidden layers',
  help: `hidden layer widths, at most ${MAX_HIDDEN_LAYERS}, each ${describeRange(LAYER)}; empty for none (default: ${base.sizes.slice(1, -1).join(',')})`,
  range: LAYER,
  write: 'unless-default',
  default: () => base.sizes.slice(1, -1),
  parse(text) {
    if (text.trim() === '') return { ok: true, value: [] };
    const widths: number[] = [];
    for (const part of text.split(',')) {
      const v = readNumber(part, LAYER);
      if (!v.ok) return expected(`widths, each ${describeRange(LAYER)}, comma-separated`);
      widths.push(v.value);
    }
    if (widths.length > MAX_HIDDEN_LAYERS) return expected(`at most ${MAX_HIDDEN_LAYERS} hidden layers`);
    return { ok: true, value: widths };
  },
  format: (widths) => widths.join(','),
};

const activations: Field<'activations'> = {
  kind: 'scalar',
  name: 'activations',
  key: 'act',
  flag: { name: 'activations', arg: 'a,b,…' },
  label: 'the activations',
  help: `one per hidden layer: ${ACTIVATION_IDS.join(', ')} (default: ${base.activations.join(',')}, the last repeated)`,
  write: 'unless-default',
  // With other hidden layers than the textbook's, each takes the textbook's activation at its depth (or the last one).
  default: (_ctx, o) => o.hidden.map((_, i) => base.activations[i] ?? base.activations[base.activations.length - 1]),
  parse(text, _ctx, o) {
    const words = text.trim() === '' ? [] : text.split(',').map((w) => w.trim());
    const out: ActivationId[] = [];
    for (const word of words) {
      const id = ACTIVATION_IDS.find((a) => a === word);
      if (id === undefined) return { ok: false, error: { kind: 'unknown', noun: 'activation', word, choices: ACTIVATION_IDS } satisfies Reason };
      out.push(id);
    }
    if (out.length !== o.hidden.length) return expected(`${o.hidden.length} activation(s), one per hidden layer`);
    return { ok: true, value: out };
  },
  format: (ids) => ids.join(','),
};

const init: Field<'init'> = choiceField<MnistOptions, 'init', MnistContext>({
  name: 'init',
  key: 'init',
  flag: { name: 'init', arg: 'KIND' },
  label: 'the initialisation',
  help: `initial weights: ${INIT_IDS.join(', ')} (default: ${DEFAULT_TRAIN.init})`,
  noun: 'initialisation',
  words: INIT_IDS,
  write: 'unless-default',
  default: () => DEFAULT_TRAIN.init,
});

const l2: Ranged<'l2'> = numberField({
  name: 'l2',
  key: 'l2',
  flag: { name: 'l2', arg: 'L' },
  label: 'the L2 λ',
  what: 'L2 weight decay λ',
  defaultText: String(base.l2),
  range: { min: 0, max: Infinity },
  write: 'unless-default',
  default: () => base.l2,
});

const keepProb: Ranged<'keepProb'> = {
  kind: 'scalar',
  name: 'keepProb',
  key: 'keep',
  flag: { name: 'keep-prob', arg: 'P' },
  label: 'the keep probability',
  help: `dropout's keep probability, more than 0 and at most 1 (default: ${base.keepProb}, no dropout)`,
  range: { min: 0, max: 1 },
  write: 'unless-default',
  default: () => base.keepProb,
  parse(text) {
    const v = readNumber(text, { min: 0, max: 1 });
    return v.ok && v.value > 0 ? { ok: true, value: v.value } : expected('a number more than 0 and at most 1');
  },
  format: String,
};

const batchNorm: Field<'batchNorm'> = {
  kind: 'scalar',
  name: 'batchNorm',
  key: 'bn',
  flag: { name: 'batchnorm', arg: '', present: '1' },
  label: 'batch normalisation',
  help: 'batch normalisation in the hidden layers',
  write: 'unless-default',
  default: () => base.batchNorm,
  parse: (text) => (text === '1' ? { ok: true, value: true } : text === '0' ? { ok: true, value: false } : expected('1 or 0')),
  format: (on) => (on ? '1' : '0'),
};

const schedule: Field<'schedule'> = {
  kind: 'scalar',
  name: 'schedule',
  key: 'sched',
  flag: { name: 'schedule', arg: 'SPEC' },
  label: 'the learning-rate schedule',
  help: 'learning-rate schedule, e.g. course:decay=0.1 (default fixed; README lists them)',
  write: 'unless-default',
  default: () => DEFAULT_TRAIN.schedule,
  parse: readSchedule,
  format: formatSchedule,
};

const seed: Ranged<'seed'> = numberField({
  name: 'seed',
  key: 'seed',
  flag: { name: 'seed', arg: 'S' },
  label: 'the seed',
  what: 'seed of the initial weights and the batch order',
  defaultText: String(DEFAULT_TRAIN.seed),
  range: { min: 0, max: 2 ** 31 - 1, integer: true },
  write: 'unless-default',
  default: () => DEFAULT_TRAIN.seed,
});

const LIMIT: NumberRange = { min: 1, max: TRAIN_IMAGES, integer: true };
const limit: Ranged<'limit'> = {
  kind: 'scalar',
  name: 'limit',
  key: 'limit',
  flag: { name: 'limit', arg: 'N' },
  label: 'the training images',
  help: `train on the first N of the ${TRAIN_IMAGES} training images, or all (default: all)`,
  range: LIMIT,
  write: 'unless-default',
  default: () => null,
  parse(text) {
    if (text.trim() === 'all') return { ok: true, value: null };
    const v = readNumber(text, LIMIT);
    return v.ok ? { ok: true, value: v.value } : expected(`${describeRange(LIMIT)}, or all`);
  },
  format: (n) => (n === null ? 'all' : String(n)),
};

const target: Ranged<'target'> = numberField({
  name: 'target',
  key: 'target',
  flag: { name: 'target', arg: 'ACC' },
  label: 'the target accuracy',
  what: 'validation accuracy whose first crossing is reported',
  defaultText: String(DEFAULT_TRAIN.targetAccuracy),
  range: { min: 0, max: 1 },
  write: 'unless-default',
  default: () => DEFAULT_TRAIN.targetAccuracy,
});

const backend: Field<'backend'> = wordField<MnistOptions, 'backend', MnistContext>({
  name: 'backend',
  key: 'backend',
  flag: { name: 'backend', arg: 'auto|wasm|ts' },
  label: 'the backend',
  help: 'kernels: auto (WebAssembly SIMD where the runtime has it, else TypeScript), wasm or ts (default: auto)',
  words: ['auto', 'wasm', 'ts'] satisfies Backend[],
  write: 'unless-default',
  default: () => 'auto',
});

export const MNIST_TABLE: FieldTable<MnistOptions, MnistContext> = {
  namespace: NAMESPACE.mnist,
  fields: [entrants, hyper, epochs, batch, hidden, activations, init, l2, keepProb, batchNorm, schedule, seed, limit, target, backend],
};

/** The scalar fields by name (the form's limits). */
export const MNIST_FIELD = { entrants, epochs, batch, hidden, activations, init, l2, keepProb, batchNorm, schedule, seed, limit, target, backend };

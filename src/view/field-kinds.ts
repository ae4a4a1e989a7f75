/**
 * Field factories shared by the tables (the surfaces view and the MNIST options): a number in a range, a
 * word from a short fixed list, a list of optimizers, a learning-rate schedule, the hyperparameter family.
 * Each gives the parser, the formatter and the reasons; the table gives the key, flag, label, help,
 * default and write policy.
 */
import type { Hyper, OptimizerId } from '../optim/types.ts';
import { parseSchedule, type Schedule } from '../run/schedules.ts';
import type { FamilyField, FlagSpec, RangedField, ScalarField, WritePolicy } from './field.ts';
import { describeRange, readNumber, type NumberRange } from './numbers.ts';
import type { Parsed, Reason } from './result.ts';
import { unknownOptimizer, type ViewVocabulary } from './vocabulary.ts';

export const expected = (what: string): { ok: false; error: Reason } => ({ ok: false, error: { kind: 'expected', expected: what } });

/** "a, b or c". */
const orList = (words: readonly string[]): string => (words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`);

interface Common<S, K extends keyof S, C> {
  readonly name: K;
  readonly key: string;
  readonly flag: FlagSpec | null;
  readonly label: string;
  readonly write: WritePolicy<S, C>;
  default(ctx: C, state: S): S[K];
}

/** One number in `range`; the help line says the range: "what, a whole number from 1 to 4096 (default: …)". */
export function numberField<S, K extends keyof S, C>(
  f: Common<S, K, C> & { readonly what: string; readonly defaultText: string; readonly range: NumberRange },
): RangedField<S, K, C> {
  return {
    kind: 'scalar',
    name: f.name,
    key: f.key,
    flag: f.flag,
    label: f.label,
    help: `${f.what}, ${describeRange(f.range)} (default: ${f.defaultText})`,
    range: f.range,
    write: f.write,
    default: f.default,
    parse(text) {
      const v = readNumber(text, f.range);
      return (v.ok ? { ok: true, value: v.value } : expected(describeRange(f.range))) as Parsed<S[K]>;
    },
    format: String,
  };
}

/** One word from a short fixed list ("expected overlay or grid"). */
export function wordField<S, K extends keyof S, C>(f: Common<S, K, C> & { readonly help: string; readonly words: readonly string[] }): ScalarField<S, K, C> {
  const { words, ...common } = f;
  return {
    kind: 'scalar',
    ...common,
    default: f.default,
    parse(text) {
      const found = words.find((w) => w === text);
      return (found === undefined ? expected(orList(words)) : { ok: true, value: found }) as Parsed<S[K]>;
    },
    format: String,
  };
}

/** One word from a vocabulary ('unknown initialisation "ones" (choose from zeros, …)'). */
export function choiceField<S, K extends keyof S, C>(
  f: Common<S, K, C> & { readonly help: string; readonly noun: string; readonly words: readonly string[] },
): ScalarField<S, K, C> {
  const { noun, words, ...common } = f;
  return {
    kind: 'scalar',
    ...common,
    default: f.default,
    parse(text) {
      const found = words.find((w) => w === text);
      if (found !== undefined) return { ok: true, value: found } as Parsed<S[K]>;
      return { ok: false, error: { kind: 'unknown', noun, word: text, choices: words } };
    },
    format: String,
  };
}

const MAX_SCHEDULE_LENGTH = 200;

/** A learning-rate schedule spec (src/run/schedules.ts); the parser's own message says what is wrong. */
export function readSchedule(text: string): Parsed<Schedule> {
  // The cap keeps parseSchedule's message (which quotes the offending part) short.
  if (text.length > MAX_SCHEDULE_LENGTH) return { ok: false, error: { kind: 'too-long', max: MAX_SCHEDULE_LENGTH } };
  try {
    return { ok: true, value: parseSchedule(text) };
  } catch (e) {
    return { ok: false, error: { kind: 'rejected', message: (e as Error).message } };
  }
}

/** Registry defaults with per-optimizer overrides on top (a surface's, or MNIST's). */
export function layeredHyper(vocab: ViewVocabulary, overrides: Readonly<Partial<Record<OptimizerId, Hyper>>> | undefined): Record<string, Hyper> {
  const out: Record<string, Hyper> = {};
  for (const opt of vocab.optimizers) {
    const h: Hyper = {};
    for (const spec of opt.hyper) h[spec.key] = spec.default;
    const over = overrides?.[opt.id];
    if (over) for (const key of Object.keys(over)) if (key in h) h[key] = over[key];
    out[opt.id] = h;
  }
  return out;
}

function lookup(entry: string, vocab: ViewVocabulary) {
  const dot = entry.indexOf('.');
  const id = dot < 0 ? entry : entry.slice(0, dot);
  const key = dot < 0 ? '' : entry.slice(dot + 1);
  const opt = vocab.optimizers.find((o) => o.id === id);
  return { id, key, opt, spec: opt?.hyper.find((h) => h.key === key) };
}

/**
 * The hyperparameter family: entries `OPT.PARAM` (`adam.lr=0.05` in a link, `--set adam.lr=0.05` on the
 * command line), each value checked against its spec's [min, max].
 */
export function hyperField<S, C extends { readonly vocab: ViewVocabulary }>(
  name: keyof S,
  defaults: (ctx: C) => Record<string, Hyper>,
): FamilyField<S, C> {
  return {
    kind: 'family',
    name,
    keyForm: 'OPT.PARAM',
    flag: { name: 'set', arg: 'OPT.PARAM=VALUE' },
    help: "one optimizer's hyperparameter, e.g. adam.lr=0.05 (repeatable; race --list shows them)",
    entryLabel(entry, { vocab }) {
      const { opt, spec } = lookup(entry, vocab);
      return opt && spec ? `${opt.id} ${spec.label}` : 'the setting';
    },
    default: defaults,
    parse(entry, text, { vocab }) {
      const { id, key, opt, spec } = lookup(entry, vocab);
      if (!opt) return { ok: false, error: unknownOptimizer(id, vocab) };
      if (!spec) return { ok: false, error: { kind: 'unknown', noun: `${opt.id} hyperparameter`, word: key, choices: opt.hyper.map((h) => h.key) } };
      const range = { min: spec.min, max: spec.max };
      const v = readNumber(text, range);
      if (!v.ok) return expected(describeRange(range));
      return { ok: true, value: { optimizer: opt.id, key: spec.key, value: v.value } };
    },
  };
}

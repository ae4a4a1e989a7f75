/**
 * Entrants as text: one syntax for the link's `opt=` and the CLI's `--optimizers`.
 *
 *   entrants := entrant ("," entrant)*            sgd,adam,adam:lr=0.1
 *   entrant  := ID (":" PARAM "=" VALUE)*          adam:lr=0.1:beta1=0.8
 *   PARAM    := one of ID's hyperparameter keys (lr, beta1, …), a number in its spec's range
 *             | "batch", VALUE = examples per mini-batch   sgd:lr=0.1:batch=10   (where the table allows one)
 *             | "sched", VALUE = "[" SCHEDULE "]"   sgd:sched=[step:gamma=0.5,size=10]
 *
 * A per-entrant learning-rate schedule is written exactly as `--schedule` / `sched=` write one, inside
 * square brackets, which protect its own ":" and "," from the entrant separators (brackets appear nowhere
 * else in either syntax). A hyperparameter an entrant does not set comes from the view's per-optimizer
 * `hyper` (registry default, surface override, `adam.lr=` / `--set adam.lr=`); a schedule it does not
 * set is the race's.
 *
 * Reading is lenient where a link needs it: an unknown optimizer or a malformed entrant is dropped with a
 * reason (a link keeps the rest with a notice; the CLI refuses the flag), empty words are skipped. The
 * value is canonical: entrants grouped by optimizer in registry order (one optimizer's entrants in the
 * order given, so `adam,sgd` races as `sgd,adam`, as the optimizer list always did), each entrant's
 * parameters in its optimizer's spec order, so formatEntrants(parse(t)) is one text per race and two
 * entrants are identical exactly when their texts are. Identical entrants are labelled `adam`, `adam#2`.
 *
 * Both field tables read entrants with this parser: the surfaces view's `opt=` (a batch of a surface's
 * data points, surfacePointsBatch) and the MNIST options' `m.opt=` (a batch of training images). Each says
 * what a batch may be with an EntrantBatch; null where no batch is possible.
 */
import type { Hyper, OptimizerId } from '../optim/types.ts';
import { formatSchedule, type Schedule } from '../run/schedules.ts';
import { readSchedule } from './field-kinds.ts';
import { describeRange, readNumber } from './numbers.ts';
import type { Parsed, Reason } from './result.ts';
import type { ViewEntrant } from './state.ts';
import { unknownOptimizer, type ViewVocabulary } from './vocabulary.ts';

/** More entrants than this are dropped: each one is a full run of the budget. */
export const MAX_ENTRANTS = 24;
/** The key of an entrant's own learning-rate schedule, and of its mini-batch size. */
export const SCHEDULE_PARAM = 'sched';
export const BATCH_PARAM = 'batch';

/** What an entrant's `batch=` may be: a whole number from 1 to `max`, counting `unit`. */
export interface EntrantBatch {
  readonly max: number;
  /** What the number counts, e.g. 'points per mini-batch'. */
  readonly unit: string;
}

/** A surface's batch rule: 1 to all of its data points; none on a surface without data (null). */
export const surfacePointsBatch = (points: number | null): EntrantBatch | null => (points === null ? null : { max: points, unit: 'points per mini-batch' });

/** An entrant that sets nothing itself. */
export const plainEntrant = (optimizer: OptimizerId): ViewEntrant => ({ optimizer, own: {}, schedule: null, batch: null });
export const plainEntrants = (ids: readonly OptimizerId[]): ViewEntrant[] => ids.map(plainEntrant);

/** The race a view opens with: every optimizer of the 'classic' group (or without a group), plain. */
export function defaultEntrants(vocab: ViewVocabulary): ViewEntrant[] {
  return plainEntrants(vocab.optimizers.filter((o) => (o.group ?? 'classic') === 'classic').map((o) => o.id));
}

/**
 * `text` cut at `sep` outside square brackets; null when the brackets do not balance. A bracket opens
 * only after "=", so a stray one is an error rather than a silent nesting.
 */
function splitTop(text: string, sep: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[') depth += 1;
    else if (c === ']') {
      depth -= 1;
      if (depth < 0) return null;
    } else if (c === sep && depth === 0) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  if (depth !== 0) return null;
  parts.push(text.slice(from));
  return parts;
}

const rejected = (message: string): { ok: false; error: Reason } => ({ ok: false, error: { kind: 'rejected', message } });
/** Quoted, cut to 40 characters: a message stays one short line whatever was typed. */
const q = (text: string): string => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

/**
 * One entrant, `ID` or `ID:PARAM=VALUE:…`; its parameters in spec order. `batch`: what a mini-batch may be
 * (surfacePointsBatch for a surface), or null where there is none.
 */
export function parseEntrant(text: string, vocab: ViewVocabulary, batchRule: EntrantBatch | null = null): Parsed<ViewEntrant> {
  const word = text.trim();
  const parts = splitTop(word, ':');
  if (parts === null) return rejected(`entrant ${q(word)}: unbalanced [ ]`);
  const id = parts[0].trim();
  const opt = vocab.optimizers.find((o) => o.id === id);
  if (!opt) return { ok: false, error: unknownOptimizer(id, vocab) };
  const given: Hyper = {};
  let schedule: Schedule | null = null;
  let batch: number | null = null;
  const seen = new Set<string>();
  for (const part of parts.slice(1)) {
    const m = /^\s*([A-Za-z][A-Za-z0-9_]*)\s*=(.*)$/s.exec(part);
    if (!m) return rejected(`entrant ${q(word)}: expected PARAM=VALUE after "${id}:", got ${q(part)}`);
    const [, key, value] = m;
    if (seen.has(key)) return rejected(`entrant ${q(word)}: ${key} given twice`);
    seen.add(key);
    if (key === SCHEDULE_PARAM) {
      const inner = /^\s*\[(.*)\]\s*$/s.exec(value);
      if (!inner) return rejected(`entrant ${q(word)}: ${SCHEDULE_PARAM} expects a schedule in brackets, e.g. ${SCHEDULE_PARAM}=[step:gamma=0.5,size=10]`);
      const s = readSchedule(inner[1]);
      if (!s.ok) return rejected(`entrant ${q(word)}: ${SCHEDULE_PARAM}: ${s.error.kind === 'rejected' ? s.error.message : 'longer than 200 characters'}`);
      schedule = s.value;
      continue;
    }
    if (key === BATCH_PARAM) {
      if (batchRule === null) return rejected(`entrant ${q(word)}: ${BATCH_PARAM} needs a surface with data points (linreg); this one has none`);
      const range = { min: 1, max: batchRule.max, integer: true };
      const v = readNumber(value, range);
      if (!v.ok) return rejected(`entrant ${q(word)}: ${BATCH_PARAM} expects ${describeRange(range)} (${batchRule.unit}), got ${q(value)}`);
      batch = v.value;
      continue;
    }
    const spec = opt.hyper.find((h) => h.key === key);
    if (!spec) return { ok: false, error: { kind: 'unknown', noun: `${id} hyperparameter`, word: key, choices: [...opt.hyper.map((h) => h.key), BATCH_PARAM, SCHEDULE_PARAM] } };
    const range = { min: spec.min, max: spec.max };
    const v = readNumber(value, range);
    if (!v.ok) return rejected(`entrant ${q(word)}: ${key} expects ${describeRange(range)}, got ${q(value)}`);
    given[key] = v.value;
  }
  const own: Hyper = {};
  for (const spec of opt.hyper) if (Object.hasOwn(given, spec.key)) own[spec.key] = given[spec.key];
  return { ok: true, value: { optimizer: opt.id, own, schedule, batch } };
}

/** Registry order of optimizers, one optimizer's entrants in the order given (a stable sort). */
export function inRaceOrder(entrants: readonly ViewEntrant[], vocab: Pick<ViewVocabulary, 'optimizers'>): ViewEntrant[] {
  const rank = (e: ViewEntrant) => vocab.optimizers.findIndex((o) => o.id === e.optimizer);
  return entrants
    .map((e, i) => [e, i] as const)
    .sort(([a, i], [b, j]) => rank(a) - rank(b) || i - j)
    .map(([e]) => e);
}

/** A comma-separated list of entrants; bad ones are dropped with their reasons, empty words skipped. */
export function parseEntrants(text: string, vocab: ViewVocabulary, batchRule: EntrantBatch | null = null): Parsed<ViewEntrant[]> {
  const words = splitTop(text, ',');
  if (words === null) return rejected('unbalanced [ ] in the entrant list');
  const picked: ViewEntrant[] = [];
  const dropped: Reason[] = [];
  for (const word of words) {
    if (word.trim() === '') continue;
    const r = parseEntrant(word, vocab, batchRule);
    if (!r.ok) dropped.push(r.error);
    else if (picked.length >= MAX_ENTRANTS) {
      dropped.push({ kind: 'rejected', message: `at most ${MAX_ENTRANTS} entrants race; ${q(word.trim())} and the rest were left out` });
      break;
    } else picked.push(r.value);
  }
  return { ok: true, value: inRaceOrder(picked, vocab), dropped };
}

/** The entrant as text: `adam`, `adam:lr=0.1:beta1=0.8`, `sgd:batch=10`, `sgd:sched=[exp:gamma=0.99]`. */
export function formatEntrant(e: ViewEntrant): string {
  let out: string = e.optimizer;
  for (const [key, v] of Object.entries(e.own)) out += `:${key}=${String(v)}`;
  if (e.batch !== null) out += `:${BATCH_PARAM}=${e.batch}`;
  if (e.schedule !== null) out += `:${SCHEDULE_PARAM}=[${formatSchedule(e.schedule)}]`;
  return out;
}

export const formatEntrants = (entrants: readonly ViewEntrant[]): string => entrants.map(formatEntrant).join(',');

/**
 * Each entrant's label, unique within the race: its text, and `#n` on the n-th identical one (`adam`,
 * `adam#2`, `adam:lr=0.1`, `adam:lr=0.1#2`). `copy` is n (1 for the first).
 */
export function entrantLabels(entrants: readonly ViewEntrant[]): { label: string; copy: number }[] {
  const seen = new Map<string, number>();
  return entrants.map((e) => {
    const text = formatEntrant(e);
    const copy = (seen.get(text) ?? 0) + 1;
    seen.set(text, copy);
    return { label: copy === 1 ? text : `${text}#${copy}`, copy };
  });
}

/** What the entrant runs with: its optimizer's hyperparameters in the view, its own on top. */
export function entrantHyper(hyper: Readonly<Record<string, Hyper>>, e: ViewEntrant): Hyper {
  return { ...hyper[e.optimizer], ...e.own };
}

/**
 * The hyperparameter family of the field table: one entry per optimizer and hyperparameter, written
 * `OPT.PARAM` (`adam.lr=0.05` in a link, `--set adam.lr=0.05` on the command line). Defaults layer the
 * registry's defaults and the surface's per-optimizer overrides; each value is checked against its spec's
 * [min, max]. A link writes only the entries that differ from the defaults (compared with Object.is, so
 * −0 survives).
 */
import type { Hyper } from '../optim/types.ts';
import type { SurfaceDef } from '../../surfaces/types.ts';
import type { FamilyField } from './field.ts';
import { describeRange, readNumber } from './numbers.ts';
import type { ViewVocabulary } from './vocabulary.ts';

/** Registry defaults with the surface's per-optimizer overrides on top (a typed expression has none). */
export function surfaceHyper(def: SurfaceDef | null, vocab: ViewVocabulary): Record<string, Hyper> {
  const out: Record<string, Hyper> = {};
  for (const opt of vocab.optimizers) {
    const h: Hyper = {};
    for (const spec of opt.hyper) h[spec.key] = spec.default;
    const over = def?.hyper[opt.id];
    if (over) for (const key of Object.keys(over)) if (key in h) h[key] = over[key];
    out[opt.id] = h;
  }
  return out;
}

function lookup(entry: string, vocab: ViewVocabulary) {
  const dot = entry.indexOf('.');
  const id = dot < 0 ? entry : entry.slice(0, dot);
  const opt = vocab.optimizers.find((o) => o.id === id);
  const spec = dot < 0 ? undefined : opt?.hyper.find((h) => h.key === entry.slice(dot + 1));
  return { id, opt, spec, key: dot < 0 ? '' : entry.slice(dot + 1) };
}

export const HYPER_FIELD: FamilyField = {
  kind: 'family',
  name: 'hyper',
  keyForm: 'OPT.PARAM',
  flag: { name: 'set', arg: 'OPT.PARAM=VALUE' },
  help: "one optimizer's hyperparameter, e.g. adam.lr=0.05 (repeatable; race --list shows them)",
  entryLabel(entry, vocab) {
    const { opt, spec } = lookup(entry, vocab);
    return opt && spec ? `${opt.id} ${spec.label}` : 'the setting';
  },
  default: surfaceHyper,
  parse(entry, text, { vocab }) {
    const { id, opt, spec, key } = lookup(entry, vocab);
    if (!opt) return { ok: false, error: { kind: 'unknown', noun: 'optimizer', word: id, choices: vocab.optimizers.map((o) => o.id) } };
    if (!spec) return { ok: false, error: { kind: 'unknown', noun: `${opt.id} hyperparameter`, word: key, choices: opt.hyper.map((h) => h.key) } };
    const range = { min: spec.min, max: spec.max };
    const v = readNumber(text, range);
    if (!v.ok) return { ok: false, error: { kind: 'expected', expected: describeRange(range) } };
    return { ok: true, value: { optimizer: opt.id, key: spec.key, value: v.value } };
  },
  entries(view, defaults, vocab) {
    const out: [string, string][] = [];
    for (const opt of vocab.optimizers) {
      for (const spec of opt.hyper) {
        const v = view.hyper[opt.id]?.[spec.key];
        if (v !== undefined && !Object.is(v, defaults.hyper[opt.id]?.[spec.key])) out.push([`${opt.id}.${spec.key}`, String(v)]);
      }
    }
    return out;
  },
};

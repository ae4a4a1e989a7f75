/**
 * The lab views as one view field (issue 10): `lab=sweep` shows a learning-rate sweep of the race's
 * entrants instead of the race, `lab=map` a start-point map; absent, the race. The views' own parameters
 * follow the word, each only when it differs from its default, in the entrants' colon syntax:
 *
 *   lab=sweep:from=0.001:to=1:points=41:y=gap:param=beta1     lab=map:res=64:colour=basins
 *
 * sweep: the log grid from … to with `points` values (default 10⁻⁴ … 10, 61 points; clipped to each
 * parameter's valid range when run), `y` the plotted quantity (settled: iterations until the gap target is
 * reached and kept; gap: the final gap f − f*, log), `param` the hyperparameter swept for every entrant
 * (default each one's step parameter: lr, or ε for AdaDelta; src/lab/sweep.ts sweepParam). map: `res`
 * starts per side (default 128, up to 256), `colour` iterations (to the target) or basins (which minimum
 * each run ends in). The CLI takes the field on `render` (`--lab map:res=64`), so a figure of either view
 * renders from the command line through the same code as the app's export and the embed.
 */
import type { ScalarField } from './field.ts';
import { expected } from './field-kinds.ts';
import { readNumber } from './numbers.ts';
import type { Reason } from './result.ts';
import type { LabView, MapLab, SweepLab, ViewState } from './state.ts';
import type { ViewVocabulary } from './vocabulary.ts';

export const SWEEP_DEFAULTS: SweepLab = { kind: 'sweep', from: 1e-4, to: 10, points: 61, y: 'settled', param: null };
export const MAP_DEFAULTS: MapLab = { kind: 'map', res: 128, colour: 'iterations' };
export const SWEEP_LIMITS = { value: { min: 1e-12, max: 1e6 }, points: { min: 2, max: 1000 } } as const;
export const MAP_LIMITS = { res: { min: 8, max: 256 } } as const;

type Pairs = Map<string, string>;

/** `word:key=value:…` → the word and its pairs; null when a pair is malformed or repeated. */
function split(text: string): { word: string; pairs: Pairs } | null {
  const [word, ...rest] = text.split(':');
  const pairs: Pairs = new Map();
  for (const part of rest) {
    const eq = part.indexOf('=');
    if (eq <= 0 || pairs.has(part.slice(0, eq))) return null;
    pairs.set(part.slice(0, eq), part.slice(eq + 1));
  }
  return { word, pairs };
}

const SWEEP_FORM = `sweep[:from=A:to=B:points=N:y=settled|gap:param=P], 1e-12 ≤ A < B ≤ 1e6, N ${SWEEP_LIMITS.points.min}…${SWEEP_LIMITS.points.max}`;
const MAP_FORM = `map[:res=N:colour=iterations|basins], N ${MAP_LIMITS.res.min}…${MAP_LIMITS.res.max}`;

function parseSweep(pairs: Pairs, entrants: ViewState['entrants'], vocab: ViewVocabulary): { ok: true; value: SweepLab } | { ok: false; error: Reason } {
  const bad = () => expected(SWEEP_FORM);
  for (const key of pairs.keys()) if (!['from', 'to', 'points', 'y', 'param'].includes(key)) return bad();
  const num = (key: string, fallback: number, range: { min: number; max: number; integer?: boolean }) => {
    const text = pairs.get(key);
    if (text === undefined) return fallback;
    const v = readNumber(text, range);
    return v.ok ? v.value : null;
  };
  const from = num('from', SWEEP_DEFAULTS.from, SWEEP_LIMITS.value);
  const to = num('to', SWEEP_DEFAULTS.to, SWEEP_LIMITS.value);
  const points = num('points', SWEEP_DEFAULTS.points, { ...SWEEP_LIMITS.points, integer: true });
  const y = pairs.get('y') ?? SWEEP_DEFAULTS.y;
  if (from === null || to === null || points === null || !(to > from) || (y !== 'settled' && y !== 'gap')) return bad();
  const param = pairs.get('param') ?? null;
  if (param !== null) {
    for (const e of entrants) {
      const spec = vocab.optimizers.find((o) => o.id === e.optimizer);
      if (spec && !spec.hyper.some((h) => h.key === param)) {
        return { ok: false, error: { kind: 'rejected', message: `${e.optimizer} has no hyperparameter "${param}" to sweep (it has ${spec.hyper.map((h) => h.key).join(', ')})` } };
      }
    }
  }
  return { ok: true, value: { kind: 'sweep', from, to, points, y, param } };
}

function parseMap(pairs: Pairs): { ok: true; value: MapLab } | { ok: false; error: Reason } {
  const bad = () => expected(MAP_FORM);
  for (const key of pairs.keys()) if (key !== 'res' && key !== 'colour') return bad();
  const resText = pairs.get('res');
  const res = resText === undefined ? { ok: true as const, value: MAP_DEFAULTS.res } : readNumber(resText, { ...MAP_LIMITS.res, integer: true });
  const colour = pairs.get('colour') ?? MAP_DEFAULTS.colour;
  if (!res.ok || (colour !== 'iterations' && colour !== 'basins')) return bad();
  return { ok: true, value: { kind: 'map', res: res.value, colour } };
}

/** The lab view's text: its word, then the parameters that differ from their defaults, in a fixed order. */
export function formatLab(lab: LabView | null): string {
  if (lab === null) return '';
  const parts: string[] = [lab.kind];
  const put = (key: string, value: string | number | null, fallback: string | number | null) => {
    if (value !== fallback && value !== null) parts.push(`${key}=${value}`);
  };
  if (lab.kind === 'sweep') {
    put('from', lab.from, SWEEP_DEFAULTS.from);
    put('to', lab.to, SWEEP_DEFAULTS.to);
    put('points', lab.points, SWEEP_DEFAULTS.points);
    put('y', lab.y, SWEEP_DEFAULTS.y);
    put('param', lab.param, SWEEP_DEFAULTS.param);
  } else {
    put('res', lab.res, MAP_DEFAULTS.res);
    put('colour', lab.colour, MAP_DEFAULTS.colour);
  }
  return parts.join(':');
}

export function labField<C extends { readonly vocab: ViewVocabulary }>(): ScalarField<ViewState, 'lab', C> {
  return {
    kind: 'scalar',
    name: 'lab',
    key: 'lab',
    flag: { name: 'lab', arg: 'sweep|map[:…]', figureOnly: true },
    label: 'the lab view',
    help: 'draw a learning-rate sweep (sweep[:from=A:to=B:points=N:y=settled|gap:param=P]) or a start-point map (map[:res=N:colour=iterations|basins]) instead of the race',
    write: 'unless-default',
    default: () => null,
    parse(text, { vocab }, view) {
      const parts = split(text);
      if (parts?.word === 'sweep') return parseSweep(parts.pairs, view.entrants, vocab);
      if (parts?.word === 'map') return parseMap(parts.pairs);
      if (text === '') return { ok: true, value: null };
      return expected(`${SWEEP_FORM}; or ${MAP_FORM}`);
    },
    format: formatLab,
  };
}

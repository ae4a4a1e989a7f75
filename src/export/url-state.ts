/**
 * The surfaces view as one plain object, and its URL codec (URL ⇄ ViewState), shared by the app, export
 * and embed. Pure: no DOM. The URL is the hash of the page, written as a query string:
 *
 *   #s=rosenbrock&start=-1.2,1&target=0.0001&steps=500&noise=0&seed=1&opt=sgd,adam&adam.lr=0.05&layout=grid&k=120
 *   #f=x%5E2%20%2B%203*y%5E2&dom=-5,5,-5,5&start=…        (a typed expression instead of a registry surface)
 *
 * Hyperparameters are written only where they differ from the surface's defaults (registry default, then
 * the surface's override), `opt` only when not every optimizer runs, `sched` (a learning-rate schedule spec
 * of src/run/schedules.ts, e.g. `step:gamma=0.9,size=50`) only when not fixed, `layout` only when not
 * overlaid, `k` only when playback is not at the end. Numbers are written with String(v), which round-trips every
 * double exactly, so a copied link reproduces the race bit for bit (tensorflow/playground's idea: the
 * registries are the URL's vocabulary, and the seed is part of the state).
 *
 * Decoding validates every field against the vocabulary (surface ids, optimizer ids, each hyperparameter's
 * [min, max]) and falls back to the default for anything invalid, with a human-readable notice. An invalid
 * surface or expression resets the whole view to the defaults. Notices quote at most 40 characters of the
 * offending text and are meant to be shown as text, never as markup.
 */
import type { Hyper, HyperSpec, OptimizerId } from '../optim/types.ts';
import type { SurfaceDef } from '../../surfaces/types.ts';
import { FIXED, formatSchedule, parseSchedule, type Schedule } from '../run/schedules.ts';

export type Layout = 'overlay' | 'grid';

export interface ViewDomain {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

export interface ViewState {
  /** Registry surface id, or null when the view shows a typed expression. */
  readonly surface: string | null;
  /** The expression plotted (for a registry surface, its SurfaceDef.expr). */
  readonly expr: string;
  readonly domain: ViewDomain;
  readonly start: readonly [number, number];
  /** Optimizers that run, in registry order. */
  readonly optimizers: readonly OptimizerId[];
  /** Complete hyperparameters for every optimizer (also the ones not running, so toggling keeps edits). */
  readonly hyper: Readonly<Record<string, Hyper>>;
  readonly target: number;
  readonly steps: number;
  /** Gradient-noise standard deviation σ (0 = exact gradients). */
  readonly noise: number;
  readonly seed: number;
  /** Learning-rate schedule applied to every optimizer's lr (FIXED = constant rates). */
  readonly schedule: Schedule;
  readonly layout: Layout;
  /** Playback iteration, or null for "at the end of the race". */
  readonly k: number | null;
}

/** What the codec needs to know: the registries, and the expression checker (message or null). */
export interface ViewVocabulary {
  /** Registry surfaces in display order; the first is the default view. */
  readonly surfaces: readonly SurfaceDef[];
  readonly optimizers: readonly { readonly id: OptimizerId; readonly hyper: readonly HyperSpec[] }[];
  validateExpression(text: string): string | null;
}

export const MAX_STEPS = 10_000;
export const MAX_EXPR_LENGTH = 500;
export const MAX_COORD = 1e6;
export const MAX_NOISE = 1e3;
export const DEFAULT_SEED = 1;
export const MAX_SCHEDULE_LENGTH = 200;
/** The domain a typed expression gets when there is no current view to inherit one from. */
export const CUSTOM_DOMAIN: ViewDomain = { x: [-5, 5], y: [-5, 5] };

export interface Decoded {
  readonly view: ViewState;
  readonly notices: readonly string[];
}

/** Registry defaults with the surface's per-optimizer overrides on top. */
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

export function defaultView(def: SurfaceDef, vocab: ViewVocabulary): ViewState {
  return {
    surface: def.id,
    expr: def.expr,
    domain: { x: [def.domain.x[0], def.domain.x[1]], y: [def.domain.y[0], def.domain.y[1]] },
    start: [def.start[0], def.start[1]],
    optimizers: vocab.optimizers.map((o) => o.id),
    hyper: surfaceHyper(def, vocab),
    target: def.target,
    steps: def.steps,
    noise: 0,
    seed: DEFAULT_SEED,
    schedule: FIXED,
    layout: 'overlay',
    k: null,
  };
}

export function encodeView(view: ViewState, vocab: ViewVocabulary): string {
  const p = new URLSearchParams();
  const def = view.surface === null ? null : (vocab.surfaces.find((s) => s.id === view.surface) ?? null);
  if (def) {
    p.set('s', def.id);
  } else {
    p.set('f', view.expr);
    p.set('dom', [view.domain.x[0], view.domain.x[1], view.domain.y[0], view.domain.y[1]].join(','));
  }
  p.set('start', `${view.start[0]},${view.start[1]}`);
  p.set('target', String(view.target));
  p.set('steps', String(view.steps));
  p.set('noise', String(view.noise));
  p.set('seed', String(view.seed));
  if (view.optimizers.length !== vocab.optimizers.length) p.set('opt', view.optimizers.join(','));
  const base = surfaceHyper(def, vocab);
  for (const opt of vocab.optimizers) {
    for (const spec of opt.hyper) {
      const v = view.hyper[opt.id]?.[spec.key];
      if (v !== undefined && !Object.is(v, base[opt.id][spec.key])) p.set(`${opt.id}.${spec.key}`, String(v));
    }
  }
  if (view.schedule.kind !== 'fixed') p.set('sched', formatSchedule(view.schedule));
  if (view.layout !== 'overlay') p.set('layout', view.layout);
  if (view.k !== null) p.set('k', String(view.k));
  // URLSearchParams writes spaces as '+'; %20 reads better next to the '+' of expressions.
  return p.toString().replace(/\+/g, '%20');
}

const quote = (s: string): string => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** A finite number written plainly (no hex, no empty string, no 'Infinity'). */
function parseNumber(text: string): number | null {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text.trim())) return null;
  const v = Number(text);
  return Number.isFinite(v) ? v : null;
}

function parseList(text: string, n: number): number[] | null {
  const parts = text.split(',');
  if (parts.length !== n) return null;
  const out: number[] = [];
  for (const part of parts) {
    const v = parseNumber(part);
    if (v === null || Math.abs(v) > MAX_COORD) return null;
    out.push(v);
  }
  return out;
}

export function decodeView(hash: string, vocab: ViewVocabulary): Decoded {
  const fallback = defaultView(vocab.surfaces[0], vocab);
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text.trim() === '') return { view: fallback, notices: [] };
  let p: URLSearchParams;
  try {
    p = new URLSearchParams(text);
  } catch {
    return { view: fallback, notices: ['The link could not be read, so the default view is shown.'] };
  }
  const notices: string[] = [];
  const reset = (why: string): Decoded => ({
    view: fallback,
    notices: [`${why}${/[.!?]$/.test(why) ? '' : '.'} The default view is shown instead.`],
  });

  let base: ViewState;
  const sid = p.get('s');
  const expr = p.get('f');
  if (sid !== null) {
    const def = vocab.surfaces.find((s) => s.id === sid);
    if (!def) return reset(`The link names an unknown surface ${quote(sid)}.`);
    base = defaultView(def, vocab);
  } else if (expr !== null) {
    if (expr.length > MAX_EXPR_LENGTH) return reset(`The link's expression is longer than ${MAX_EXPR_LENGTH} characters.`);
    const err = vocab.validateExpression(expr);
    if (err !== null) return reset(`The link's expression ${quote(expr)} was rejected: ${err}`);
    let domain = CUSTOM_DOMAIN;
    const dom = p.get('dom');
    if (dom !== null) {
      const d = parseList(dom, 4);
      if (d && d[0] < d[1] && d[2] < d[3]) domain = { x: [d[0], d[1]], y: [d[2], d[3]] };
      else notices.push(`Ignored the plot domain ${quote(dom)}: expected x0,x1,y0,y1 with x0 < x1 and y0 < y1.`);
    }
    base = { ...fallback, surface: null, expr, domain, hyper: surfaceHyper(null, vocab) };
  } else {
    return reset('The link names no surface (s=…) or expression (f=…).');
  }

  let { start, target, steps, noise, seed, schedule, layout, k, optimizers } = base;
  const hyper: Record<string, Hyper> = {};
  for (const id of Object.keys(base.hyper)) hyper[id] = { ...base.hyper[id] };

  // 'tab' belongs to the app shell (which tab is open), not to the surfaces view.
  const known = new Set(['s', 'f', 'dom', 'start', 'target', 'steps', 'noise', 'seed', 'opt', 'sched', 'layout', 'k', 'tab']);
  for (const [key, raw] of p) {
    if (known.has(key)) continue;
    const dot = key.indexOf('.');
    const opt = dot > 0 ? vocab.optimizers.find((o) => o.id === key.slice(0, dot)) : undefined;
    const spec = opt?.hyper.find((h) => h.key === key.slice(dot + 1));
    if (!opt || !spec) {
      notices.push(`Ignored the unknown setting ${quote(key)}.`);
      continue;
    }
    const v = parseNumber(raw);
    if (v === null || v < spec.min || v > spec.max) {
      notices.push(`Ignored ${opt.id} ${spec.label} ${quote(raw)}: expected a number from ${spec.min} to ${spec.max}.`);
      continue;
    }
    hyper[opt.id][spec.key] = v;
  }

  const get = (key: string): string | null => p.get(key);
  let raw: string | null;
  if ((raw = get('start')) !== null) {
    const s = parseList(raw, 2);
    if (s) start = [s[0], s[1]];
    else notices.push(`Ignored the start point ${quote(raw)}: expected two numbers x,y.`);
  }
  if ((raw = get('target')) !== null) {
    const v = parseNumber(raw);
    if (v !== null) target = v;
    else notices.push(`Ignored the target ${quote(raw)}: expected a number.`);
  }
  if ((raw = get('steps')) !== null) {
    const v = parseNumber(raw);
    if (v !== null && Number.isInteger(v) && v >= 1 && v <= MAX_STEPS) steps = v;
    else notices.push(`Ignored the step budget ${quote(raw)}: expected a whole number from 1 to ${MAX_STEPS}.`);
  }
  if ((raw = get('noise')) !== null) {
    const v = parseNumber(raw);
    if (v !== null && v >= 0 && v <= MAX_NOISE) noise = v;
    else notices.push(`Ignored the noise σ ${quote(raw)}: expected a number from 0 to ${MAX_NOISE}.`);
  }
  if ((raw = get('seed')) !== null) {
    const v = parseNumber(raw);
    if (v !== null && Number.isInteger(v) && v >= 0 && v <= 0xffffffff) seed = v;
    else notices.push(`Ignored the seed ${quote(raw)}: expected a whole number from 0 to 4294967295.`);
  }
  if ((raw = get('opt')) !== null) {
    const ids = raw.split(',').filter((s) => s !== '');
    const unknown = ids.filter((id) => !vocab.optimizers.some((o) => o.id === id));
    if (unknown.length > 0) notices.push(`Ignored the unknown optimizer ${quote(unknown[0])}.`);
    optimizers = vocab.optimizers.map((o) => o.id).filter((id) => ids.includes(id));
  }
  if ((raw = get('sched')) !== null) {
    // The cap keeps parseSchedule's message (which quotes the offending part) short.
    if (raw.length > MAX_SCHEDULE_LENGTH) {
      notices.push(`Ignored the learning-rate schedule ${quote(raw)}: longer than ${MAX_SCHEDULE_LENGTH} characters.`);
    } else {
      try {
        schedule = parseSchedule(raw);
      } catch (e) {
        notices.push(`Ignored the learning-rate schedule ${quote(raw)}: ${(e as Error).message}.`);
      }
    }
  }
  if ((raw = get('layout')) !== null) {
    if (raw === 'overlay' || raw === 'grid') layout = raw;
    else notices.push(`Ignored the layout ${quote(raw)}: expected overlay or grid.`);
  }
  if ((raw = get('k')) !== null) {
    const v = parseNumber(raw);
    if (v !== null && Number.isInteger(v) && v >= 0 && v <= steps) k = v;
    else notices.push(`Ignored the iteration ${quote(raw)}: expected a whole number from 0 to the step budget.`);
  }
  return { view: { ...base, start, target, steps, noise, seed, schedule, layout, k, optimizers, hyper }, notices };
}

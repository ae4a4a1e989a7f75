/**
 * Learning-rate schedules (Caffe's lr_policy vocabulary, as the textbook uses it, plus the course's
 * per-epoch decay and the cosine decay of SGDR, Loshchilov & Hutter 2017, without restarts). A schedule
 * maps the base rate η₀, the iteration t (0 for the first update) and the epoch e (0 for the first epoch)
 * to the rate used for that update:
 *
 *   fixed      η₀
 *   step       η₀·γ^⌊t/s⌋
 *   multistep  η₀·γ^k, k = number of listed iterations ≤ t
 *   exp        η₀·γ^t
 *   inv        η₀·(1 + γt)^(−p)
 *   poly       η₀·(1 − t/T)^p   (0 once t ≥ T)
 *   course     η₀ / (1 + decay·e)
 *   cos        η₀·(m + (1 − m)·(1 + cos(π·t/T))/2)   (η₀·m once t ≥ T; the floor m is a fraction of η₀,
 *              optax's alpha, so one schedule serves optimizers with different rates)
 *
 * plus a linear warm-up that composes with any of them by multiplying its rate on the same clock:
 *
 *   warmup     min(1, (t+1)/W) · (the schedule's rate at t)
 *
 * so the first update uses η₀/W and update W−1 on the full schedule (the (t+1)/W of the Schedule-Free
 * reference's warm-up; optax's and Hugging Face's t/W spend the first update at rate 0). Multiplying on
 * the same clock, rather than starting the other schedule once the warm-up ends, keeps every other
 * schedule's iterations (step sizes, multistep's drops, cos's T) meaning the update index they say.
 *
 * The compact spec string (CLI flag, URL word) is `kind` or `kind:key=value,key=value`, e.g.
 * `step:gamma=0.9,size=50`, `multistep:gamma=0.1,at=1000/2000` or `cos:max=1000,min=0.1`. Missing keys
 * take their defaults. A warm-up is written `warmup:steps=W`, alone (a warm-up to the fixed rate) or
 * joined to one other schedule by `+`: `warmup:steps=100+cos:max=1000,min=0`. Links write the `+` as %2B;
 * a `+` typed into a link's hash reads back as a space, which is accepted in its place.
 *
 * Schedules apply to every optimizer with a learning rate except Schedule-Free SGD (followsSchedule).
 */
import type { Hyper, Optimizer } from '../optim/types.ts';

export const SCHEDULE_KINDS = ['fixed', 'step', 'multistep', 'exp', 'inv', 'poly', 'course', 'cos'] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

export interface ScheduleParamSpec {
  readonly key: string;
  readonly label: string;
  readonly tex: string;
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
}

export interface ScheduleDef {
  readonly kind: ScheduleKind;
  readonly name: string;
  /** KaTeX formula for the rate at iteration t (epoch e). */
  readonly formula: string;
  readonly params: readonly ScheduleParamSpec[];
}

/**
 * A parsed schedule: scalar parameters by key; multistep's drop iterations in `at` (ascending); the
 * linear warm-up's length W in updates, which multiplies whatever `kind` gives (absent: none; parseSchedule
 * and withWarmup leave it out rather than write 0, so a schedule without one is what it always was).
 */
export interface Schedule {
  readonly kind: ScheduleKind;
  readonly params: Readonly<Record<string, number>>;
  readonly at: readonly number[];
  readonly warmup?: number;
}

const gamma = (d: number): ScheduleParamSpec => ({ key: 'gamma', label: 'decay factor', tex: '\\gamma', default: d, min: 0, max: 10, integer: false });
const power = (d: number): ScheduleParamSpec => ({ key: 'power', label: 'power', tex: 'p', default: d, min: 0, max: 100, integer: false });

export const SCHEDULES: readonly ScheduleDef[] = [
  { kind: 'fixed', name: 'Fixed', formula: '\\eta_t = \\eta_0', params: [] },
  {
    kind: 'step',
    name: 'Step',
    formula: '\\eta_t = \\eta_0\\,\\gamma^{\\lfloor t/s \\rfloor}',
    params: [gamma(0.9), { key: 'size', label: 'step size (iterations)', tex: 's', default: 50, min: 1, max: 1e9, integer: true }],
  },
  { kind: 'multistep', name: 'Multistep', formula: '\\eta_t = \\eta_0\\,\\gamma^{\\#\\{i\\,:\\,t_i \\le t\\}}', params: [gamma(0.1)] },
  { kind: 'exp', name: 'Exponential', formula: '\\eta_t = \\eta_0\\,\\gamma^{t}', params: [gamma(0.999)] },
  { kind: 'inv', name: 'Inverse', formula: '\\eta_t = \\eta_0\\,(1 + \\gamma t)^{-p}', params: [gamma(1e-4), power(0.75)] },
  {
    kind: 'poly',
    name: 'Polynomial',
    formula: '\\eta_t = \\eta_0\\,(1 - t/T)^{p}',
    params: [power(1), { key: 'max', label: 'total iterations', tex: 'T', default: 10000, min: 1, max: 1e9, integer: true }],
  },
  {
    kind: 'course',
    name: '1/(1 + decay·epoch)',
    formula: '\\eta_e = \\frac{\\eta_0}{1 + \\text{decay}\\cdot e}',
    params: [{ key: 'decay', label: 'decay rate', tex: '\\text{decay}', default: 1, min: 0, max: 1e6, integer: false }],
  },
  {
    kind: 'cos',
    name: 'Cosine',
    formula: '\\eta_t = \\eta_0\\Big(m + (1-m)\\,\\frac{1 + \\cos(\\pi \\min(t,T)/T)}{2}\\Big)',
    params: [
      { key: 'max', label: 'total iterations', tex: 'T', default: 10000, min: 1, max: 1e9, integer: true },
      { key: 'min', label: 'floor (fraction of η₀)', tex: 'm', default: 0, min: 0, max: 1, integer: false },
    ],
  },
];

/** The warm-up's one parameter, W (`warmup:steps=W`). */
export const WARMUP_PARAM: ScheduleParamSpec = { key: 'steps', label: 'warm-up iterations', tex: 'W', default: 100, min: 1, max: 1e9, integer: true };
/** The warm-up's factor, shown beside the schedule's formula when W > 0. */
export const WARMUP_FORMULA = '\\times\\, \\min\\!\\big(1, \\tfrac{t+1}{W}\\big)';

export function scheduleDef(kind: ScheduleKind): ScheduleDef {
  const def = SCHEDULES.find((d) => d.kind === kind);
  if (!def) throw new Error(`unknown schedule "${kind}"`);
  return def;
}

export const FIXED: Schedule = { kind: 'fixed', params: {}, at: [] };

/** The warm-up length W, 0 for none. */
export function warmupOf(s: Schedule): number {
  return s.warmup ?? 0;
}

/** `s` with a warm-up of W updates (0 or less: none, and no `warmup` key). */
export function withWarmup(s: Schedule, warmup: number): Schedule {
  const { warmup: _old, ...rest } = s;
  return warmup > 0 ? { ...rest, warmup } : rest;
}

/** True when every update uses η₀ itself: `fixed` without a warm-up. */
export function isFixed(s: Schedule): boolean {
  return s.kind === 'fixed' && warmupOf(s) === 0;
}

/**
 * Whether a schedule changes this optimizer's rate: not for rules without an `lr` (AdaDelta), nor for those
 * marked `schedulable: false` (Schedule-Free SGD, whose averaging replaces a schedule). Runs, the MNIST
 * trainer and the CLI's notes all ask here.
 */
export function followsSchedule(optimizer: Pick<Optimizer, 'schedulable'>, hyper: Hyper): boolean {
  return optimizer.schedulable !== false && 'lr' in hyper;
}

/** The rate for update t (0-based) in epoch e (0-based). */
export function learningRateAt(s: Schedule, lr0: number, t: number, epoch: number): number {
  const rate = scheduledRate(s, lr0, t, epoch);
  const w = warmupOf(s);
  return w > 0 && t + 1 < w ? (rate * (t + 1)) / w : rate;
}

function scheduledRate(s: Schedule, lr0: number, t: number, epoch: number): number {
  const p = s.params;
  switch (s.kind) {
    case 'fixed':
      return lr0;
    case 'step':
      return lr0 * p.gamma ** Math.floor(t / p.size);
    case 'multistep': {
      let k = 0;
      while (k < s.at.length && s.at[k] <= t) k++;
      return lr0 * p.gamma ** k;
    }
    case 'exp':
      return lr0 * p.gamma ** t;
    case 'inv':
      return lr0 * (1 + p.gamma * t) ** -p.power;
    case 'poly':
      return t >= p.max ? 0 : lr0 * (1 - t / p.max) ** p.power;
    case 'course':
      return lr0 / (1 + p.decay * epoch);
    case 'cos':
      return lr0 * (p.min + ((1 - p.min) * (1 + Math.cos((Math.PI * Math.min(t, p.max)) / p.max))) / 2);
  }
}

const WARMUP = 'warmup';

/**
 * Parse `kind[:key=value,...]`, optionally joined by `+` (or a space, as a link's `+` reads back) to a
 * `warmup:steps=W`; throws an Error whose message names the offending part.
 */
export function parseSchedule(text: string): Schedule {
  const parts = text.trim().split(/\s*\+\s*|\s+(?=[a-z]+(?::|$))/);
  let warmup = 0;
  let main: Schedule | null = null;
  for (const part of parts) {
    if (part.split(':')[0].trim() === WARMUP) {
      if (warmup > 0) throw new Error('schedule: warmup is given twice');
      warmup = parseWarmup(part);
    } else {
      if (main) throw new Error(`schedule: only a warmup:steps=W can be joined to another schedule with "+", got "${text.trim()}"`);
      main = parsePart(part);
    }
  }
  return withWarmup(main ?? FIXED, warmup);
}

function parseWarmup(part: string): number {
  const colon = part.indexOf(':');
  let steps = WARMUP_PARAM.default;
  for (const entry of (colon < 0 ? '' : part.slice(colon + 1)).split(',')) {
    if (entry.trim() === '') continue;
    const eq = entry.indexOf('=');
    if (eq < 0) throw new Error(`schedule ${WARMUP}: expected key=value, got "${entry}"`);
    const key = entry.slice(0, eq).trim();
    if (key !== WARMUP_PARAM.key) throw new Error(`schedule ${WARMUP} has no parameter "${key}" (expected ${WARMUP_PARAM.key})`);
    steps = parseNumber(WARMUP, key, entry.slice(eq + 1).trim(), WARMUP_PARAM.min, WARMUP_PARAM.max, true);
  }
  return steps;
}

function parsePart(text: string): Schedule {
  const trimmed = text.trim();
  const colon = trimmed.indexOf(':');
  const kindText = colon < 0 ? trimmed : trimmed.slice(0, colon);
  const def = SCHEDULES.find((d) => d.kind === kindText);
  if (!def) throw new Error(`unknown schedule "${kindText}" (expected one of ${SCHEDULE_KINDS.join(', ')}, optionally after ${WARMUP}:steps=W+)`);
  const params: Record<string, number> = {};
  for (const spec of def.params) params[spec.key] = spec.default;
  let at: number[] = [];
  const rest = colon < 0 ? '' : trimmed.slice(colon + 1);
  for (const part of rest.split(',')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq < 0) throw new Error(`schedule ${def.kind}: expected key=value, got "${part}"`);
    const key = part.slice(0, eq).trim();
    const valueText = part.slice(eq + 1).trim();
    if (def.kind === 'multistep' && key === 'at') {
      at = valueText.split('/').map((v) => parseNumber(def.kind, key, v, 0, 1e12, true));
      for (let i = 1; i < at.length; i++) {
        if (at[i] <= at[i - 1]) throw new Error(`schedule multistep: "at" iterations must increase, got ${valueText}`);
      }
      continue;
    }
    const spec = def.params.find((s) => s.key === key);
    if (!spec) {
      const keys = def.params.map((s) => s.key).concat(def.kind === 'multistep' ? ['at'] : []);
      throw new Error(`schedule ${def.kind} has no parameter "${key}"${keys.length ? ` (expected ${keys.join(', ')})` : ''}`);
    }
    params[key] = parseNumber(def.kind, key, valueText, spec.min, spec.max, spec.integer);
  }
  return { kind: def.kind, params, at };
}

function parseNumber(kind: string, key: string, text: string, min: number, max: number, integer: boolean): number {
  const value = text === '' ? NaN : Number(text);
  if (!Number.isFinite(value)) throw new Error(`schedule ${kind}: ${key} must be a number, got "${text}"`);
  if (value < min || value > max) throw new Error(`schedule ${kind}: ${key} = ${value} is outside [${min}, ${max}]`);
  if (integer && !Number.isInteger(value)) throw new Error(`schedule ${kind}: ${key} must be an integer, got ${value}`);
  // −0 reads as 0, as formatSchedule writes it.
  return value === 0 ? 0 : value;
}

/** The inverse of parseSchedule: every parameter written out, in spec order; a warm-up first, then `+`. */
export function formatSchedule(s: Schedule): string {
  const def = scheduleDef(s.kind);
  const parts = def.params.map((spec) => `${spec.key}=${s.params[spec.key]}`);
  if (s.kind === 'multistep' && s.at.length > 0) parts.push(`at=${s.at.join('/')}`);
  const main = parts.length ? `${s.kind}:${parts.join(',')}` : s.kind;
  if (warmupOf(s) === 0) return main;
  const warmup = `${WARMUP}:${WARMUP_PARAM.key}=${warmupOf(s)}`;
  return s.kind === 'fixed' ? warmup : `${warmup}+${main}`;
}

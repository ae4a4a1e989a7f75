/**
 * Learning-rate schedules (Caffe's lr_policy vocabulary, as the textbook uses it, plus the course's
 * per-epoch decay). A schedule maps the base rate η₀, the iteration t (0 for the first update) and the
 * epoch e (0 for the first epoch) to the rate used for that update:
 *
 *   fixed      η₀
 *   step       η₀·γ^⌊t/s⌋
 *   multistep  η₀·γ^k, k = number of listed iterations ≤ t
 *   exp        η₀·γ^t
 *   inv        η₀·(1 + γt)^(−p)
 *   poly       η₀·(1 − t/T)^p   (0 once t ≥ T)
 *   course     η₀ / (1 + decay·e)
 *
 * The compact spec string (CLI flag, URL word) is `kind` or `kind:key=value,key=value`, e.g.
 * `step:gamma=0.9,size=50` or `multistep:gamma=0.1,at=1000/2000`. Missing keys take their defaults.
 */

export const SCHEDULE_KINDS = ['fixed', 'step', 'multistep', 'exp', 'inv', 'poly', 'course'] as const;
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

/** A parsed schedule: scalar parameters by key; multistep's drop iterations in `at` (ascending). */
export interface Schedule {
  readonly kind: ScheduleKind;
  readonly params: Readonly<Record<string, number>>;
  readonly at: readonly number[];
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
];

export function scheduleDef(kind: ScheduleKind): ScheduleDef {
  const def = SCHEDULES.find((d) => d.kind === kind);
  if (!def) throw new Error(`unknown schedule "${kind}"`);
  return def;
}

export const FIXED: Schedule = { kind: 'fixed', params: {}, at: [] };

/** The rate for update t (0-based) in epoch e (0-based). */
export function learningRateAt(s: Schedule, lr0: number, t: number, epoch: number): number {
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
  }
}

/** Parse `kind[:key=value,...]`; throws an Error whose message names the offending part. */
export function parseSchedule(text: string): Schedule {
  const trimmed = text.trim();
  const colon = trimmed.indexOf(':');
  const kindText = colon < 0 ? trimmed : trimmed.slice(0, colon);
  const def = SCHEDULES.find((d) => d.kind === kindText);
  if (!def) throw new Error(`unknown schedule "${kindText}" (expected one of ${SCHEDULE_KINDS.join(', ')})`);
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

/** The inverse of parseSchedule: every parameter written out, in spec order. */
export function formatSchedule(s: Schedule): string {
  const def = scheduleDef(s.kind);
  const parts = def.params.map((spec) => `${spec.key}=${s.params[spec.key]}`);
  if (s.kind === 'multistep' && s.at.length > 0) parts.push(`at=${s.at.join('/')}`);
  return parts.length ? `${s.kind}:${parts.join(',')}` : s.kind;
}

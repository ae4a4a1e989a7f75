/**
 * What made update k + 1 of an inspected entrant what it was, rule by rule, from the replayed state
 * (src/run/inspect.ts): the plain gradient step −η·g, the step actually taken θ_{k+1} − θ_k, and each
 * rule's extra (Momentum's and NAG's carried velocity −η·β·v, NAG's look-ahead point, the per-coordinate
 * effective learning rate of the adaptive rules, Adam's m̂ against m, AdaDelta's Δ and its averages, Lion's
 * sign, Schedule-Free's y and z), plus the panel's rows and the rule with the numbers filled in (KaTeX).
 *
 * Every value is computed from the engine's own state after k and after k + 1 updates with the rule's
 * formula (the optimizer files' headers), so the filled-in rule reproduces the engine's numbers; `taken`
 * is the engine's own difference θ_{k+1} − θ_k.
 */
import type { OptimizerId } from '../optim/types.ts';
import type { Inspection, Pair, WatchedUpdate } from '../run/inspect.ts';

export interface PartRow {
  /** TeX symbol, e.g. '\\hat m'. */
  readonly tex: string;
  /** Plain words for screen readers and the CLI. */
  readonly label: string;
  readonly value: number | Pair;
}

export interface UpdateParts {
  /** −η·g with this update's rate; null for AdaDelta, which has none. */
  readonly plain: Pair | null;
  /** θ_{k+1} − θ_k. */
  readonly taken: Pair;
  /** Momentum, NAG: the velocity carried into the step, −η·β·v_k (drawn from θ_k). */
  readonly carry: Pair | null;
  /** NAG: the look-ahead point θ − η·β·v where g was taken; Schedule-Free: y. */
  readonly lookahead: Pair | null;
  /** The per-coordinate effective learning rate (what multiplies g, m̂ or m in each coordinate). */
  readonly effectiveLr: Pair | null;
  /** State at k, state at k + 1 and derived quantities, for the panel. */
  readonly rows: readonly PartRow[];
  /** The rule, one TeX line per equation, numbers filled in. */
  readonly tex: readonly string[];
}

const map = (a: Pair, f: (v: number, i: number) => number): Pair => [f(a[0], 0), f(a[1], 1)];
const sub = (a: Pair, b: Pair): Pair => [a[0] - b[0], a[1] - b[1]];

/** A number for TeX: 4 significant digits, powers of ten written out. */
export function texNumber(v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? '\\text{NaN}' : v > 0 ? '\\infty' : '-\\infty';
  if (v === 0) return '0';
  const [mantissa, exponent] = v.toPrecision(4).split('e');
  const m = mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa;
  return exponent === undefined ? m : `${m} \\times 10^{${Number(exponent)}}`;
}
const tn = texNumber;
const tp = (p: Pair): string => `(${tn(p[0])},\\ ${tn(p[1])})`;

interface Ctx {
  readonly before: Readonly<Record<string, number | Pair>>;
  readonly after: Readonly<Record<string, number | Pair>>;
  readonly next: WatchedUpdate;
  readonly theta: Pair;
  readonly taken: Pair;
  readonly lr: number;
  readonly t: number;
}
type Extra = Omit<UpdateParts, 'plain' | 'taken'>;

const vec = (r: Readonly<Record<string, number | Pair>>, key: string): Pair => r[key] as Pair;
const num = (r: Readonly<Record<string, number | Pair>>, key: string): number => r[key] as number;
const row = (tex: string, label: string, value: number | Pair): PartRow => ({ tex, label, value });
const NONE = { carry: null, lookahead: null, effectiveLr: null };

function heavyBall(c: Ctx, nesterov: boolean): Extra {
  const { beta } = c.next.hyper;
  const damp = nesterov ? 0 : c.next.hyper.dampening;
  const v0 = vec(c.before, 'v');
  const v1 = vec(c.after, 'v');
  const g = c.next.g;
  const gTex = nesterov ? `\\nabla f(\\theta - \\eta\\beta v) = ${tp(g)}` : `g = ${tp(g)}`;
  return {
    ...NONE,
    carry: map(v0, (v) => -c.lr * beta * v),
    lookahead: nesterov ? c.next.at : null,
    rows: [
      row('v_k', 'velocity after k updates', v0),
      ...(nesterov ? [row('\\theta - \\eta\\beta v', 'look-ahead point', c.next.at)] : []),
      row(nesterov ? 'g_{\\text{ahead}}' : 'g', 'gradient', g),
      row('v_{k+1}', 'velocity after the update', v1),
    ],
    tex: [
      gTex,
      `v \\leftarrow ${tn(beta)}\\,${tp(v0)} + ${tn(1 - damp)}\\,${tp(g)} = ${tp(v1)}`,
      `\\theta \\leftarrow ${tp(c.theta)} - ${tn(c.lr)}\\,${tp(v1)} = ${tp(c.next.theta)}`,
    ],
  };
}

/** AdaGrad (r) and RMSprop (s): η/(√acc + ε) times g. */
function scaled(key: string, sum: boolean) {
  return (c: Ctx): Extra => {
    const { eps } = c.next.hyper;
    const a0 = vec(c.before, key);
    const a1 = vec(c.after, key);
    const rho = sum ? 1 : c.next.hyper.rho;
    const eff = map(a1, (a) => c.lr / (Math.sqrt(a) + eps));
    return {
      ...NONE,
      effectiveLr: eff,
      rows: [row(`${key}_k`, `${key} after k updates`, a0), row('g', 'gradient', c.next.g), row(`${key}_{k+1}`, `${key} after the update`, a1), row('\\eta/(\\sqrt{' + key + '}+\\epsilon)', 'effective learning rate', eff)],
      tex: [
        sum
          ? `${key} \\leftarrow ${tp(a0)} + ${tp(c.next.g)}^2 = ${tp(a1)}`
          : `${key} \\leftarrow ${tn(rho)}\\,${tp(a0)} + ${tn(1 - rho)}\\,${tp(c.next.g)}^2 = ${tp(a1)}`,
        `\\frac{\\eta}{\\sqrt{${key}}+\\epsilon} = ${tp(eff)}`,
        `\\theta \\leftarrow ${tp(c.theta)} - ${tp(eff)} \\odot ${tp(c.next.g)} = ${tp(c.next.theta)}`,
      ],
    };
  };
}

function adadelta(c: Ctx): Extra {
  const { eps, rho } = c.next.hyper;
  const s1 = vec(c.after, 's');
  const u0 = vec(c.before, 'u');
  const u1 = vec(c.after, 'u');
  const eff = map(s1, (s, i) => Math.sqrt(u0[i] + eps) / Math.sqrt(s + eps));
  const delta = map(c.next.g, (g, i) => g * eff[i]);
  return {
    ...NONE,
    effectiveLr: eff,
    rows: [
      row('s_k', 'average of g² after k updates', vec(c.before, 's')),
      row('u_k', 'average of Δ² after k updates', u0),
      row('g', 'gradient', c.next.g),
      row('s_{k+1}', 'average of g² after the update', s1),
      row('\\Delta', 'step', delta),
      row('u_{k+1}', 'average of Δ² after the update', u1),
    ],
    tex: [
      `s \\leftarrow ${tn(rho)}\\,${tp(vec(c.before, 's'))} + ${tn(1 - rho)}\\,${tp(c.next.g)}^2 = ${tp(s1)}`,
      `\\Delta = ${tp(c.next.g)} \\odot \\frac{\\sqrt{${tp(u0)} + \\epsilon}}{\\sqrt{s + \\epsilon}} = ${tp(delta)}`,
      `\\theta \\leftarrow ${tp(c.theta)} - \\Delta = ${tp(c.next.theta)},\\quad u \\leftarrow ${tp(u1)}`,
    ],
  };
}

/** Adam and AdamW: m̂/(√v̂ + ε); AdamW first shrinks θ by (1 − ηλ). */
function adamLike(c: Ctx): Extra {
  const { beta1, beta2, eps } = c.next.hyper;
  const m1 = vec(c.after, 'm');
  const v1 = vec(c.after, 'v');
  const c1 = 1 - num(c.after, 'beta1Power');
  const c2 = 1 - num(c.after, 'beta2Power');
  const mHat = map(m1, (m) => m / c1);
  const vHat = map(v1, (v) => v / c2);
  const eff = map(vHat, (v) => c.lr / (Math.sqrt(v) + eps));
  const wd = c.next.hyper.wd;
  return {
    ...NONE,
    effectiveLr: eff,
    rows: [
      row('m_k', 'first moment after k updates', vec(c.before, 'm')),
      row('v_k', 'second moment after k updates', vec(c.before, 'v')),
      row('g', 'gradient', c.next.g),
      row('m_{k+1}', 'first moment', m1),
      row('\\hat m', 'bias-corrected first moment', mHat),
      row('v_{k+1}', 'second moment', v1),
      row('\\hat v', 'bias-corrected second moment', vHat),
      row('\\eta/(\\sqrt{\\hat v}+\\epsilon)', 'effective learning rate', eff),
    ],
    tex: [
      `m \\leftarrow ${tn(beta1)}\\,${tp(vec(c.before, 'm'))} + ${tn(1 - beta1)}\\,${tp(c.next.g)} = ${tp(m1)},\\; \\hat m = m / ${tn(c1)} = ${tp(mHat)}`,
      `v \\leftarrow ${tn(beta2)}\\,${tp(vec(c.before, 'v'))} + ${tn(1 - beta2)}\\,${tp(c.next.g)}^2 = ${tp(v1)},\\; \\hat v = v / ${tn(c2)} = ${tp(vHat)}`,
      `\\theta \\leftarrow ${wd === undefined ? tp(c.theta) : `${tp(c.theta)}(1 - ${tn(c.lr * wd)})`} - ${tp(eff)} \\odot ${tp(mHat)} = ${tp(c.next.theta)}`,
    ],
  };
}

/** The rest of the 'more' group: their state and the effective rate on m̂ (or g), with the engine's step. */
function amsgrad(c: Ctx): Extra {
  const c1 = 1 - num(c.after, 'beta1Power');
  const rootC2 = Math.sqrt(1 - num(c.after, 'beta2Power'));
  const mHat = map(vec(c.after, 'm'), (m) => m / c1);
  const vMax = vec(c.after, 'vMax');
  const eff = map(vMax, (v) => c.lr / (Math.sqrt(v) / rootC2 + c.next.hyper.eps));
  return {
    ...NONE,
    effectiveLr: eff,
    rows: [row('g', 'gradient', c.next.g), row('m', 'first moment', vec(c.after, 'm')), row('\\hat m', 'bias-corrected first moment', mHat), row('v', 'second moment', vec(c.after, 'v')), row('v_{\\max}', 'largest second moment', vMax), row('\\eta/(\\sqrt{\\hat v_{\\max}}+\\epsilon)', 'effective learning rate', eff)],
    tex: [`\\theta \\leftarrow ${tp(c.theta)} - ${tp(eff)} \\odot ${tp(mHat)} = ${tp(c.next.theta)}`],
  };
}

function nadam(c: Ctx): Extra {
  const { beta1, psi, eps } = c.next.hyper;
  const c2 = 1 - num(c.after, 'beta2Power');
  const decay = num(c.after, 'muDecayPower');
  const product = num(c.after, 'muProduct');
  const mu = beta1 * (1 - 0.5 * decay);
  const muNext = beta1 * (1 - 0.5 * decay * 0.96 ** psi);
  const gradWeight = (1 - mu) / (1 - product);
  const momentumWeight = muNext / (1 - product * muNext);
  const d = map(vec(c.after, 'v'), (v) => Math.sqrt(v / c2) + eps);
  const eff = map(d, (x) => c.lr / x);
  const m = vec(c.after, 'm');
  return {
    ...NONE,
    effectiveLr: eff,
    rows: [row('g', 'gradient', c.next.g), row('m', 'first moment', m), row('v', 'second moment', vec(c.after, 'v')), row('\\mu_t', 'momentum coefficient', mu), row('\\mu_{t+1}', 'next momentum coefficient', muNext), row('\\textstyle\\prod \\mu', 'product of momentum coefficients', product), row('d', 'denominator', d), row('\\eta/d', 'effective learning rate', eff)],
    tex: [
      `\\mu_t = ${tn(mu)},\\; \\mu_{t+1} = ${tn(muNext)},\\; d = \\sqrt{v/${tn(c2)}} + \\epsilon = ${tp(d)}`,
      `\\theta \\leftarrow ${tp(c.theta)} - ${tp(eff)} \\odot \\big(${tn(gradWeight)}\\,${tp(c.next.g)} + ${tn(momentumWeight)}\\,${tp(m)}\\big) = ${tp(c.next.theta)}`,
    ],
  };
}

function radam(c: Ctx): Extra {
  const { beta2, eps } = c.next.hyper;
  const c1 = 1 - num(c.after, 'beta1Power');
  const c2 = 1 - num(c.after, 'beta2Power');
  const rhoInf = 2 / (1 - beta2) - 1;
  const rho = rhoInf - (2 * c.t * num(c.after, 'beta2Power')) / c2;
  const r = rho > 5 ? Math.sqrt(((rho - 4) * (rho - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rho)) : null;
  const mHat = map(vec(c.after, 'm'), (m) => m / c1);
  const eff = r === null ? map(mHat, () => c.lr) : map(vec(c.after, 'v'), (v) => (c.lr * r * Math.sqrt(c2)) / (Math.sqrt(v) + eps));
  return {
    ...NONE,
    effectiveLr: eff,
    rows: [row('g', 'gradient', c.next.g), row('\\hat m', 'bias-corrected first moment', mHat), row('v', 'second moment', vec(c.after, 'v')), row('\\rho_t', 'length of the variance estimate', rho), ...(r === null ? [] : [row('r_t', 'rectification', r)]), row('\\text{rate}', 'effective learning rate', eff)],
    tex: [`\\rho_t = ${tn(rho)} ${r === null ? '\\le 5' : '> 5'}`, `\\theta \\leftarrow ${tp(c.theta)} - ${tp(eff)} \\odot ${tp(mHat)} = ${tp(c.next.theta)}`],
  };
}

function adabelief(c: Ctx): Extra {
  const c1 = 1 - num(c.after, 'beta1Power');
  const rootC2 = Math.sqrt(1 - num(c.after, 'beta2Power'));
  const mHat = map(vec(c.after, 'm'), (m) => m / c1);
  const s = vec(c.after, 's');
  const eff = map(s, (v) => c.lr / (Math.sqrt(v) / rootC2 + c.next.hyper.eps));
  return {
    ...NONE,
    effectiveLr: eff,
    rows: [row('g', 'gradient', c.next.g), row('m', 'first moment', vec(c.after, 'm')), row('\\hat m', 'bias-corrected first moment', mHat), row('s', 'variance of g around m', s), row('\\eta/(\\sqrt{\\hat s}+\\epsilon)', 'effective learning rate', eff)],
    tex: [`\\theta \\leftarrow ${tp(c.theta)} - ${tp(eff)} \\odot ${tp(mHat)} = ${tp(c.next.theta)}`],
  };
}

function lion(c: Ctx): Extra {
  const { beta1 } = c.next.hyper;
  const m0 = vec(c.before, 'm');
  const dir = map(m0, (m, i) => Math.sign(beta1 * m + (1 - beta1) * c.next.g[i]));
  return {
    ...NONE,
    rows: [row('m_k', 'momentum after k updates', m0), row('g', 'gradient', c.next.g), row('\\operatorname{sign}(c)', 'sign direction', dir), row('m_{k+1}', 'momentum after the update', vec(c.after, 'm'))],
    tex: [
      `c = ${tn(beta1)}\\,${tp(m0)} + ${tn(1 - beta1)}\\,${tp(c.next.g)},\\; \\operatorname{sign}(c) = ${tp(dir)}`,
      `\\theta \\leftarrow ${tp(c.theta)}(1 - ${tn(c.lr * c.next.hyper.wd)}) - ${tn(c.lr)}\\,${tp(dir)} = ${tp(c.next.theta)}`,
    ],
  };
}

function sfsgd(c: Ctx): Extra {
  const z1 = vec(c.after, 'z');
  return {
    ...NONE,
    lookahead: c.next.at,
    rows: [row('y', 'where the gradient is taken', c.next.at), row('z_k', 'SGD sequence after k updates', vec(c.before, 'z')), row('g', 'gradient at y', c.next.g), row('z_{k+1}', 'SGD sequence after the update', z1), row('y_{k+1}', 'next gradient point', vec(c.after, 'y'))],
    tex: [
      `z \\leftarrow ${tp(vec(c.before, 'z'))} - ${tn(c.lr)}\\,${tp(c.next.g)} = ${tp(z1)}`,
      `x \\leftarrow (1 - \\tfrac{1}{${c.t}})\\,${tp(c.theta)} + \\tfrac{1}{${c.t}}\\,${tp(z1)} = ${tp(c.next.theta)}`,
    ],
  };
}

function sgd(c: Ctx): Extra {
  return { ...NONE, rows: [row('g', 'gradient', c.next.g)], tex: [`\\theta \\leftarrow ${tp(c.theta)} - ${tn(c.lr)}\\,${tp(c.next.g)} = ${tp(c.next.theta)}`] };
}

const RULES: Record<Exclude<OptimizerId, 'muon'>, (c: Ctx) => Extra> = {
  sgd,
  momentum: (c) => heavyBall(c, false),
  nag: (c) => heavyBall(c, true),
  adagrad: scaled('r', true),
  rmsprop: scaled('s', false),
  adadelta,
  adam: adamLike,
  adamw: adamLike,
  nadam,
  amsgrad,
  radam,
  adabelief,
  lion,
  sfsgd,
};

/** null when the run ended before update k + 1. */
export function updateParts(optimizer: OptimizerId, inspection: Inspection): UpdateParts | null {
  const next = inspection.next;
  if (next === null || optimizer === 'muon') return null;
  const lr = next.hyper.lr ?? NaN;
  const c: Ctx = { before: inspection.state.values, after: next.state.values, next, theta: inspection.theta, taken: sub(next.theta, inspection.theta), lr, t: next.state.t };
  return {
    plain: next.hyper.lr === undefined ? null : map(next.g, (g) => -lr * g),
    taken: c.taken,
    ...RULES[optimizer](c),
  };
}

/**
 * Linear-regression loss over (w, b) = (x, y) for the textbook's synthetic data: 100 points
 * xᵢ ~ U[0, 1), yᵢ = 2xᵢ + 3 + N(0, 0.2²), drawn from a fixed seed. The loss
 *   L(w, b) = 1/(2n) Σ (w·xᵢ + b − yᵢ)² = ½(Sxx·w² + 2Sx·w·b + b² − 2Sxy·w − 2Sy·b + Syy)
 * with the sample means Sx = mean(x), Sxx = mean(x²), Sy, Sxy, Syy, is written out as a quadratic in x and
 * y so it stays a plain expression like every other surface, its coefficients rounded to 4 significant
 * digits so the formula reads (0.3365·w² …, not 0.33650659020984675·w² …). The surface is that rounded
 * quadratic: its minimiser and minimum value below are the rounded quadratic's own (within 0.001 in w and b,
 * and 0.004 in loss, of the exact least-squares fit). The axes are named w and b.
 *
 * The same loss as a mean over the points (`data`) gives entrants real mini-batches (src/run/minibatch.ts):
 * over a batch B, L_B = 1/(2|B|) Σ_B rᵢ² with rᵢ = w·xᵢ + b − yᵢ, and ∇L_B = (mean_B rᵢxᵢ, mean_B rᵢ).
 * These use the points themselves, so a full batch (100) follows the exact least-squares loss, which the
 * rounded formula (the recorded loss and the target) matches to 4 significant digits.
 */
import type { PointData } from '../src/run/minibatch.ts';
import { createRng } from '../src/run/random.ts';
import type { SurfaceDef } from './types.ts';

export const LINREG_SEED = 2024;
export const LINREG_POINTS = 100;

export interface Dataset {
  readonly xs: Float64Array;
  readonly ys: Float64Array;
}

export function linregData(): Dataset {
  const rng = createRng(LINREG_SEED);
  const xs = new Float64Array(LINREG_POINTS);
  const ys = new Float64Array(LINREG_POINTS);
  for (let i = 0; i < LINREG_POINTS; i++) {
    xs[i] = rng.uniform();
    ys[i] = 2 * xs[i] + 3 + 0.2 * rng.normal();
  }
  return { xs, ys };
}

function means({ xs, ys }: Dataset) {
  let sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
  for (let i = 0; i < xs.length; i++) {
    sx += xs[i];
    sy += ys[i];
    sxx += xs[i] * xs[i];
    sxy += xs[i] * ys[i];
    syy += ys[i] * ys[i];
  }
  const n = xs.length;
  return { sx: sx / n, sy: sy / n, sxx: sxx / n, sxy: sxy / n, syy: syy / n };
}

/** v to 4 significant digits, as the shortest decimal that round-trips (0.3365, 16.55). */
export const fourDigits = (v: number): number => Number(v.toPrecision(4));

const data = linregData();
const m = means(data);

/** The loss as the mean of ½(w·xᵢ + b − yᵢ)² over the points, for mini-batches. */
export const linregPoints: PointData = {
  points: LINREG_POINTS,
  subsetGradient(order, from, count, p, grad) {
    const w = p[0];
    const b = p[1];
    let loss = 0;
    let gw = 0;
    let gb = 0;
    for (let j = from; j < from + count; j++) {
      const i = order[j];
      const r = w * data.xs[i] + b - data.ys[i];
      loss += r * r;
      gw += r * data.xs[i];
      gb += r;
    }
    grad[0] = gw / count;
    grad[1] = gb / count;
    return loss / (2 * count);
  },
};
/** The quadratic's coefficients: ½(a·w² + c·w·b + b² − d·w − e·b + f). */
const [a, c, d, e, f] = [m.sxx, 2 * m.sx, 2 * m.sxy, 2 * m.sy, m.syy].map(fourDigits);
// Its stationary point: a·w + (c/2)·b = d/2, (c/2)·w + b = e/2.
const wStar = (d / 2 - (c / 2) * (e / 2)) / (a - (c / 2) ** 2);
const bStar = e / 2 - (c / 2) * wStar;
const lossAt = (w: number, b: number) => 0.5 * (a * w * w + c * w * b + b * b - d * w - e * b + f);
const minValue = lossAt(wStar, bStar);

export const linreg: SurfaceDef = {
  id: 'linreg',
  title: 'Linear regression (w, b)',
  expr: `0.5*(${a}*x^2 + ${c}*x*y + y^2 - ${d}*x - ${e}*y + ${f})`,
  axes: ['w', 'b'],
  domain: { x: [-2, 6], y: [-2, 6] },
  start: [0, 0],
  minima: [[wStar, bStar]],
  minValue,
  target: 1e-3,
  steps: 300,
  hyper: { sgd: { lr: 0.3 }, momentum: { lr: 0.03 }, nag: { lr: 0.03 }, adagrad: { lr: 1 }, adadelta: { eps: 1e-4 }, rmsprop: { lr: 0.03 }, adam: { lr: 0.1 },
    adamw: { lr: 0.1 }, nadam: { lr: 0.1 }, amsgrad: { lr: 0.1 }, radam: { lr: 0.1 }, adabelief: { lr: 0.1 }, lion: { lr: 0.03 }, sfsgd: { lr: 0.3 } },
  levels: 'log',
  note:
    'The loss of fitting y ≈ w·x + b to 100 noisy points from y = 2x + 3 (in f(x, y), x is w and y is b; coefficients rounded to 4 significant digits). Because the inputs are all positive, w and b are strongly coupled: the bowl is a tilted, elongated ellipse, and its minimum is the least-squares fit, close to but not exactly (2, 3) because of the noise. Every deep-learning course starts here. An entrant may also take mini-batches of the points (its own settings: mini-batch size 1, 10, 32 … 100 = full batch), the course’s batch / mini-batch / stochastic comparison.',
  source: 'Dive into Deep Learning (d2l.ai), §3.2–3.4 linear regression from scratch (synthetic data).',
  data: linregPoints,
};

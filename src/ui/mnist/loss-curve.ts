/**
 * One run's training-loss curves as the chart draws them, rewritten in place on each publication, so a
 * redraw allocates no arrays (README, "Memory"). Of n losses, every k-th update, k = ⌈n / MAX_POINTS⌉,
 * i = 0, k, 2k, … (at most MAX_POINTS points):
 *   x = (i + 1) / stepsPerEpoch (epochs),  raw = loss_i,  smooth = the EMA of every loss up to i (smoothing.ts).
 * The views update() returns share the buffers: the next update() overwrites them.
 */
import { smoothEma } from './smoothing.ts';

export const MAX_POINTS = 1500;

export interface LossPoints {
  readonly xs: Float64Array;
  readonly raw: Float64Array;
  readonly smooth: Float64Array;
}

export class LossCurve {
  private readonly xs = new Float64Array(MAX_POINTS);
  private readonly raw = new Float64Array(MAX_POINTS);
  private readonly smooth = new Float64Array(MAX_POINTS);

  update(losses: ArrayLike<number>, stepsPerEpoch: number, weight: number): LossPoints {
    const k = Math.max(1, Math.ceil(losses.length / MAX_POINTS));
    const count = smoothEma(losses, weight, this.smooth, k);
    for (let j = 0; j < count; j++) {
      const i = j * k;
      this.xs[j] = (i + 1) / stepsPerEpoch;
      this.raw[j] = losses[i];
    }
    return { xs: this.xs.subarray(0, count), raw: this.raw.subarray(0, count), smooth: this.smooth.subarray(0, count) };
  }
}

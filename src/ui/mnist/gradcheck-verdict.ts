/**
 * The course's reading of a gradient check's relative difference
 *   d = ‖g − g̃‖ / (‖g‖ + ‖g̃‖)   (Ng, "Improving Deep Neural Networks", week 1):
 * below 1e-7 the backprop is excellent; above 1e-2 it is wrong; in between it deserves a closer look
 * (around 1e-5 is usually fine in float32, nearer 1e-3 is suspicious).
 */
export type GradVerdict = 'excellent' | 'check' | 'wrong';

export function gradVerdict(relativeDifference: number): GradVerdict {
  if (!(relativeDifference <= 1e-2)) return 'wrong';
  return relativeDifference < 1e-7 ? 'excellent' : 'check';
}

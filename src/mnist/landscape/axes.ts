/**
 * The sample positions of the landscape: the grid's α and β axes and the 1-D line's α.
 * PCA: the grid covers every projected checkpoint and the origin θ₀, widened on each side by MARGIN of the
 * larger of the two spans (so a thin, nearly 1-D path still gets a readable band around it).
 * Random filter-normalized directions: the fixed square [−1, 1]² (Li et al. 2018 — random planes barely
 * see a training path, so the grid does not chase it). Line (Goodfellow et al. 2015): α from −0.25 to 1.25.
 */
export const GRID_RANGE = { min: 5, max: 61, default: 31 } as const;
export const MARGIN = 0.15;
export const LINE_POINTS = 61;
export const LINE_SPAN = [-0.25, 1.25] as const;

/** n evenly spaced values from a to b, both ends exact. */
export function linspace(a: number, b: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? b : a + ((b - a) * i) / (n - 1)));
}

export function pcaAxes(points: readonly (readonly [number, number])[], n: number): { alpha: number[]; beta: number[] } {
  let [a0, a1, b0, b1] = [0, 0, 0, 0];
  for (const [a, b] of points) {
    a0 = Math.min(a0, a);
    a1 = Math.max(a1, a);
    b0 = Math.min(b0, b);
    b1 = Math.max(b1, b);
  }
  const pad = MARGIN * Math.max(a1 - a0, b1 - b0, 1e-6);
  return { alpha: linspace(a0 - pad, a1 + pad, n), beta: linspace(b0 - pad, b1 + pad, n) };
}

export const randomAxes = (n: number): { alpha: number[]; beta: number[] } => ({ alpha: linspace(-1, 1, n), beta: linspace(-1, 1, n) });

export const lineAlphas = (): number[] => linspace(LINE_SPAN[0], LINE_SPAN[1], LINE_POINTS);

/**
 * Sample f(x, y) on a regular nx × ny grid over a domain, row-major with y rows (the layout d3-contour
 * expects: values[j * nx + i] = f(x_i, y_j), x_i = x0 + i·(x1−x0)/(nx−1), y_j likewise, j = 0 at y0).
 * Non-finite samples are kept as NaN so contouring can skip them; min/max cover finite samples only.
 */
export interface Domain {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

export interface Grid {
  readonly nx: number;
  readonly ny: number;
  readonly domain: Domain;
  readonly values: Float64Array;
  readonly min: number;
  readonly max: number;
}

export function sampleGrid(f: (x: number, y: number) => number, domain: Domain, nx: number, ny: number): Grid {
  const values = new Float64Array(nx * ny);
  const [x0, x1] = domain.x;
  const [y0, y1] = domain.y;
  let min = Infinity;
  let max = -Infinity;
  for (let j = 0; j < ny; j++) {
    const y = y0 + ((y1 - y0) * j) / (ny - 1);
    for (let i = 0; i < nx; i++) {
      const v = f(x0 + ((x1 - x0) * i) / (nx - 1), y);
      if (Number.isFinite(v)) {
        values[j * nx + i] = v;
        if (v < min) min = v;
        if (v > max) max = v;
      } else {
        values[j * nx + i] = NaN;
      }
    }
  }
  return { nx, ny, domain, values, min, max };
}

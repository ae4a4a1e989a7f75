/**
 * The starts of a start-point map: an nx × ny grid of cell centres over the plotted domain, cell (i, j)
 * at (x0 + (i + ½)(x1 − x0)/nx, y0 + (j + ½)(y1 − y0)/ny), packed row-major with j the row (index
 * j·nx + i), as runBatch takes them and `cli map --json` reports them.
 */
export interface StartGrid {
  readonly domain: { readonly x: readonly [number, number]; readonly y: readonly [number, number] };
  readonly nx: number;
  readonly ny: number;
}

export function gridStarts({ domain, nx, ny }: StartGrid): Float64Array {
  const starts = new Float64Array(2 * nx * ny);
  const [x0, x1] = domain.x;
  const [y0, y1] = domain.y;
  for (let j = 0; j < ny; j++) {
    const y = y0 + ((j + 0.5) * (y1 - y0)) / ny;
    for (let i = 0; i < nx; i++) {
      starts[2 * (j * nx + i)] = x0 + ((i + 0.5) * (x1 - x0)) / nx;
      starts[2 * (j * nx + i) + 1] = y;
    }
  }
  return starts;
}

/**
 * Basins of attraction on a start-point map: which minimum each run ends in.
 *
 * Every run that did not diverge ends somewhere; ends are binned on a square grid of cell size r (2 % of
 * the domain's diagonal by default). Taking the fullest unvisited cell first, its ends' centroid is handed
 * to `localMinimum` (a short descent with the exact gradient and Hessian); if the descent stays within r,
 * the centroid sits at a minimum m. Where m lies within r of a minimum found before, or of one the surface
 * lists (registry minima, global ones only), it is that one (a listed minimum keeps its exact
 * coordinates); otherwise it is a new, local, minimum. Every end within r of m is then in m's basin. Ends
 * near no minimum (a run still travelling when its budget ran out) and diverged runs have no basin (−1).
 *
 * The minima come out listed first (in the surface's order), then the others by increasing f.
 */
export interface BasinMinimum {
  readonly x: number;
  readonly y: number;
  readonly f: number;
  /** One of the surface's listed (global) minima. */
  readonly listed: boolean;
}

export interface BasinRun {
  /** End points packed [x₀, y₀, x₁, y₁, …]. */
  readonly end: Float64Array;
  /** ≥ 0 where the run diverged. */
  readonly divergedAt: Int32Array;
}

export interface BasinInputs {
  readonly runs: readonly BasinRun[];
  readonly domain: { readonly x: readonly [number, number]; readonly y: readonly [number, number] };
  readonly listed: readonly (readonly [number, number])[];
  readonly f: (x: number, y: number) => number;
  /** The local minimum a short descent from (x, y) reaches. */
  readonly localMinimum: (x: number, y: number) => readonly [number, number];
  /** Clustering radius; default 2 % of the domain's diagonal. */
  readonly radius?: number;
}

export interface Basins {
  readonly minima: readonly BasinMinimum[];
  /** Per run, per start: index into minima, or −1. */
  readonly basin: readonly Int32Array[];
}

export function basinsOf(inputs: BasinInputs): Basins {
  const { runs, domain, listed, f, localMinimum } = inputs;
  const r = inputs.radius ?? 0.02 * Math.hypot(domain.x[1] - domain.x[0], domain.y[1] - domain.y[0]);
  const cellOf = (x: number, y: number) => `${Math.floor(x / r)},${Math.floor(y / r)}`;

  // Every live end, as (run, start) pairs binned by cell.
  const cells = new Map<string, number[]>();
  const ends: number[] = []; // packed x, y per end
  const owners: number[] = []; // packed run, index per end
  runs.forEach((run, k) => {
    for (let i = 0; i < run.divergedAt.length; i++) {
      if (run.divergedAt[i] >= 0) continue;
      const x = run.end[2 * i];
      const y = run.end[2 * i + 1];
      const id = ends.length / 2;
      ends.push(x, y);
      owners.push(k, i);
      const key = cellOf(x, y);
      const members = cells.get(key);
      if (members) members.push(id);
      else cells.set(key, [id]);
    }
  });

  const found: { x: number; y: number; listedIndex: number }[] = [];
  const endMinimum = new Int32Array(ends.length / 2).fill(-1);
  const near = (ax: number, ay: number, bx: number, by: number) => Math.hypot(ax - bx, ay - by) <= r;

  const claim = (m: number, mx: number, my: number) => {
    const ci = Math.floor(mx / r);
    const cj = Math.floor(my / r);
    for (let dj = -1; dj <= 1; dj++) {
      for (let di = -1; di <= 1; di++) {
        for (const id of cells.get(`${ci + di},${cj + dj}`) ?? []) {
          if (endMinimum[id] < 0 && near(ends[2 * id], ends[2 * id + 1], mx, my)) endMinimum[id] = m;
        }
      }
    }
  };

  const order = [...cells.values()].sort((a, b) => b.length - a.length);
  for (const members of order) {
    const open = members.filter((id) => endMinimum[id] < 0);
    if (open.length === 0) continue;
    let cx = 0;
    let cy = 0;
    for (const id of open) {
      cx += ends[2 * id];
      cy += ends[2 * id + 1];
    }
    cx /= open.length;
    cy /= open.length;
    const [mx, my] = localMinimum(cx, cy);
    if (!near(mx, my, cx, cy)) {
      for (const id of open) endMinimum[id] = -2; // visited: travelling, not at a minimum
      continue;
    }
    let m = found.findIndex((p) => near(p.x, p.y, mx, my));
    if (m < 0) {
      const li = listed.findIndex(([lx, ly]) => near(lx, ly, mx, my));
      const [x, y] = li >= 0 ? listed[li] : [mx, my];
      m = found.push({ x, y, listedIndex: li }) - 1;
    }
    claim(m, found[m].x, found[m].y);
    for (const id of open) if (endMinimum[id] < 0) endMinimum[id] = -2;
  }

  // Listed minima first, in the surface's order; then local ones by value.
  const withValue = found.map((p, i) => ({ ...p, f: f(p.x, p.y), i }));
  withValue.sort((a, b) => {
    if (a.listedIndex >= 0 || b.listedIndex >= 0) return (a.listedIndex < 0 ? Infinity : a.listedIndex) - (b.listedIndex < 0 ? Infinity : b.listedIndex);
    return a.f - b.f;
  });
  const rank = new Int32Array(found.length);
  withValue.forEach((p, newIndex) => (rank[p.i] = newIndex));

  const basin = runs.map((run) => new Int32Array(run.divergedAt.length).fill(-1));
  for (let id = 0; id < endMinimum.length; id++) {
    if (endMinimum[id] >= 0) basin[owners[2 * id]][owners[2 * id + 1]] = rank[endMinimum[id]];
  }
  return {
    minima: withValue.map((p) => ({ x: p.x, y: p.y, f: p.f, listed: p.listedIndex >= 0 })),
    basin,
  };
}

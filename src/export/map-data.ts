/**
 * A start-point map as data, the one format of the app's map "Export data" and of `cli map --json`:
 *
 *   {"surface": {…as a race's}, "domain": [x0, x1, y0, y1], "grid": {"nx", "ny"},
 *    "runs": [{"entrant", "optimizer", "hyper", "settled": [iterations or null, …], "diverged": [booleans],
 *              "end": [[x, y], …], "basin": [index into minima or null, …]}],
 *    "minima": [[x, y, f], …]}
 *
 * Cell (i, j) starts at (x0 + (i + ½)(x1 − x0)/nx, y0 + (j + ½)(y1 − y0)/ny), row-major with j the row.
 * `end` is each run's last point (a diverged run's last finite one). Or as CSV, one row per start per entrant:
 *
 *   entrant,i,j,x0,y0,settled,diverged,end_x,end_y,basin
 *
 * with settled and basin empty where there is none. Numbers are written with String(v) (exact).
 */
import type { ViewMap } from '../view/view-map.ts';
import type { ViewState } from '../view/state.ts';
import { gridStarts } from '../lab/start-grid.ts';
import { csvCell, surfaceJson } from './data.ts';

const orNull = (v: number) => (v < 0 ? null : v);
const entrantName = (m: ViewMap, k: number) => m.lab.entrants[k].label ?? m.lab.entrants[k].optimizer.id;

export function mapJson(view: ViewState, m: ViewMap) {
  const { domain } = view;
  return {
    surface: surfaceJson(view),
    domain: [domain.x[0], domain.x[1], domain.y[0], domain.y[1]],
    grid: { nx: m.res, ny: m.res },
    runs: m.runs.map((b, k) => {
      const e = m.lab.entrants[k];
      const end: [number, number][] = [];
      for (let i = 0; i < b.count; i++) end.push([b.end[2 * i], b.end[2 * i + 1]]);
      return {
        entrant: entrantName(m, k),
        optimizer: e.optimizer.id,
        hyper: e.hyper,
        settled: Array.from(b.settled, orNull),
        diverged: Array.from(b.divergedAt, (d) => d >= 0),
        end,
        basin: Array.from(m.basins.basin[k], orNull),
      };
    }),
    minima: m.basins.minima.map((p) => [p.x, p.y, p.f]),
  };
}

export function mapDataJson(view: ViewState, m: ViewMap): string {
  return `${JSON.stringify(mapJson(view, m))}\n`;
}

export function mapDataCsv(view: ViewState, m: ViewMap): string {
  const starts = gridStarts({ domain: view.domain, nx: m.res, ny: m.res });
  const lines = ['entrant,i,j,x0,y0,settled,diverged,end_x,end_y,basin'];
  m.runs.forEach((b, k) => {
    const name = csvCell(entrantName(m, k));
    const basin = m.basins.basin[k];
    for (let c = 0; c < b.count; c++) {
      const cell = `${c % m.res},${Math.floor(c / m.res)},${starts[2 * c]},${starts[2 * c + 1]}`;
      const settled = b.settled[c] < 0 ? '' : b.settled[c];
      lines.push(`${name},${cell},${settled},${b.divergedAt[c] >= 0},${b.end[2 * c]},${b.end[2 * c + 1]},${basin[c] < 0 ? '' : basin[c]}`);
    }
  });
  return `${lines.join('\n')}\n`;
}

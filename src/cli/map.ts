/**
 * `cli map`: a start-point map of every entrant of the race (issue 10), printed as JSON or a table.
 *
 *   map [race options] [--grid N] [--color iterations|basin] [--workers 1|2] [--json | --out FILE.svg]
 *
 * Every entrant runs from every cell centre of an N × N grid (default 128, at most 256) over the view's
 * plotted domain (--domain, or the surface's), with the race's budget, target, f*, noise (its first seed)
 * and schedule, by the batched engine (src/lab/map.ts). Cell (i, j) starts at
 * (x0 + (i + ½)(x1 − x0)/nx, y0 + (j + ½)(y1 − y0)/ny), row-major with j the row. JSON:
 *
 *   {"surface": {"id", "expr", "start", "fStar", "target"},   (race's)
 *    "domain": [x0, x1, y0, y1], "grid": {"nx", "ny"},
 *    "runs": [{"entrant", "optimizer", "hyper", "settled": [iterations or null, …], "diverged": [booleans],
 *              "end": [[x, y], …], "basin": [index into minima or null, …]}],
 *    "minima": [[x, y, f], …]}
 *
 * end is each run's last point (a diverged run's last finite one). Basins (src/lab/basins.ts): end points
 * clustered and confirmed by a damped Newton descent with the exact Hessian, snapped to the surface's
 * listed minima (none for a typed function); minima lists those first, then the others found by value.
 * The JSON (src/export/map-data.ts, as the app's data export) always carries both colourings; --color picks what the table summarises. A big map runs on
 * two worker threads (map-workers.ts), bit-identical to one pass.
 */
import { writeFileSync } from 'node:fs';
import { mapDataJson } from '../export/map-data.ts';
import { MAP_FIGURE_SIZE, mapFigureSvg } from '../export/map-figure.ts';
import { mapRuns } from '../lab/map.ts';
import type { BatchResult } from '../run/batch.ts';
import { readNumber } from '../view/numbers.ts';
import { fail, ok, type Result } from '../view/result.ts';
import type { ViewState } from '../view/state.ts';
import { mapSpecOf } from '../view/lab-race.ts';
import { viewMap, type ViewMap } from '../view/view-map.ts';
import { helpText, orUsageError, parseFlags, type FlagDecl } from './args.ts';
import { readLabView } from './lab-view.ts';
import { MAP_WORKERS, mapInWorkers, postPart, type MapPart } from './map-workers.ts';
import { viewFlags } from './view-options.ts';

export const MAX_GRID = 256;
const COLORS = ['iterations', 'basin'] as const;
type MapColor = (typeof COLORS)[number];

const OWN_FLAGS: readonly FlagDecl[] = [
  { name: 'grid', kind: 'value', arg: 'N', help: `starts per side, 1 to ${MAX_GRID} (default 128)` },
  { name: 'color', kind: 'value', arg: 'iterations|basin', help: 'what the table summarises: iterations to target, or which minimum each run ends in' },
  { name: 'workers', kind: 'value', arg: '1|2', help: `threads a big map runs on (default ${MAP_WORKERS}; the same numbers either way)` },
  { name: 'json', kind: 'boolean', arg: '', help: 'print the map as JSON instead of a table' },
  { name: 'out', kind: 'value', arg: 'FILE.svg', help: `write the map figure (the app's map export, ${MAP_FIGURE_SIZE.width}×${MAP_FIGURE_SIZE.height}) coloured as --color says, instead of printing` },
];
const FLAGS = [...viewFlags('race'), ...OWN_FLAGS];

export const MAP_HELP = helpText('usage: cli map [race options] [--grid N] [--color iterations|basin] [--workers 1|2] [--json | --out FILE.svg]', [
  ["race options (as in the app's link)", viewFlags('race')],
  ['map options', OWN_FLAGS],
]);

export interface MapArgs {
  readonly view: ViewState;
  readonly grid: number;
  readonly color: MapColor;
  readonly workers: number;
  readonly json: boolean;
  readonly out: string | null;
}

export function parseMapArgs(argv: readonly string[]): Result<MapArgs, string> {
  const flags = parseFlags(argv, FLAGS);
  if (!flags.ok) return flags;
  const { values, booleans } = flags.value;
  const grid = values.grid === undefined ? ok(128) : readNumber(values.grid, { min: 1, max: MAX_GRID, integer: true });
  if (!grid.ok) return fail(`--grid: expected a whole number from 1 to ${MAX_GRID}, got ${JSON.stringify(values.grid)}`);
  const color = values.color ?? 'iterations';
  if (!(COLORS as readonly string[]).includes(color)) return fail(`--color: expected iterations or basin, got ${JSON.stringify(color)}`);
  const workers = values.workers ?? String(MAP_WORKERS);
  if (workers !== '1' && workers !== '2') return fail(`--workers: expected 1 or 2, got ${JSON.stringify(workers)}`);
  const out = values.out ?? null;
  if (out !== null && !/\.svg$/i.test(out)) return fail(`--out: expected a name ending in .svg, got ${JSON.stringify(out)}`);
  if (out !== null && booleans.has('json')) return fail('--json and --out: choose one (the JSON on standard output, or the figure in a file)');
  const view = readLabView(flags.value, 'map');
  if (!view.ok) return view;
  return ok({ view: view.value, grid: grid.value, color: color as MapColor, workers: Number(workers), json: booleans.has('json'), out });
}

export function mapResult(args: Pick<MapArgs, 'view' | 'grid'>, runs?: readonly BatchResult[]): ViewMap {
  return viewMap(args.view, args.grid, runs);
}

const num = (v: number) => Number(v.toPrecision(4)).toString();
const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)} %`;

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

function median(sorted: readonly number[]): number {
  const n = sorted.length;
  return n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

export function mapTable(args: MapArgs, m: ViewMap): string {
  const { view, grid } = args;
  const { x, y } = view.domain;
  const head = [
    `surface ${view.surface ?? 'custom'}: ${view.expr}`,
    `${grid}×${grid} starts over [${x[0]}, ${x[1]}] × [${y[0]}, ${y[1]}], f* ${view.fStar}, ` +
      `${view.target === null ? 'no target' : `target f − f* ≤ ${view.target}`}, budget ${view.steps} updates${view.noise > 0 ? `, noise σ=${view.noise} seed=${view.seed}` : ''}`,
    '',
  ];
  const names = m.lab.entrants.map((e) => e.label ?? e.optimizer.id);
  if (args.color === 'iterations') {
    const rows = m.runs.map((b, k) => {
      const settled = Array.from(b.settled).filter((s) => s >= 0).sort((p, q) => p - q);
      const diverged = Array.from(b.divergedAt).filter((d) => d >= 0).length;
      return [
        names[k],
        pct(settled.length, b.count),
        settled.length ? num(median(settled)) : '—',
        settled.length ? `${settled[0]} … ${settled[settled.length - 1]}` : '—',
        pct(b.count - settled.length - diverged, b.count),
        pct(diverged, b.count),
      ];
    });
    return head.join('\n') + table(['entrant', 'settled', 'median iterations', 'range', 'not reached', 'diverged'], rows);
  }
  const minima = m.basins.minima;
  const header = ['entrant', ...minima.map((_, i) => `#${i}`), 'none'];
  const rows = m.basins.basin.map((labels, k) => {
    const counts = new Array<number>(minima.length + 1).fill(0);
    for (const b of labels) counts[b < 0 ? minima.length : b] += 1;
    return [names[k], ...counts.map((c) => pct(c, labels.length))];
  });
  const list = minima.map((p, i) => `  #${i} (${num(p.x)}, ${num(p.y)}) f = ${num(p.f)}${p.listed ? ' (listed)' : ''}`);
  return `${head.join('\n')}minima the runs end in:\n${list.join('\n') || '  none'}\n\n${table(header, rows)}`;
}

/** In a worker thread (main.ts): run the starts [from, to) of the map its argv describes. */
export function runMapPart({ argv, from, to }: MapPart): void {
  const args = orUsageError(parseMapArgs(argv));
  postPart(mapRuns(mapSpecOf(args.view, args.grid), { from, to }));
}

export async function mapCommand(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${MAP_HELP}\n`);
    return 0;
  }
  const args = orUsageError(parseMapArgs(argv));
  const starts = args.grid * args.grid;
  const split = await mapInWorkers(argv, args.workers, starts, starts * args.view.steps * args.view.entrants.length);
  const m = mapResult(args, split ?? undefined);
  if (args.out !== null) {
    const view = { ...args.view, lab: { kind: 'map', res: args.grid, colour: args.color === 'basin' ? 'basins' : 'iterations' } } as const;
    writeFileSync(args.out, mapFigureSvg(view, m, MAP_FIGURE_SIZE));
    process.stderr.write(`wrote ${args.out}\n`);
  } else process.stdout.write(args.json ? mapDataJson(args.view, m) : `${mapTable(args, m)}\n`);
  return 0;
}

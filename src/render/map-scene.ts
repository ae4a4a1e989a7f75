/**
 * A start-point map as plain data (issue 10), for the app's map view and every map figure: per entrant a
 * panel whose cells (res × res, row-major, j the row counted from the domain's bottom y0) hold an index
 * into one shared palette (map-colours.ts), the colour key, the minima the runs end in (basins.ts; listed
 * ones are the surface's global minima), the race's start, and the caption lines that say what is shown
 * (surface, res and domain, budget, target and f*, noise and seed, the colouring).
 *
 * Iterations: cell = the bin of its run's `settled` count on a scale shared by all panels, then
 * "not reached", then "diverged". Basins: cell = its minimum, then "no minimum", then "diverged".
 */
import { getSurface } from '../../surfaces/index.ts';
import type { MapLab, ViewState } from '../view/state.ts';
import type { ViewMap } from '../view/view-map.ts';
import { hyperText } from './hyper-text.ts';
import { basinColour, binOf, DIVERGED, iterationBins, NOT_REACHED } from './map-colours.ts';
import { MINIMUM_GLYPH, type Glyph } from './markers.ts';
import { entrantLook } from './palette.ts';
import { entrantName } from './shown-run.ts';
import { tickLabel } from './tick-label.ts';

export interface MapPanel {
  /** The entrant's display name as the race's legend gives it (shown-run.ts), and its hyperparameters as one line. */
  readonly title: string;
  readonly hyper: string;
  readonly colour: string;
  /** Per cell, an index into the scene's palette. */
  readonly cells: Uint16Array;
  /** What share of its starts settled (or ended at a minimum) and diverged. */
  readonly summary: string;
}

export interface MapKeyItem {
  readonly colour: string;
  readonly label: string;
}

export interface MapMinimum {
  readonly x: number;
  readonly y: number;
  /** "1", "2", … as in the key. */
  readonly label: string;
  readonly listed: boolean;
}

export interface MapScene {
  readonly colour: MapLab['colour'];
  readonly res: number;
  readonly domain: ViewState['domain'];
  readonly palette: readonly string[];
  readonly panels: readonly MapPanel[];
  readonly key: { readonly title: string; readonly items: readonly MapKeyItem[] };
  /** The minima marked: every one found on the basins colouring; on the iterations one the listed (global) ones, if any. */
  readonly minima: readonly MapMinimum[];
  /** The mark of a minimum: a × while they are few enough to number, else a small dot (Rastrigin has over a hundred). */
  readonly minimumGlyph: Glyph;
  readonly minimaLabelled: boolean;
  readonly start: readonly [number, number];
  readonly title: string;
  readonly caption: readonly string[];
}

/** Basins the key names one by one; the rest share "other minima". */
const KEYED_BASINS = 10;
/** Minima are numbered on the panels while there are at most this many. */
const LABELLED_MINIMA = 12;
const MINIMUM_DOT: Glyph = [{ outline: [{ kind: 'circle', r: 1.6 }], fill: '#111', stroke: '#fff', strokeWidth: 0.8 }];

/** Written as the app's other percentages are ("97%", the MNIST tab). */
const pct = (n: number, of: number) => `${Math.round((100 * n) / of)}%`;
const num = (v: number) => tickLabel(Number(v.toPrecision(3)));

function median(values: number[]): number {
  values.sort((a, b) => a - b);
  const n = values.length;
  return n % 2 === 1 ? values[(n - 1) / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

export function mapScene(view: ViewState, map: ViewMap, colour: MapLab['colour']): MapScene {
  const count = map.res * map.res;
  const runs = map.runs;
  let palette: string[];
  let items: MapKeyItem[];
  let keyTitle: string;
  let cellsOf: (k: number) => Uint16Array;
  let summaryOf: (k: number) => string;

  if (colour === 'iterations') {
    let lo = Infinity;
    let hi = -Infinity;
    for (const b of runs) for (const s of b.settled) if (s >= 0) (lo = Math.min(lo, s)), (hi = Math.max(hi, s));
    const bins = lo <= hi ? iterationBins(lo, hi) : [];
    const notReached = bins.length;
    palette = [...bins.map((b) => b.colour), NOT_REACHED, DIVERGED];
    items = [...bins.map((b) => ({ colour: b.colour, label: b.label })), { colour: NOT_REACHED, label: 'not reached' }, { colour: DIVERGED, label: 'diverged' }];
    keyTitle = 'Iterations until f − f* stays within the target';
    cellsOf = (k) => {
      const b = runs[k];
      return Uint16Array.from({ length: count }, (_, c) => (b.divergedAt[c] >= 0 ? notReached + 1 : b.settled[c] >= 0 ? binOf(bins, b.settled[c]) : notReached));
    };
    summaryOf = (k) => {
      const b = runs[k];
      const settled = Array.from(b.settled).filter((s) => s >= 0);
      const diverged = b.divergedAt.filter((d) => d >= 0).length;
      return `${pct(settled.length, count)} settle${settled.length ? ` (median ${num(median(settled))} iterations)` : ''}, ${pct(diverged, count)} diverge`;
    };
  } else {
    const m = map.basins.minima.length;
    palette = [...map.basins.minima.map((_, i) => basinColour(i)), NOT_REACHED, DIVERGED];
    const used = new Set<number>();
    for (const labels of map.basins.basin) for (const l of labels) if (l >= 0) used.add(l);
    const keyed = [...used].sort((a, b) => a - b);
    items = keyed.slice(0, KEYED_BASINS).map((i) => {
      const p = map.basins.minima[i];
      return { colour: basinColour(i), label: `${i + 1}: (${num(p.x)}, ${num(p.y)})${p.listed ? ' global' : ''}` };
    });
    if (keyed.length > KEYED_BASINS) items.push({ colour: basinColour(KEYED_BASINS), label: `${keyed.length - KEYED_BASINS} more minima (colours repeat)` });
    items.push({ colour: NOT_REACHED, label: 'at no minimum' }, { colour: DIVERGED, label: 'diverged' });
    keyTitle = 'Minimum the run ends in';
    cellsOf = (k) => {
      const b = runs[k];
      const labels = map.basins.basin[k];
      return Uint16Array.from({ length: count }, (_, c) => (b.divergedAt[c] >= 0 ? m + 1 : labels[c] >= 0 ? labels[c] : m));
    };
    summaryOf = (k) => {
      const found = map.basins.basin[k].filter((l) => l >= 0).length;
      const diverged = runs[k].divergedAt.filter((d) => d >= 0).length;
      return `${pct(found, count)} end at a minimum, ${pct(diverged, count)} diverge`;
    };
  }

  const panels = map.lab.entrants.map((e, k) => ({
    title: entrantName({ optimizer: e.optimizer.id, own: e.own ?? {}, ownSchedule: e.schedule ?? null, copy: e.copy ?? 1, batch: e.batch ?? null }),
    hyper: hyperText(e.optimizer.hyper, e.hyper),
    colour: entrantLook(e.optimizer.id, k).color,
    cells: cellsOf(k),
    summary: summaryOf(k),
  }));

  const all = map.basins.minima.map((p, i) => ({ x: p.x, y: p.y, label: String(i + 1), listed: p.listed }));
  const marked = colour === 'basins' || !all.some((m) => m.listed) ? all : all.filter((m) => m.listed);
  const def = view.surface ? getSurface(view.surface) : undefined;
  const { x, y } = view.domain;
  const target = view.target === null ? 'no target set (no run can settle)' : `target f − f* ≤ ${tickLabel(view.target)} (f* = ${num(view.fStar)})`;
  const what =
    colour === 'iterations'
      ? 'Colour: iterations until the gap f − f* is within the target and stays there, on one scale for every panel'
      : 'Colour: the minimum each run ends in (end points clustered, confirmed by Newton steps, snapped to the listed minima)';
  return {
    colour,
    res: map.res,
    domain: view.domain,
    palette,
    panels,
    key: { title: keyTitle, items },
    minima: marked,
    minimumGlyph: marked.length <= LABELLED_MINIMA ? MINIMUM_GLYPH : MINIMUM_DOT,
    minimaLabelled: marked.length <= LABELLED_MINIMA,
    start: view.start,
    title: `${def?.title ?? 'Custom surface'}: f(x, y) = ${view.expr}`,
    caption: [
      `Start-point map: each pixel is one start, ${map.res}×${map.res} over x from ${x[0]} to ${x[1]}, y from ${y[0]} to ${y[1]}; budget ${view.steps} updates; ${target}`,
      `${what}. ${view.noise > 0 ? `Gradient noise σ = ${view.noise}, seed ${view.seed}` : 'Exact gradients'}; ○ the race's start (${view.start[0]}, ${view.start[1]}), ${marked.length <= LABELLED_MINIMA ? '×' : '•'} ${colour === 'basins' || marked === all ? 'minima' : 'global minima'}.`,
    ],
  };
}

/** The cell (i, j) under a data point, or null outside the domain. */
export function cellAt(scene: Pick<MapScene, 'res' | 'domain'>, x: number, y: number): { i: number; j: number } | null {
  const [x0, x1] = scene.domain.x;
  const [y0, y1] = scene.domain.y;
  const i = Math.floor(((x - x0) / (x1 - x0)) * scene.res);
  const j = Math.floor(((y - y0) / (y1 - y0)) * scene.res);
  return i >= 0 && i < scene.res && j >= 0 && j < scene.res ? { i, j } : null;
}

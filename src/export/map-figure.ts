/**
 * The start-point map as a standalone SVG (issue 10): the one renderer of the map's SVG and PNG export, its
 * embed and `cli render --lab map` / `cli map --out`. Small multiples of the map scene (src/render/
 * map-scene.ts), one panel per entrant titled with its display name (as the race legend names it) and
 * hyperparameters and summarised under its axes; a shared colour key; the marked minima (map-scene.ts) and
 * the race's start (○) on every panel; the caption says surface, res and domain, budget, target, noise and seed.
 *
 * Layout: the title on top, the key and caption at the bottom (wrapped to the width); in between the panels
 * on the grid of columns that makes them largest, each plot box with the domain's aspect (projection.ts
 * plotAspect, so cells are square unless the domain is very wide or tall). A panel's cells are drawn as
 * one path per colour of runs of equal cells along each row (crisp edges), which keeps a 256 × 256 map
 * small. A hyperparameter line or summary too long for a small panel ends in an ellipsis. Deterministic:
 * coordinates are rounded to 0.01 px.
 */
import { axisTicks } from '../render/axis-ticks.ts';
import { mapScene, type MapScene } from '../render/map-scene.ts';
import { START_GLYPH } from '../render/markers.ts';
import { plotAspect, projection, type PlotBox } from '../render/projection.ts';
import { ellipsize, textWidth, wrapText } from '../render/text-width.ts';
import type { ViewState } from '../view/state.ts';
import type { ViewMap } from '../view/view-map.ts';
import { escapeXml } from './escape.ts';
import { FONT, glyphSvg } from './figure.ts';

/** The map figure's size in the app's export and `cli map --out`: room for seven panels and the key. */
export const MAP_FIGURE_SIZE = { width: 960, height: 720 } as const;

const M = 12;
const TITLE = 14;
const SMALL = 11;
const TICK = 10;
const LINE = 1.35;
const PANEL_HEAD = 2 * SMALL * LINE + 4;
const PANEL_LEFT = 30;
const PANEL_FOOT = TICK * LINE + 4 + 2 * SMALL * LINE;
const GAP = 16;
const SWATCH = 11;

const r2 = (v: number) => Math.round(v * 100) / 100;

function textAt(x: number, y: number, size: number, content: string, extra = ''): string {
  return `<text x="${r2(x)}" y="${r2(y)}" font-size="${size}"${extra}>${escapeXml(content)}</text>`;
}

/** The key as lines of items that fit the width. */
function keyLines(scene: MapScene, width: number): { x: number; colour: string; label: string }[][] {
  const lines: { x: number; colour: string; label: string }[][] = [[]];
  let x = 0;
  for (const item of scene.key.items) {
    const w = SWATCH + 4 + textWidth(item.label, { size: SMALL }) + 14;
    if (x > 0 && x + w > width) {
      lines.push([]);
      x = 0;
    }
    lines[lines.length - 1].push({ x, ...item });
    x += w;
  }
  return lines;
}

/** The panel grid: columns, the plot box's width and height. */
function grid(scene: MapScene, width: number, height: number): { cols: number; w: number; h: number } {
  const n = scene.panels.length;
  let best = { cols: 1, w: 0 };
  for (let cols = 1; cols <= n; cols++) {
    const rows = Math.ceil(n / cols);
    const cellW = (width - (cols - 1) * GAP) / cols - PANEL_LEFT;
    const cellH = (height - (rows - 1) * GAP) / rows - PANEL_HEAD - PANEL_FOOT;
    let w = Math.max(0, cellW);
    if (w * plotAspect(scene.domain, w) > cellH) w = Math.max(0, cellH) / plotAspect(scene.domain, w);
    // Ties go to fewer columns.
    if (w > best.w + 0.5) best = { cols, w };
  }
  const w = Math.floor(best.w);
  return { cols: best.cols, w, h: Math.floor(w * plotAspect(scene.domain, w)) };
}

/** One panel's cells: for each colour, one path of its runs along the rows (row 0 at the bottom). */
function cellsSvg(scene: MapScene, cells: Uint16Array, box: PlotBox): string {
  const { res } = scene;
  const cw = box.width / res;
  const ch = box.height / res;
  const d = scene.palette.map(() => '');
  for (let j = 0; j < res; j++) {
    const top = r2(box.top + box.height - (j + 1) * ch);
    let i = 0;
    while (i < res) {
      const c = cells[j * res + i];
      let e = i + 1;
      while (e < res && cells[j * res + e] === c) e++;
      d[c] += `M${r2(box.left + i * cw)} ${top}h${r2((e - i) * cw)}v${r2(ch)}h${r2(-(e - i) * cw)}z`;
      i = e;
    }
  }
  return d.map((path, c) => (path ? `<path fill="${scene.palette[c]}" d="${path}"/>` : '')).join('');
}

export function mapSceneSvg(scene: MapScene, size: { width: number; height: number }): string {
  const { width, height } = size;
  const inner = width - 2 * M;
  const captionLines = scene.caption.flatMap((c) => wrapText(c, inner, { size: SMALL }));
  const keys = keyLines(scene, inner);
  const bottom = (keys.length + 1) * SMALL * LINE + 6 + captionLines.length * SMALL * LINE;
  const top = M + TITLE * LINE + 4;
  const g = grid(scene, inner, height - top - bottom - M);
  let out = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`;
  out += `<style>text{font-family:${FONT};fill:#222}.h{font-weight:600}</style>`;
  out += `<rect width="${width}" height="${height}" fill="#fff"/>`;
  out += textAt(M, M + TITLE, TITLE, scene.title, ' class="h"');
  const rowsH = PANEL_HEAD + g.h + PANEL_FOOT + GAP;
  scene.panels.forEach((panel, k) => {
    const col = k % g.cols;
    const row = Math.floor(k / g.cols);
    const left = M + col * (g.w + PANEL_LEFT + GAP) + PANEL_LEFT;
    const y = top + row * rowsH;
    const box = { left, top: y + PANEL_HEAD, width: g.w, height: g.h };
    const p = projection(scene.domain, box);
    out += `<g data-panel="${k}">`;
    out += textAt(left, y + SMALL, SMALL + 1, panel.title, ` class="h" fill="${panel.colour === '#000000' ? '#111' : panel.colour}"`);
    out += textAt(left, y + SMALL + SMALL * LINE + 2, SMALL, ellipsize(panel.hyper, g.w + PANEL_LEFT + GAP - 4, { size: SMALL }), ' fill="#444"');
    out += `<g shape-rendering="crispEdges">${cellsSvg(scene, panel.cells, box)}</g>`;
    out += `<rect x="${r2(box.left)}" y="${r2(box.top)}" width="${box.width}" height="${box.height}" fill="none" stroke="#555" stroke-width="0.8"/>`;
    const ticks = axisTicks(p);
    for (const t of ticks.x) out += textAt(t.at, box.top + box.height + TICK + 2, TICK, t.label, ' text-anchor="middle"');
    for (const t of ticks.y) out += textAt(box.left - 4, t.at + TICK / 3, TICK, t.label, ' text-anchor="end"');
    for (const m of scene.minima) {
      out += glyphSvg(scene.minimumGlyph, r2(p.x(m.x)), r2(p.y(m.y)));
      if (scene.minimaLabelled) out += textAt(p.x(m.x) + 6, p.y(m.y) - 5, TICK, m.label, ' class="h" stroke="#fff" stroke-width="2.5" paint-order="stroke"');
    }
    out += glyphSvg(START_GLYPH, r2(p.x(scene.start[0])), r2(p.y(scene.start[1])));
    const summary = wrapText(panel.summary, g.w + PANEL_LEFT + GAP - 4, { size: SMALL });
    if (summary.length > 2) summary.splice(1, Infinity, ellipsize(summary.slice(1).join(' '), g.w + PANEL_LEFT + GAP - 4, { size: SMALL }));
    summary.forEach((line, i) => (out += textAt(left, box.top + box.height + TICK * LINE + 4 + SMALL + i * SMALL * LINE, SMALL, line, ' fill="#444"')));
    out += '</g>';
  });
  let y = height - M - bottom + SMALL;
  out += textAt(M, y, SMALL, scene.key.title, ' class="h"');
  for (const line of keys) {
    y += SMALL * LINE;
    for (const item of line) {
      out += `<rect x="${r2(M + item.x)}" y="${r2(y - SWATCH + 1)}" width="${SWATCH}" height="${SWATCH}" fill="${item.colour}" stroke="#888" stroke-width="0.5"/>`;
      out += textAt(M + item.x + SWATCH + 4, y, SMALL, item.label);
    }
  }
  y += 6;
  for (const line of captionLines) {
    y += SMALL * LINE;
    out += textAt(M, y, SMALL, line, ' fill="#444"');
  }
  return `${out}</svg>`;
}

/** The map of `view` (its lab's colouring; iterations if it has none) as an SVG of this size. */
export function mapFigureSvg(view: ViewState, map: ViewMap, size: { width: number; height: number }): string {
  const colour = view.lab?.kind === 'map' ? view.lab.colour : 'iterations';
  return mapSceneSvg(mapScene(view, map, colour), size);
}

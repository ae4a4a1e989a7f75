/**
 * The start-point map figure (src/export/map-figure.ts) and data (map-data.ts): a well-formed standalone
 * SVG with one titled panel per entrant, its cells drawn in the scene's colours, the minima and the race's
 * start marked on every panel, the key and a caption that says what is shown; CSV one row per start per
 * entrant, JSON in `cli map --json`'s shape.
 */
import { describe, expect, it } from 'vitest';
import { mapFigureSvg } from '../../src/export/map-figure.ts';
import { mapDataCsv, mapJson } from '../../src/export/map-data.ts';
import { MINIMUM_GLYPH, START_GLYPH } from '../../src/render/markers.ts';
import { mapScene } from '../../src/render/map-scene.ts';
import { decodeView } from '../../src/view/link.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';
import { viewMap } from '../../src/view/view-map.ts';
import { elements, wellFormed } from './svg-inspect.ts';

const viewOf = (hash: string) => decodeView(hash, VOCABULARY).view;

describe('map figure', () => {
  const view = viewOf('s=himmelblau&opt=sgd,momentum,adam:lr=0.05&steps=300&lab=map:res=24:colour=basins');
  const map = viewMap(view, 24);
  const svg = mapFigureSvg(view, map, { width: 900, height: 640 });
  const els = elements(svg);

  it('draws one titled panel per entrant, with the four basins, minima and start', () => {
    expect(wellFormed(svg)).toBe(true);
    expect(els[0].attrs).toMatchObject({ width: '900', height: '640' });
    const panels = els.filter((e) => e.name === 'g' && e.attrs['data-panel'] !== undefined);
    expect(panels.map((p) => p.attrs['data-panel'])).toEqual(['0', '1', '2']);
    const inPanel = (k: number) => els.filter((e) => e.ancestors.some((a) => a.attrs['data-panel'] === String(k)));
    const scene = mapScene(view, map, 'basins');
    for (let k = 0; k < 3; k++) {
      const texts = inPanel(k).map((e) => e.text);
      expect(texts).toContain(['SGD', 'Momentum', 'Adam lr=0.05'][k]);
      // The cells: one path per colour used, exactly the basins' four colours (every run ends at a minimum).
      const fills = inPanel(k).filter((e) => e.name === 'path' && e.ancestors.at(-1)?.attrs['shape-rendering'] === 'crispEdges').map((e) => e.attrs.fill);
      expect(new Set(fills)).toEqual(new Set(scene.palette.slice(0, 4)));
      // Four minima (× in two strokes each), numbered 1–4, and the start (two parts).
      const strokes = (glyph: typeof MINIMUM_GLYPH) => inPanel(k).filter((e) => e.name === 'path' && glyph.some((g) => g.stroke === e.attrs.stroke && String(g.strokeWidth) === e.attrs['stroke-width']));
      expect(strokes(MINIMUM_GLYPH)).toHaveLength(4 * 2);
      expect(strokes(START_GLYPH).length).toBeGreaterThanOrEqual(1);
      expect(inPanel(k).filter((e) => e.name === 'text' && e.attrs['paint-order'] === 'stroke').map((e) => e.text)).toEqual(['1', '2', '3', '4']);
    }
    const texts = els.map((e) => e.text);
    expect(texts).toContain('Himmelblau: f(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2');
    expect(texts).toContain('Minimum the run ends in');
    expect(texts).toContain('1: (3, 2) global');
    expect(texts.join(' ')).toContain('24×24 over x from -5 to 5, y from -5 to 5; budget 300 updates; target f − f* ≤ 0.001');
  });

  it('is deterministic and says iterations on the iterations colouring', () => {
    expect(mapFigureSvg(view, map, { width: 900, height: 640 })).toBe(svg);
    const it = mapFigureSvg({ ...view, lab: { kind: 'map', res: 24, colour: 'iterations' } }, map, { width: 900, height: 640 });
    expect(elements(it).map((e) => e.text)).toContain('Iterations until f − f* stays within the target');
    expect(elements(it).map((e) => e.text)).toContain('not reached');
  });
});

describe('map data', () => {
  const view = viewOf('s=bowl&opt=sgd,adam&steps=50&lab=map:res=4');
  const map = viewMap(view, 4);

  it('writes a CSV row per start per entrant, starts at cell centres', () => {
    const lines = mapDataCsv(view, map).trimEnd().split('\n');
    expect(lines[0]).toBe('entrant,i,j,x0,y0,settled,diverged,end_x,end_y,basin');
    expect(lines).toHaveLength(1 + 2 * 16);
    // Row 7 = sgd's cell 6 = (i, j) = (2, 1): (−10 + 2.5·5, −5 + 1.5·2.5) = (2.5, −1.25).
    const cells = lines[7].split(',');
    expect(cells.slice(0, 5)).toEqual(['sgd', '2', '1', '2.5', '-1.25']);
    expect(cells[5]).toBe(String(map.runs[0].settled[6]));
    expect(cells.slice(7)).toEqual([String(map.runs[0].end[12]), String(map.runs[0].end[13]), '0']);
    expect(lines[17].startsWith('adam,0,0,-7.5,-3.75,')).toBe(true);
  });

  it('writes the JSON of cli map --json', () => {
    const json = mapJson(view, map);
    expect(Object.keys(json)).toEqual(['surface', 'domain', 'grid', 'runs', 'minima']);
    expect(json.grid).toEqual({ nx: 4, ny: 4 });
    expect(json.runs[1].settled).toEqual(Array.from(map.runs[1].settled, (s) => (s < 0 ? null : s)));
    expect(json.minima).toEqual([[0, 0, 0]]);
  });
});

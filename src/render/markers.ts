/**
 * Marker glyphs as plain data, one set for the app and every figure: each run's current point (its
 * optimizer's shape from palette.ts, filled in its colour with a white edge so it reads on any band and
 * on its own path), the start (a white ring with a dark centre), and a known minimum (a dark × on a white
 * halo). Outlines are centred on (0, 0) in px; svg-path.ts writes them as path data.
 *
 * Run shapes are sized by a radius r and drawn to weigh about the same (areas within ±25 % of the
 * circle's πr²); 'cross' and 'plus' are outlines of thick bars, so every shape is filled the same way.
 */
export type MarkerShape =
  | 'circle'
  | 'square'
  | 'triangle'
  | 'diamond'
  | 'cross'
  | 'star'
  | 'plus'
  | 'triangle-down'
  | 'pentagon'
  | 'bowtie'
  | 'hourglass'
  | 'hexagon';

export type Subpath =
  | { readonly kind: 'circle'; readonly r: number }
  | { readonly kind: 'polygon' | 'polyline'; readonly points: readonly (readonly [number, number])[] };
export type Outline = readonly Subpath[];

export interface GlyphPart {
  readonly outline: Outline;
  /** null: not filled (not stroked). */
  readonly fill: string | null;
  readonly stroke: string | null;
  readonly strokeWidth: number;
}
export type Glyph = readonly GlyphPart[];

/** Radius of a run's marker in a full-size plot, in a small-multiples panel, and in a legend row. */
export const RUN_MARKER_R = 5;
export const COMPACT_MARKER_R = 4;
export const LEGEND_MARKER_R = 4;

type Unit = readonly (readonly [number, number])[];

const STAR: Unit = Array.from({ length: 10 }, (_, i) => {
  const a = (Math.PI * i) / 5 - Math.PI / 2;
  const rr = i % 2 === 0 ? 1.15 : 0.5;
  return [rr * Math.cos(a), rr * Math.sin(a)] as const;
});
const T = 0.32;
const PLUS: Unit = [[-T, -1], [T, -1], [T, -T], [1, -T], [1, T], [T, T], [T, 1], [-T, 1], [-T, T], [-1, T], [-1, -T], [-T, -T]];
const CROSS: Unit = PLUS.map(([u, v]) => [(u - v) * Math.SQRT1_2 * 1.1, (u + v) * Math.SQRT1_2 * 1.1] as const);
const regular = (n: number, r: number, turn: number): Unit =>
  Array.from({ length: n }, (_, i) => {
    const a = (2 * Math.PI * i) / n - Math.PI / 2 + turn;
    return [r * Math.cos(a), r * Math.sin(a)] as const;
  });
/** Two triangles meeting at a waist, pointing in: ⧓ (the hourglass is it turned a quarter). */
const BOWTIE: Unit = [[-1.2, -1], [0, -0.25], [1.2, -1], [1.2, 1], [0, 0.25], [-1.2, 1]];
const TRIANGLE: Unit = [[0, -1.1], [1, 0.75], [-1, 0.75]];
const UNIT: Readonly<Record<Exclude<MarkerShape, 'circle'>, Unit>> = {
  square: [[-0.85, -0.85], [0.85, -0.85], [0.85, 0.85], [-0.85, 0.85]],
  triangle: TRIANGLE,
  'triangle-down': TRIANGLE.map(([u, v]) => [u, -v] as const),
  pentagon: regular(5, 1.1, 0),
  hexagon: regular(6, 1.05, Math.PI / 6),
  bowtie: BOWTIE,
  hourglass: BOWTIE.map(([u, v]) => [v, u] as const),
  diamond: [[0, -1.15], [1.15, 0], [0, 1.15], [-1.15, 0]],
  star: STAR,
  plus: PLUS,
  cross: CROSS,
};

function markerOutline(shape: MarkerShape, r: number): Outline {
  if (shape === 'circle') return [{ kind: 'circle', r }];
  return [{ kind: 'polygon', points: UNIT[shape].map(([u, v]) => [u * r, v * r] as const) }];
}

export function runGlyph(shape: MarkerShape, colour: string, r = RUN_MARKER_R): Glyph {
  return [{ outline: markerOutline(shape, r), fill: colour, stroke: '#fff', strokeWidth: 1 }];
}

export const START_GLYPH: Glyph = [
  { outline: [{ kind: 'circle', r: 6.5 }], fill: '#fff', stroke: '#111', strokeWidth: 2 },
  { outline: [{ kind: 'circle', r: 2 }], fill: '#111', stroke: null, strokeWidth: 0 },
];

const TIMES: Outline = [
  { kind: 'polyline', points: [[-4.5, -4.5], [4.5, 4.5]] },
  { kind: 'polyline', points: [[-4.5, 4.5], [4.5, -4.5]] },
];
export const MINIMUM_GLYPH: Glyph = [
  { outline: TIMES, fill: null, stroke: '#fff', strokeWidth: 4 },
  { outline: TIMES, fill: null, stroke: '#222', strokeWidth: 1.8 },
];

/**
 * Fill colours for filled contour bands, shared by the app and every export so a figure looks the same
 * everywhere. A light neutral ramp (near-white valley → blue-grey walls) keeps every Okabe–Ito trajectory
 * colour in src/render/palette.ts readable on top of it, including black SGD and yellow-orange momentum.
 * Band rank 0 is below the lowest level; rank n is above the highest of n levels. Interpolation is linear
 * in sRGB between the two end colours, written as #rrggbb so output is byte-stable.
 */
const LOW = [0xfb, 0xfb, 0xf7] as const;
const HIGH = [0xa3, 0xad, 0xb7] as const;

const hex2 = (v: number): string => Math.round(v).toString(16).padStart(2, '0');

export function bandColour(rank: number, levelCount: number): string {
  const t = levelCount <= 0 ? 0 : Math.max(0, Math.min(1, rank / levelCount));
  return `#${hex2(LOW[0] + (HIGH[0] - LOW[0]) * t)}${hex2(LOW[1] + (HIGH[1] - LOW[1]) * t)}${hex2(LOW[2] + (HIGH[2] - LOW[2]) * t)}`;
}

/** Thin contour lines drawn on the band edges. */
export const CONTOUR_STROKE = '#4a5560';

/**
 * Fill colours for filled contour bands: a light neutral ramp (near-white valley → blue-grey walls)
 * interpolated in CIELAB, the same end colours and interpolation the surfaces tab uses, so an exported
 * figure looks like the app. It keeps every Okabe–Ito trajectory colour of src/render/palette.ts readable
 * on top, including black SGD and yellow-orange momentum. Band rank 0 lies below the lowest of n levels,
 * rank n above the highest. Written as #rrggbb so output is byte-stable.
 */
import { color } from 'd3-color';
import { interpolateLab } from 'd3-interpolate';

export const LEVEL_LOW = '#fbfaf6';
export const LEVEL_HIGH = '#b4bccb';
const ramp = interpolateLab(LEVEL_LOW, LEVEL_HIGH);

export function bandColour(rank: number, levelCount: number): string {
  const t = levelCount <= 0 ? 0 : Math.max(0, Math.min(1, rank / levelCount));
  return color(ramp(t))!.formatHex();
}

/** Thin contour lines drawn on the band edges. */
export const CONTOUR_STROKE = '#4a5560';

/**
 * The colours of the filled contour bands, for the app and every figure: a light neutral ramp
 * (near-white valley → blue-grey walls) interpolated in CIELAB, which keeps every Okabe–Ito trajectory
 * colour of palette.ts readable on top, black SGD and yellow-orange momentum included. With n levels,
 * rank 0 lies below the lowest level (the plot's background) and rank n above the highest: rank r is the
 * ramp at r/n. Written as #rrggbb so output is byte-stable. Band edges are thin dark lines at low opacity.
 */
import { color } from 'd3-color';
import { interpolateLab } from 'd3-interpolate';

const LEVEL_LOW = '#fbfaf6';
const LEVEL_HIGH = '#b4bccb';
const ramp = interpolateLab(LEVEL_LOW, LEVEL_HIGH);

export function bandColour(rank: number, levelCount: number): string {
  const t = levelCount <= 0 ? 0 : Math.max(0, Math.min(1, rank / levelCount));
  return color(ramp(t))!.formatHex();
}

/** The n + 1 band colours for n levels, rank 0 first. */
export function bandColours(levelCount: number): string[] {
  return Array.from({ length: levelCount + 1 }, (_, rank) => bandColour(rank, levelCount));
}

/** The lines drawn on band edges. */
export const BAND_EDGE = { stroke: '#4a5560', opacity: 0.3, width: 0.6 } as const;

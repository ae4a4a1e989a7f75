/**
 * SVG path for each palette marker shape, centred on (0, 0), area ≈ size px² (d3-shape symbols).
 * 'cross' is the diagonal ×, 'plus' the upright +; both are stroked, the others filled.
 */
import { symbol, symbolCircle, symbolDiamond, symbolPlus, symbolSquare, symbolStar, symbolTimes, symbolTriangle } from 'd3-shape';
import type { OptimizerLook } from '../../render/palette.ts';

const TYPES = {
  circle: symbolCircle,
  square: symbolSquare,
  triangle: symbolTriangle,
  diamond: symbolDiamond,
  cross: symbolTimes,
  star: symbolStar,
  plus: symbolPlus,
} as const;

export function markerPath(marker: OptimizerLook['marker'], size = 64): string {
  return symbol(TYPES[marker], size)() ?? '';
}

export function markerIsStroked(marker: OptimizerLook['marker']): boolean {
  return marker === 'cross' || marker === 'plus';
}

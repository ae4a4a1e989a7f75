/**
 * The basins of a start-point map (basins.ts) on a compiled expression: end points confirmed by a damped
 * Newton descent with the exact gradient and Hessian (src/math/minimum.ts localMinimum) inside the map's
 * domain, snapped to the surface's listed minima (none for a typed function).
 */
import type { CompiledExpression } from '../math/expression/index.ts';
import { localMinimum } from '../math/minimum.ts';
import { basinsOf, type BasinRun, type Basins } from './basins.ts';

export interface MapBasinInputs {
  readonly runs: readonly BasinRun[];
  readonly domain: { readonly x: readonly [number, number]; readonly y: readonly [number, number] };
  readonly listed: readonly (readonly [number, number])[];
  readonly compiled: Pick<CompiledExpression, 'f' | 'grad' | 'hessian'>;
}

export function mapBasins({ runs, domain, listed, compiled }: MapBasinInputs): Basins {
  const fn = { f: compiled.f, grad: compiled.grad, hessian: compiled.hessian() };
  return basinsOf({ runs, domain, listed, f: compiled.f, localMinimum: (x, y) => localMinimum(fn, domain, x, y).at });
}

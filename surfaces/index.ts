/**
 * The surface registry in display order, from the convex textbook bowl to the non-convex test
 * functions. Ids are URL words and CLI names.
 */
import type { SurfaceDef } from './types.ts';
import { bowl } from './bowl.ts';
import { rotatedBowl } from './rotated-bowl.ts';
import { ravine } from './ravine.ts';
import { saddle } from './saddle.ts';
import { plateau } from './plateau.ts';
import { linreg } from './linreg.ts';
import { rosenbrock } from './rosenbrock.ts';
import { beale } from './beale.ts';
import { himmelblau } from './himmelblau.ts';
import { camel } from './camel.ts';
import { styblinskiTang } from './styblinski-tang.ts';
import { rastrigin } from './rastrigin.ts';
import { ackley } from './ackley.ts';

export const SURFACES: readonly SurfaceDef[] = [
  bowl,
  rotatedBowl,
  ravine,
  saddle,
  plateau,
  linreg,
  rosenbrock,
  beale,
  himmelblau,
  camel,
  styblinskiTang,
  rastrigin,
  ackley,
];

export function getSurface(id: string): SurfaceDef | undefined {
  return SURFACES.find((s) => s.id === id);
}

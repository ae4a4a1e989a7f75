/**
 * The surfaces scene: what a figure of a view draws, as plain data, from the view alone. The app's
 * canvas, the exported SVG/PNG, the embed page and `cli render` all take their grid, levels and marked
 * minima from these functions (each at its own resolution), and their race from raceForView.
 *
 * Each part is a pure function of its own view fields (scene-inputs.ts says which), so the app can
 * memoise each one and recompute only what a change touches: dragging the start re-runs the race but never
 * re-samples the grid; a new domain re-samples the grid but never re-runs the race.
 *
 *   sceneSource(surface, expr)          → the registry entry, the compiled expression and its objective
 *   sceneField(source, domain, res)     → the sampled grid, level mode and levels, the marked minima
 *   sceneBands(field)                   → the contour bands (only where a canvas draws them; the SVG
 *                                         renderer traces its own from the same grid and levels)
 *   sceneRace(source, race fields)      → the trajectories (raceForView on the compiled objective)
 *
 * An expression that does not compile is a result, not a throw and never a fallback: the link codec and
 * the expression field refuse such text, so reaching it here is a bug, and the caller says so visibly.
 */
import { compileExpression, expressionObjective, type CompiledExpression, type ExpressionError } from '../math/expression/index.ts';
import { sampleGrid, type Grid } from '../math/grid.ts';
import type { Objective } from '../math/objective.ts';
import type { EntrantRun } from '../run/race.ts';
import { getSurface } from '../../surfaces/index.ts';
import type { SurfaceDef } from '../../surfaces/types.ts';
import { raceForView } from '../view/race.ts';
import type { Result } from '../view/result.ts';
import { contourBands, type ContourBand } from './contour-bands.ts';
import { autoLevels, contourLevels, type LevelMode } from './contour-levels.ts';
import { lowestSample } from './lowest-sample.ts';
import type { FieldInputs, RaceInputs, SourceInputs } from './scene-inputs.ts';

export interface SceneSource {
  /** The registry surface, or null for a typed expression. */
  readonly def: SurfaceDef | null;
  readonly compiled: CompiledExpression;
  readonly objective: Objective;
}

/** Samples across x and y. */
export interface Resolution {
  readonly nx: number;
  readonly ny: number;
}

export type MinimumLabel = 'minimum' | 'lowest sample';

export interface SceneField {
  readonly grid: Grid;
  readonly levelMode: LevelMode;
  readonly levels: readonly number[];
  /** Known minimisers of a registry surface, or the lowest grid sample of a typed one (none if no sample is finite). */
  readonly minima: readonly (readonly [number, number])[];
  readonly minimumLabel: MinimumLabel;
}

export interface SurfaceScene {
  readonly source: SceneSource;
  readonly field: SceneField;
  readonly bands: readonly ContourBand[];
  readonly race: readonly EntrantRun[];
}

export function sceneSource(view: SourceInputs): Result<SceneSource, ExpressionError> {
  const compiled = compileExpression(view.expr);
  if (!compiled.ok) return compiled;
  const def = view.surface === null ? null : (getSurface(view.surface) ?? null);
  return { ok: true, value: { def, compiled: compiled.value, objective: expressionObjective(compiled.value) } };
}

export function sceneField(source: SceneSource, view: FieldInputs, resolution: Resolution): SceneField {
  const grid = sampleGrid(source.compiled.f, view.domain, resolution.nx, resolution.ny);
  const levelMode = source.def?.levels ?? autoLevels(grid);
  if (source.def) return { grid, levelMode, levels: contourLevels(grid.min, grid.max, levelMode), minima: source.def.minima, minimumLabel: 'minimum' };
  const lowest = lowestSample(grid);
  return { grid, levelMode, levels: contourLevels(grid.min, grid.max, levelMode), minima: lowest ? [lowest] : [], minimumLabel: 'lowest sample' };
}

export function sceneBands(field: SceneField): ContourBand[] {
  return contourBands(field.grid, field.levels);
}

export function sceneRace(source: SceneSource, view: RaceInputs): EntrantRun[] {
  return raceForView({ ...view, expr: source.compiled.source }, source.objective, source.def?.data);
}

/** The whole scene of a view at one resolution (the parts composed; the app composes them memoised). */
export function surfaceScene(view: SourceInputs & FieldInputs & RaceInputs, resolution: Resolution): Result<SurfaceScene, ExpressionError> {
  const source = sceneSource(view);
  if (!source.ok) return source;
  const field = sceneField(source.value, view, resolution);
  return { ok: true, value: { source: source.value, field, bands: sceneBands(field), race: sceneRace(source.value, view) } };
}

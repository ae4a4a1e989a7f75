/**
 * ViewState (the app's and the URL's state, src/view/) → the race (src/view/race.ts) and the FigureSpec the
 * exports draw. The app's export buttons, the embed page and the `render` CLI all call this, so one state
 * gives one figure wherever it is rendered. Pure: compiles the expression, runs the race (same start,
 * budget, target, seeded noise and learning-rate schedule for every optimizer), samples the surface at about one point per 4 px.
 */
import { sampleGrid } from '../math/grid.ts';
import { compileExpression } from '../math/expression/index.ts';
import { getOptimizer } from '../optim/index.ts';
import type { Trajectory } from '../run/run.ts';
import { getSurface } from '../../surfaces/index.ts';
import { autoLevels, contourLevels } from '../render/contour-levels.ts';
import { MIN_HEIGHT, MIN_WIDTH, plotBox, type FigureSpec } from './figure.ts';
import type { ViewState } from '../view/state.ts';
import { raceForView } from '../view/race.ts';

export const DEFAULT_SIZE = { width: 720, height: 480 } as const;

export function figureSpecForView(
  view: ViewState,
  size: { width: number; height: number } = DEFAULT_SIZE,
  runs: readonly Trajectory[] = raceForView(view),
): FigureSpec {
  const compiled = compileExpression(view.expr);
  if (!compiled.ok) throw new Error(`The expression does not compile: ${compiled.error.message}`);
  const def = view.surface === null ? undefined : getSurface(view.surface);
  const box = plotBox(Math.max(size.width, MIN_WIDTH), Math.max(size.height, MIN_HEIGHT));
  const nx = Math.max(40, Math.min(200, Math.round(box.width / 4)));
  const ny = Math.max(30, Math.min(200, Math.round(box.height / 4)));
  const grid = sampleGrid(compiled.value.f, view.domain, nx, ny);
  const levels = contourLevels(grid.min, grid.max, def?.levels ?? autoLevels(grid));
  return {
    title: def?.title ?? 'Custom surface',
    expr: view.expr,
    grid,
    levels,
    runs: runs.map((t) => ({ ...t, name: getOptimizer(t.optimizer).name })),
    target: view.target,
    k: view.k ?? view.steps,
    width: size.width,
    height: size.height,
  };
}

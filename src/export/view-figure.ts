/**
 * ViewState (the app's and the URL's state, src/view/) → the race (src/view/race.ts) and the FigureSpec the
 * exports draw. The app's export buttons, the embed page and the `render` CLI all call this, so one state
 * gives one figure wherever it is rendered. Pure: compiles the expression, runs the race (same start,
 * budget, target, seeded noise and learning-rate schedule for every optimizer), samples the surface at
 * about one point per 4 px of the plot, and carries the view's layout (overlaid or small multiples), start, known
 * minima (a typed surface marks its lowest sample instead, as the app does) and each run's hyperparameters.
 */
import { sampleGrid } from '../math/grid.ts';
import { compileExpression } from '../math/expression/index.ts';
import { getOptimizer } from '../optim/index.ts';
import type { Trajectory } from '../run/run.ts';
import { getSurface } from '../../surfaces/index.ts';
import { autoLevels, contourLevels } from '../render/contour-levels.ts';
import { LOOKS } from '../render/palette.ts';
import { hyperText } from '../render/hyper-text.ts';
import { lowestSample } from '../render/lowest-sample.ts';
import { layoutOf, MIN_HEIGHT, MIN_WIDTH, type FigureRun, type FigureSpec, type LayoutFields } from './figure.ts';
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
  const figureRuns: FigureRun[] = runs.map((t) => {
    const optimizer = getOptimizer(t.optimizer);
    return { ...t, name: optimizer.name, detail: hyperText(optimizer.hyper, t.hyper), look: LOOKS[t.optimizer] };
  });
  const fields = {
    title: def?.title ?? 'Custom surface',
    expr: view.expr,
    runs: figureRuns,
    target: view.target,
    steps: view.steps,
    layout: view.layout,
    width: size.width,
    height: size.height,
  } satisfies Omit<LayoutFields, 'domain'>;
  // About one sample per 4 px of the (first) plot.
  const { box } = layoutOf({ ...fields, domain: view.domain, width: Math.max(size.width, MIN_WIDTH), height: Math.max(size.height, MIN_HEIGHT) }).panels[0];
  const nx = Math.max(40, Math.min(200, Math.round(box.width / 4)));
  const ny = Math.max(30, Math.min(200, Math.round(box.height / 4)));
  const grid = sampleGrid(compiled.value.f, view.domain, nx, ny);
  const levelMode = def?.levels ?? autoLevels(grid);
  const lowest = def ? null : lowestSample(grid);
  return {
    ...fields,
    grid,
    levels: contourLevels(grid.min, grid.max, levelMode),
    levelMode,
    k: view.k ?? view.steps,
    start: view.start,
    minima: def ? def.minima : lowest ? [lowest] : [],
    minimumLabel: def ? 'minimum' : 'lowest sample',
  };
}

/**
 * ViewState (the app's and the URL's state, src/view/) → the race (src/view/race.ts) and the FigureSpec the
 * exports draw. The app's export buttons, the embed page and the `render` CLI all call this, so one state
 * gives one figure wherever it is rendered. Pure: the grid, levels and marked minima come from the surfaces
 * scene (src/render/scene.ts), the same functions the app's plot uses, at the export's own resolution (about one
 * sample per 4 px of the plot); the race is the one given (the app's, already run) or raceForView's (same
 * start, budget, target, seeded noise and learning-rate schedule for every optimizer). The spec carries
 * the view's layout (overlaid or small multiples), start and each run's hyperparameters, and the inspector's
 * and the curvature lens's marks when the view has them.
 */
import type { EntrantRun } from '../run/race.ts';
import { shownRuns } from '../render/shown-run.ts';
import { sceneField, sceneSource, type Resolution } from '../render/scene.ts';
import { layoutOf, MIN_HEIGHT, MIN_WIDTH, type FigureRun, type FigureSpec, type LayoutFields } from './figure.ts';
import type { HessianAt } from '../lab/limits.ts';
import type { ViewState } from '../view/state.ts';
import { raceForView } from '../view/race.ts';
import { inspectView } from '../view/inspect.ts';
import { lensCaption, lensView } from '../render/lens-point.ts';

export const DEFAULT_SIZE = { width: 720, height: 480 } as const;

export function figureSpecForView(
  view: ViewState,
  size: { width: number; height: number } = DEFAULT_SIZE,
  runs: readonly EntrantRun[] = raceForView(view),
): FigureSpec {
  const source = sceneSource(view);
  if (!source.ok) throw new Error(`The expression does not compile: ${source.error.message}`);
  const def = source.value.def;
  const shown = shownRuns(runs, view.target);
  const fields = {
    title: def?.title ?? 'Custom surface',
    expr: view.expr,
    runs: shown,
    target: view.target,
    steps: view.steps,
    layout: view.layout,
    width: size.width,
    height: size.height,
    ...lensFor(view, source.value.compiled.hessian(), shown),
  } satisfies Omit<LayoutFields, 'domain'>;
  const field = sceneField(source.value, view, exportResolution(fields, view.domain));
  return {
    ...fields,
    grid: field.grid,
    levels: field.levels,
    levelMode: field.levelMode,
    k: view.k ?? view.steps,
    start: view.start,
    minima: field.minima,
    minimumLabel: field.minimumLabel,
    axes: def?.axes,
    ...inspectorFor(view, runs),
  };
}

/** The inspected entrant's marks at the view's iteration (none when the view inspects no one, or its run ended before). */
function inspectorFor(view: ViewState, runs: readonly EntrantRun[]): Pick<FigureSpec, 'inspector'> {
  const run = view.inspect;
  if (run === null || run >= runs.length) return {};
  const k = view.k ?? view.steps;
  const { inspection, parts } = inspectView(view, run, k, runs[run]);
  if (parts === null || inspection.next === null || inspection.k !== k) return {};
  return { inspector: { run, k, data: { theta: inspection.theta, g: inspection.next.g, parts } } };
}

/** The curvature lens where the app's plot draws it (render/lens-point.ts; an export has no hovered run). */
function lensFor(view: ViewState, hessian: HessianAt | null, runs: readonly FigureRun[]): Pick<FigureSpec, 'lens'> {
  const k = view.k ?? view.steps;
  const lens = lensView(view.lens, hessian, view.start, runs, k, { inspect: view.inspect, highlight: null });
  if (lens === null) return {};
  const run = lens.run === null ? null : runs.findIndex((r) => r.id === lens.run);
  return { lens: { run, k, reading: lens.reading, caption: lensCaption(lens) } };
}

/** About one sample per 4 px of the (first) plot, 40–200 across and 30–200 up. */
function exportResolution(fields: Omit<LayoutFields, 'domain'>, domain: ViewState['domain']): Resolution {
  const { box } = layoutOf({ ...fields, domain, width: Math.max(fields.width, MIN_WIDTH), height: Math.max(fields.height, MIN_HEIGHT) }).panels[0];
  return { nx: Math.max(40, Math.min(200, Math.round(box.width / 4))), ny: Math.max(30, Math.min(200, Math.round(box.height / 4))) };
}

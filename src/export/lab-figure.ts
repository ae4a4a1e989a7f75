/**
 * The lab views' figures (issue 10): the one place the exports, the embed page and `cli render` turn a
 * view with `lab` set into its standalone SVG; null when the view shows the race (lab null), and the
 * callers then draw the race's figure (view-figure.ts). Each lab view computes its runs here from the view
 * unless the caller already has them (the app's cached sweep, its computed map).
 */
import { runSweepJob, type SweepRun } from '../lab/sweep-runs.ts';
import { sweepFigureInput } from '../render/sweep-figure-input.ts';
import { sweepScene } from '../render/sweep-scene.ts';
import type { ViewState } from '../view/state.ts';
import { sweepJobForView } from '../view/sweep.ts';
import { sweepSvg } from './sweep-svg.ts';
import { mapFigureSvg } from './map-figure.ts';
import { viewMap, type ViewMap } from '../view/view-map.ts';

/** Runs a caller already has for the view's lab, so the figure need not compute them again. */
export interface LabRuns {
  readonly sweep?: readonly SweepRun[];
  /** The app's computed map (Web Workers); without it the map is computed here, on this thread. */
  readonly map?: ViewMap;
}

export function labFigureSvg(view: ViewState, size: { width: number; height: number }, have: LabRuns = {}): string | null {
  if (view.lab === null) return null;
  switch (view.lab.kind) {
    case 'sweep': {
      const runs = have.sweep ?? runSweepJob(sweepJobForView(view, view.lab));
      const input = sweepFigureInput(view, view.lab, runs);
      return sweepSvg(input, sweepScene(input, size));
    }
    case 'map':
      return mapFigureSvg(view, have.map ?? viewMap(view, view.lab.res), size);
  }
}

/**
 * The one sweep builder: a view and its sweep settings → the plain-data sweep job (src/lab/sweep-runs.ts),
 * as raceSpecForView (race.ts) builds a race: the view's expression, start, budget, gap target (none: −∞),
 * f*, seeded noise (its first seed: a sweep point is one run, not a median over `seeds`) and each entrant
 * of entrantsForView with its complete hyperparameters and schedule (its own, else the view's). The app's
 * workers, the sweep figure and `cli sweep` all run the job this returns. A sweep takes the full gradient:
 * an entrant's mini-batch size is not part of it (the app says so; the CLI refuses such entrants).
 */
import type { SweepJob } from '../lab/sweep-runs.ts';
import { entrantsForView } from './race.ts';
import type { SweepLab, ViewState } from './state.ts';

export type SweepGridView = Pick<SweepLab, 'from' | 'to' | 'points' | 'param'>;

export function sweepJobForView(view: ViewState, lab: SweepGridView): SweepJob {
  return {
    expr: view.expr,
    surface: view.surface,
    domain: view.domain,
    start: view.start,
    steps: view.steps,
    target: view.target ?? -Infinity,
    fStar: view.fStar,
    noise: view.noise > 0 ? { sigma: view.noise, seed: view.seed } : undefined,
    param: lab.param,
    grid: { from: lab.from, to: lab.to, points: lab.points },
    entrants: entrantsForView(view).map((e) => ({ label: e.label ?? e.optimizer.id, optimizer: e.optimizer.id, hyper: e.hyper, schedule: e.schedule ?? view.schedule })),
  };
}

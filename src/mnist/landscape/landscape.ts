/**
 * The loss landscape of a training race, as a step-wise job: Li et al. 2018 (a 2-D plane through parameter
 * space, its loss as contours, the runs' checkpoints projected onto it) and Goodfellow et al. 2015 (the loss
 * along the straight line from θ₀ to each run's final weights).
 *
 * At creation: every run must start from the same θ₀ (the race's fairness rule, train.ts); checkpoints with
 * non-finite parameters (a diverged run's end) are left out. Then step() runs units of work, so a worker can
 * report progress and read a cancel between them: first the setup, `setup` units without loss evaluations:
 *   pca     the Gram matrix of the deltas θ − θ₀ of every run's checkpoints together, a block of rows at a
 *           time (pca.ts gramJob), then one unit for the plane: origin θ₀, the directions (pca.ts);
 *   random  one unit: origin the centre run's final weights, two filter-normalized directions
 *           (filter-normalized.ts) from the race's seed, with those weights as the reference;
 * in that last unit every checkpoint is projected by least squares (plane.ts) and the grid's axes come from
 * axes.ts. Then one loss evaluation per unit, in this order: the origin (center.loss, a direct evaluation),
 * the grid row by row (β the row, α along it), each checkpoint on the plane and at its own parameters (the
 * two can differ: the plane holds only the checkpoint's projection), and each run's line. Points of the
 * plane go through plane-loss.ts (equal to a direct evaluation up to Float32 rounding), checkpoints and the
 * line are evaluated directly. Results fill in place; NaN = not yet.
 */
import type { ParamLayout } from '../layout.ts';
import type { Checkpoints } from './checkpoints.ts';
import { lineAlphas, pcaAxes, randomAxes } from './axes.ts';
import { filterNormalizedPair } from './filter-normalized.ts';
import { deltaRows, gramJob, pcaFromGram } from './pca.ts';
import { projectOntoPlane, type Plane } from './plane.ts';
import { createPlaneLoss } from './plane-loss.ts';
import type { SubsetLoss } from './subset-loss.ts';

export const DIRECTIONS = ['pca', 'random'] as const;
export type DirectionsKind = (typeof DIRECTIONS)[number];

export interface LandscapeEntrant {
  /** The entrant's label, unique in the race. */
  readonly entrant: string;
  readonly optimizer: string;
  readonly checkpoints: Checkpoints;
}

export interface LandscapeRequest {
  readonly layout: ParamLayout;
  readonly runs: readonly LandscapeEntrant[];
  readonly directions: DirectionsKind;
  /** Grid samples per axis. */
  readonly grid: number;
  readonly seed: number;
  /** Index of the run whose final weights centre a random plane. */
  readonly center: number;
}

/** [α, β, loss on the plane at (α, β), loss at the checkpoint's own parameters]. */
export type PathPoint = [number, number, number, number];

export interface LandscapeResult {
  readonly directions: DirectionsKind;
  /** Explained-variance ratios of the two axes (pca); null for random directions. */
  readonly explained: readonly [number, number] | null;
  readonly axes: { readonly alpha: readonly number[]; readonly beta: readonly number[] };
  /** Row-major, β the row: loss[j·nα + i] at (alpha[i], beta[j]). */
  readonly loss: Float64Array;
  readonly center: { entrant: string | null; loss: number };
  readonly runs: readonly { readonly entrant: string; readonly optimizer: string; readonly iterations: readonly number[]; readonly path: PathPoint[] }[];
  readonly line: readonly { readonly entrant: string; readonly alpha: readonly number[]; readonly loss: Float64Array }[];
}

export interface LandscapeJob {
  /** The result (filled in place as evaluations run); read once the setup is done. */
  readonly result: LandscapeResult;
  /** Units in all (setup, then loss evaluations), and done so far. */
  readonly total: number;
  readonly done: number;
  /** Units of setup, before the first loss evaluation. */
  readonly setup: number;
  /** Runs up to `units` more; true when the job is complete. */
  step(units: number): boolean;
}

const finite = (p: Float32Array): boolean => p.every(Number.isFinite);

function sameStart(runs: readonly LandscapeEntrant[]): Float32Array {
  if (runs.length === 0) throw new Error('the landscape needs at least one run');
  const theta0 = runs[0].checkpoints.params[0];
  for (const r of runs) {
    const p = r.checkpoints.params[0];
    if (p.length !== theta0.length || p.some((v, i) => v !== theta0[i])) throw new Error(`${r.entrant} does not start from the same θ₀ as ${runs[0].entrant}`);
  }
  return theta0;
}

/** The plane of a random-directions landscape: centred on the centre run's final weights. */
function randomPlane(req: LandscapeRequest, kept: readonly Float32Array[][]): Plane {
  const centre = kept[req.center];
  const final = centre[centre.length - 1];
  const [d1, d2] = filterNormalizedPair(req.layout, final, req.seed);
  return { origin: final, d1, d2 };
}

export function createLandscapeJob(req: LandscapeRequest, subset: SubsetLoss): LandscapeJob {
  if (!(req.center >= 0 && req.center < req.runs.length)) throw new Error(`centre run ${req.center} is not among the ${req.runs.length} runs`);
  const theta0 = sameStart(req.runs);
  const kept = req.runs.map((r) => r.checkpoints.params.filter(finite));
  const keptIterations = req.runs.map((r) => r.checkpoints.iterations.filter((_, i) => finite(r.checkpoints.params[i])));
  const deltas = req.directions === 'pca' ? deltaRows(theta0, kept.flatMap((ps) => ps.slice(1))) : null;
  const gram = deltas ? gramJob(deltas) : null;
  const setup = (gram?.units ?? 0) + 1;
  const evaluations = 1 + req.grid * req.grid + 2 * kept.reduce((n, ps) => n + ps.length, 0) + req.runs.length * lineAlphas().length;
  let result: LandscapeResult | null = null;
  const tasks: (() => void)[] = [];

  /** The last setup unit: the plane, the projections, the axes, and the evaluations to run. */
  const plan = () => {
    let plane: Plane;
    let explained: readonly [number, number] | null = null;
    if (deltas && gram) {
      const pca = pcaFromGram(deltas, gram.G);
      plane = { origin: theta0, d1: pca.d1, d2: pca.d2 };
      explained = pca.explained;
    } else {
      plane = randomPlane(req, kept);
    }
    const projected = kept.map((ps) => ps.map((p) => projectOntoPlane(plane, p)));
    const axes = req.directions === 'pca' ? pcaAxes(projected.flat(), req.grid) : randomAxes(req.grid);
    const nan = (n: number) => new Float64Array(n).fill(NaN);
    const r: LandscapeResult = {
      directions: req.directions,
      explained,
      axes,
      loss: nan(axes.alpha.length * axes.beta.length),
      center: { entrant: req.directions === 'random' ? req.runs[req.center].entrant : null, loss: NaN },
      runs: req.runs.map((run, i) => ({
        entrant: run.entrant,
        optimizer: run.optimizer,
        iterations: keptIterations[i],
        path: projected[i].map(([a, b]) => [a, b, NaN, NaN]),
      })),
      line: req.runs.map((run) => ({ entrant: run.entrant, alpha: lineAlphas(), loss: nan(lineAlphas().length) })),
    };
    const onPlane = createPlaneLoss(subset, plane);
    tasks.push(() => (r.center.loss = subset.lossAt(plane.origin)));
    axes.beta.forEach((b, j) => axes.alpha.forEach((a, i) => tasks.push(() => (r.loss[j * axes.alpha.length + i] = onPlane(a, b)))));
    r.runs.forEach((run, k) =>
      run.path.forEach((pt, c) => {
        tasks.push(() => (pt[2] = onPlane(pt[0], pt[1])));
        tasks.push(() => (pt[3] = subset.lossAt(kept[k][c])));
      }),
    );
    r.line.forEach((line, k) => {
      const final = kept[k][kept[k].length - 1];
      line.alpha.forEach((alpha, i) =>
        tasks.push(() => {
          const p = subset.params;
          for (let q = 0; q < p.length; q++) p[q] = theta0[q] + alpha * (final[q] - theta0[q]);
          line.loss[i] = subset.loss();
        }),
      );
    });
    if (tasks.length !== evaluations) throw new Error(`the landscape planned ${tasks.length} evaluations, not ${evaluations}`);
    result = r;
  };

  let done = 0;
  const total = setup + evaluations;
  const unit = () => {
    if (done < setup - 1) gram!.step();
    else if (done === setup - 1) plan();
    else tasks[done - setup]();
    done++;
  };
  return {
    get result() {
      if (!result) throw new Error('the landscape has no result before its setup is done');
      return result;
    },
    total,
    setup,
    get done() {
      return done;
    },
    step(units) {
      const end = Math.min(total, done + units);
      while (done < end) unit();
      return done === total;
    },
  };
}

/** Runs a job to the end (CLI, bench, tests). */
export function runLandscape(job: LandscapeJob): LandscapeResult {
  job.step(job.total);
  return job.result;
}

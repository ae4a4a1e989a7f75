/**
 * `cli landscape`: train the runs as `cli mnist` does (the same options, read by parseMnistArgs), recording
 * checkpoints, then draw the loss landscape of the race (src/mnist/landscape/): a plane through parameter
 * space with its loss grid and every run's projected path, and the loss along the line from θ₀ to each
 * run's final weights.
 *
 *   landscape [mnist options] [--directions pca|random] [--grid N] [--subset N] [--center ENTRANT] [--json | --out FILE.svg]
 *
 * JSON: {"config", "directions", "explained": [r1, r2] | null, "axes": {"alpha", "beta"}, "loss": [row-major,
 *        β the row], "center": {"loss"}, "runs": [{"entrant", "optimizer", "path": [[α, β, lossOnPlane,
 *        lossAtCheckpoint], …]}], "line": [{"entrant", "alpha", "loss"}]}
 * center.loss is the loss at the grid's origin (θ₀ for pca, the centre entrant's final weights for random).
 * Non-finite losses are written as null. --out writes the figure (src/export/landscape-figure.ts) as SVG.
 * Without --json or --out, a short summary is printed.
 */
import { writeFileSync } from 'node:fs';
import { splitMnist } from '../mnist/dataset.ts';
import { readMnistFiles } from '../mnist/load-node.ts';
import { pickBackend, trainerOn } from '../mnist/browser/pick-backend.ts';
import { paramLayout } from '../mnist/layout.ts';
import { checkpointEvery, trainRecording } from '../mnist/landscape/checkpoints.ts';
import { GRID_RANGE } from '../mnist/landscape/axes.ts';
import { createLandscapeJob, DIRECTIONS, runLandscape, type DirectionsKind, type LandscapeEntrant } from '../mnist/landscape/landscape.ts';
import { createSubsetLoss, SUBSET_RANGE } from '../mnist/landscape/subset-loss.ts';
import { landscapeArena } from '../mnist/landscape/plane-loss.ts';
import { landscapeConfig } from '../mnist/landscape/race-config.ts';
import { getOptimizer } from '../optim/index.ts';
import { landscapeJson } from '../export/landscape-data.ts';
import { landscapeFigureSpec, landscapeFigureSvg } from '../export/landscape-figure.ts';
import { mnistRuns, type MnistOptions } from '../view/mnist-options.ts';
import type { TrainConfig } from '../mnist/train.ts';
import { fail, ok, type Result } from '../view/result.ts';
import { helpText, orUsageError, parseFlags, type FlagDecl } from './args.ts';
import { MNIST_HELP, parseMnistArgs } from './mnist.ts';

const OWN_FLAGS: readonly FlagDecl[] = [
  { name: 'directions', kind: 'value', arg: 'pca|random', help: 'the plane: top two PCA directions of the checkpoints (default) or random filter-normalized' },
  { name: 'grid', kind: 'value', arg: 'N', help: `grid samples per axis, ${GRID_RANGE.min}–${GRID_RANGE.max} (default ${GRID_RANGE.default})` },
  { name: 'subset', kind: 'value', arg: 'N', help: `validation images the loss is measured on, ${SUBSET_RANGE.min}–${SUBSET_RANGE.max} (default ${SUBSET_RANGE.default})` },
  { name: 'center', kind: 'value', arg: 'ENTRANT', help: 'random directions: whose final weights centre the plane (default: the first entrant)' },
  { name: 'out', kind: 'value', arg: 'FILE.svg', help: 'write the figure (plane and line) as SVG' },
];

export const LANDSCAPE_HELP = `${helpText(
  'usage: cli landscape [mnist options] [--directions pca|random] [--grid N] [--subset N] [--center ENTRANT] [--json | --out FILE.svg]',
  [['landscape options', OWN_FLAGS]],
)}\n\n${MNIST_HELP}`;

export interface LandscapeRequest {
  readonly options: MnistOptions;
  readonly config: TrainConfig;
  readonly json: boolean;
  readonly directions: DirectionsKind;
  readonly grid: number;
  readonly subset: number;
  /** Index of the centre entrant among options.optimizers. */
  readonly center: number;
  readonly out: string | null;
}

/** Moves this command's own flags (and their values) out of argv; the rest are `cli mnist`'s. */
function splitOwn(argv: readonly string[]): { own: string[]; rest: string[] } {
  const own: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const name = /^--([a-z][a-z0-9-]*)(=|$)/.exec(argv[i]);
    if (name && OWN_FLAGS.some((d) => d.name === name[1])) {
      own.push(argv[i]);
      if (name[2] === '' && i + 1 < argv.length) own.push(argv[++i]);
    } else rest.push(argv[i]);
  }
  return { own, rest };
}

function wholeIn(flag: string, text: string | undefined, range: { min: number; max: number; default: number }): Result<number, string> {
  if (text === undefined) return ok(range.default);
  const v = Number(text);
  if (!(text.trim() !== '' && Number.isInteger(v) && v >= range.min && v <= range.max)) return fail(`--${flag} must be a whole number from ${range.min} to ${range.max}, got "${text}"`);
  return ok(v);
}

export function parseLandscapeArgs(argv: readonly string[]): Result<LandscapeRequest, string> {
  const { own, rest } = splitOwn(argv);
  const flags = parseFlags(own, OWN_FLAGS);
  if (!flags.ok) return flags;
  const mnist = parseMnistArgs(rest);
  if (!mnist.ok) return mnist;
  const { values } = flags.value;
  const directions = values.directions ?? 'pca';
  if (!(DIRECTIONS as readonly string[]).includes(directions)) return fail(`--directions must be pca or random, got "${directions}"`);
  const grid = wholeIn('grid', values.grid, GRID_RANGE);
  if (!grid.ok) return grid;
  const subset = wholeIn('subset', values.subset, SUBSET_RANGE);
  if (!subset.ok) return subset;
  const entrants = mnistRuns(mnist.value.options).map((r) => r.label);
  const center = values.center === undefined ? 0 : entrants.indexOf(values.center);
  if (center < 0) return fail(`--center ${values.center} is not an entrant (entrants: ${entrants.join(', ')})`);
  if (values.center !== undefined && directions !== 'random') return fail('--center applies to --directions random (a PCA plane passes through θ₀)');
  const out = values.out ?? null;
  if (out !== null && mnist.value.json) return fail('give --json or --out, not both');
  if (mnist.value.config.mlp.batchNorm) return fail('the landscape is not drawn for batch-norm networks: inference needs running statistics, which exist only where training went');
  return ok({ ...mnist.value, directions: directions as DirectionsKind, grid: grid.value, subset: subset.value, center, out });
}

const FIGURE_WIDTH = 960;

export async function landscapeCommand(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${LANDSCAPE_HELP}\n`);
    return 0;
  }
  const request = orUsageError(parseLandscapeArgs(argv));
  const { config, options } = request;
  const data = splitMnist(readMnistFiles(), { seed: config.seed, limit: options.limit ?? undefined });
  const say = (line: string) => request.json || request.out !== null || process.stdout.write(`${line}\n`);
  const runs: LandscapeEntrant[] = [];
  let every = 1;
  const races = mnistRuns(options);
  for (const run of races) {
    const placed = await trainerOn(options.backend, data, run.config, getOptimizer(run.optimizer), run.hyper);
    if (placed.notice !== null) process.stderr.write(`${run.label}: ${placed.notice}\n`);
    const tr = placed.trainer;
    every = checkpointEvery(tr.totalSteps, tr.net.params.length, races.length);
    const checkpoints = trainRecording(tr, every);
    say(`${tr.optimizer.name}: ${tr.iteration} updates, ${checkpoints.params.length} checkpoints${tr.diverged ? ' (diverged)' : ''}`);
    runs.push({ entrant: run.label, optimizer: run.optimizer, checkpoints });
  }
  const subset = createSubsetLoss(config.mlp, await pickBackend(options.backend, landscapeArena(config.mlp, request.subset)), data.validation, request.subset);
  const job = createLandscapeJob({ layout: paramLayout(config.mlp), runs, directions: request.directions, grid: request.grid, seed: config.seed, center: request.center }, subset);
  const result = runLandscape(job);
  const configJson = landscapeConfig(config, {
    trainExamples: data.train.indices.length,
    entrants: races.map((r) => ({ entrant: r.label, optimizer: r.optimizer, hyper: r.hyper })),
    directions: request.directions,
    grid: request.grid,
    subset: request.subset,
    center: request.center,
    checkpointEvery: every,
    backend: subset.backend,
  });
  if (request.json) {
    process.stdout.write(`${JSON.stringify(landscapeJson(result, configJson))}\n`);
  } else if (request.out !== null) {
    writeFileSync(request.out, landscapeFigureSvg(landscapeFigureSpec(result, configJson, FIGURE_WIDTH)));
    process.stderr.write(`wrote ${request.out}\n`);
  } else {
    const ex = result.explained ? ` (explained ${result.explained.map((r) => `${(100 * r).toFixed(1)} %`).join(', ')})` : '';
    say(`${request.directions} plane${ex}: loss at the origin ${result.center.loss.toFixed(4)}, on the grid ${Math.min(...result.loss).toFixed(4)} – ${Math.max(...result.loss).toFixed(4)}`);
    for (const run of result.runs) {
      const end = run.path[run.path.length - 1];
      say(`  ${run.entrant}: ends at α ${end[0].toFixed(3)}, β ${end[1].toFixed(3)}; loss ${end[3].toFixed(4)} (on the plane ${end[2].toFixed(4)})`);
    }
    say('(--json for the data, --out FILE.svg for the figure)');
  }
  return 0;
}

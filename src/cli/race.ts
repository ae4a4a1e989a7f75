/**
 * `cli race`: run optimizers from one start with one budget and target, print JSON or a table.
 *
 *   race [--surface ID | --expr "f(x,y)"] [--start X,Y] [--target T] [--steps N] [--optimizers a,b,…]
 *        [--set OPT.PARAM=VALUE …] [--noise SIGMA [--seed S]] [--schedule SPEC] [--json]
 *   race --list [--json]
 *
 * JSON: {"surface": {"id", "expr", "start": [x, y], "target"}, "noise": {"sigma", "seed"} | null,
 *        "schedule": "fixed" | "step:gamma=0.9,size=50" | …   (formatSchedule, every parameter written out),
 *        "runs": [{"optimizer", "hyper", "hit", "diverged", "divergedAt", "steps", "final": [x, y, loss],
 *                  "path": [[x, y, loss], …]}]}
 * path[k] is the point after k updates (path[0] the start); diverged runs stop before the offending point.
 * Hyperparameters: registry defaults, then the surface's, then --set. With --expr the id is "custom",
 * --start is required, and without --target the target is null (no run can "reach" it).
 * --schedule scales each optimizer's lr per update t (epoch = t on a surface; see src/run/run.ts).
 */
import { DEFAULT_SEED } from '../export/url-state.ts';
import { compileExpression, expressionObjective } from '../math/expression/index.ts';
import { OPTIMIZERS, getOptimizer, resolveHyper } from '../optim/index.ts';
import { OPTIMIZER_IDS, type Hyper, type OptimizerId } from '../optim/types.ts';
import { race } from '../run/race.ts';
import { raceJson, type RaceRequest } from '../export/race-json.ts';
import type { Trajectory } from '../run/run.ts';
import { FIXED, formatSchedule, parseSchedule } from '../run/schedules.ts';
import { SURFACES, getSurface } from '../../surfaces/index.ts';
import { surfaceObjective } from '../../surfaces/objective.ts';
import { parseSets } from './set-overrides.ts';
import { UsageError, parseChoiceList, parseFlags, parseNumber, parsePoint, parseWhole } from './args.ts';

export const RACE_USAGE = `usage: cli race [--surface ID | --expr "f(x,y)"] [--start X,Y] [--target T] [--steps N]
       [--optimizers sgd,adam,...] [--set OPT.PARAM=VALUE ...] [--noise SIGMA [--seed S]] [--schedule SPEC] [--json]
       cli race --list [--json]`;

const MAX_STEPS = 1_000_000;
const EXPR_STEPS = 500;

export function parseRaceArgs(argv: readonly string[]): RaceRequest {
  const { values, lists, booleans } = parseFlags(argv, {
    surface: 'value',
    expr: 'value',
    start: 'value',
    target: 'value',
    steps: 'value',
    optimizers: 'value',
    set: 'list',
    noise: 'value',
    seed: 'value',
    schedule: 'value',
    json: 'boolean',
  });
  if (values.surface !== undefined && values.expr !== undefined) throw new UsageError('give either --surface or --expr, not both');
  if (values.seed !== undefined && values.noise === undefined) throw new UsageError('--seed only applies with --noise SIGMA');

  const optimizers = values.optimizers === undefined ? [...OPTIMIZER_IDS] : parseChoiceList('--optimizers', values.optimizers, OPTIMIZER_IDS);
  const sets = parseSets(lists.set ?? [], optimizers, 'is not in this race');
  const start = values.start === undefined ? undefined : parsePoint('--start', values.start);
  const target = values.target === undefined ? undefined : parseNumber('--target', values.target);
  const stepsGiven = values.steps === undefined ? undefined : parseWhole('--steps', values.steps, 0, MAX_STEPS);
  const noise =
    values.noise === undefined
      ? null
      : { sigma: parseNumber('--noise', values.noise), seed: values.seed === undefined ? DEFAULT_SEED : parseWhole('--seed', values.seed, 0, 2 ** 32 - 1) };
  if (noise && noise.sigma < 0) throw new UsageError(`--noise expects σ ≥ 0, got ${noise.sigma}`);
  let schedule = FIXED;
  if (values.schedule !== undefined) {
    try {
      schedule = parseSchedule(values.schedule);
    } catch (e) {
      throw new UsageError(`--schedule: ${(e as Error).message}`);
    }
  }

  const hyper = {} as Record<OptimizerId, Hyper>;
  if (values.expr !== undefined) {
    const compiled = compileExpression(values.expr);
    if (!compiled.ok) throw new UsageError(`--expr: ${compiled.error.message}`);
    if (!start) throw new UsageError('--expr needs --start X,Y');
    for (const id of optimizers) hyper[id] = resolveHyper(getOptimizer(id), sets[id]);
    return {
      surface: { id: 'custom', expr: compiled.value.source, start, target: target ?? null },
      objective: expressionObjective(compiled.value),
      steps: stepsGiven ?? EXPR_STEPS,
      optimizers,
      hyper,
      noise,
      schedule,
      json: booleans.has('json'),
    };
  }

  const surface = getSurface(values.surface ?? SURFACES[0].id);
  if (!surface) throw new UsageError(`unknown surface ${JSON.stringify(values.surface)} (choose from ${SURFACES.map((s) => s.id).join(', ')})`);
  for (const id of optimizers) hyper[id] = resolveHyper(getOptimizer(id), surface.hyper[id], sets[id]);
  return {
    surface: { id: surface.id, expr: surface.expr, start: start ?? [surface.start[0], surface.start[1]], target: target ?? surface.target },
    objective: surfaceObjective(surface),
    steps: stepsGiven ?? surface.steps,
    optimizers,
    hyper,
    noise,
    schedule,
    json: booleans.has('json'),
  };
}

export function runRace(request: RaceRequest): Trajectory[] {
  const { surface, objective, steps, optimizers, hyper, noise, schedule } = request;
  return race({
    objective,
    entrants: optimizers.map((id) => ({ optimizer: getOptimizer(id), hyper: hyper[id] })),
    start: surface.start,
    steps,
    target: surface.target ?? -Infinity,
    noise: noise ?? undefined,
    schedule,
  });
}

const formatHyper = (h: Hyper) => Object.entries(h).map(([k, v]) => `${k}=${v}`).join(' ');

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

export function raceTable(request: RaceRequest, runs: readonly Trajectory[]): string {
  const { surface, steps, noise, schedule } = request;
  const head = [
    `surface ${surface.id}: ${surface.expr}`,
    `start (${surface.start.join(', ')}), target ${surface.target ?? 'none'}, budget ${steps} updates${noise ? `, noise σ=${noise.sigma} seed=${noise.seed}` : ''}${schedule.kind === 'fixed' ? '' : `, lr schedule ${formatSchedule(schedule)}`}`,
    '',
  ];
  const rows = runs.map((t) => [
    t.optimizer,
    formatHyper(t.hyper),
    t.diverged ? `diverged at ${t.divergedAt}` : t.hit === null ? '—' : String(t.hit),
    t.losses[t.losses.length - 1].toPrecision(6),
  ]);
  return head.join('\n') + table(['optimizer', 'hyperparameters', 'iterations to target', 'final loss'], rows);
}

export function listing(json: boolean): string {
  if (json) {
    return JSON.stringify({
      surfaces: SURFACES.map(({ id, title, expr, start, target, steps, hyper }) => ({ id, title, expr, start, target, steps, hyper })),
      optimizers: OPTIMIZERS.map(({ id, name, hyper }) => ({ id, name, hyper })),
    });
  }
  const surfaces = table(
    ['surface', 'title', 'start', 'target', 'steps'],
    SURFACES.map((s) => [s.id, s.title, s.start.join(','), String(s.target), String(s.steps)]),
  );
  const optimizers = table(
    ['optimizer', 'name', 'hyperparameters (default [min, max])'],
    OPTIMIZERS.map((o) => [o.id, o.name, o.hyper.map((h) => `${h.key}=${h.default} [${h.min}, ${h.max}]`).join('  ')]),
  );
  return `${surfaces}\n\n${optimizers}\n\nPer-surface defaults: race --list --json (the "hyper" of each surface).`;
}

export function raceCommand(argv: readonly string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${RACE_USAGE}\n`);
    return 0;
  }
  if (argv.includes('--list')) {
    const rest = argv.filter((a) => a !== '--list' && a !== '--json');
    if (rest.length > 0) throw new UsageError(`--list takes only --json, got ${rest.join(' ')}`);
    process.stdout.write(`${listing(argv.includes('--json'))}\n`);
    return 0;
  }
  const request = parseRaceArgs(argv);
  const runs = runRace(request);
  process.stdout.write(`${request.json ? JSON.stringify(raceJson(request, runs)) : raceTable(request, runs)}\n`);
  return 0;
}

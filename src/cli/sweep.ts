/**
 * `cli sweep`: a learning-rate sweep of every entrant of the race (issue 10), printed as JSON or a table.
 *
 *   sweep [race options] [--param P] [--from A --to B --points N] [--json | --out FILE.svg]
 *
 * Each entrant's step parameter (lr; ε for AdaDelta, which has none; or --param for every entrant) runs
 * the race once per value of the log grid A … B (default 1e-4 … 10, 61 points), clipped to that
 * parameter's range: the one sweep of src/lab/sweep-runs.ts, of the job src/view/sweep.ts builds from the
 * view, as the app's Sweep view runs it. JSON:
 *
 *   {"surface": {"id", "expr", "start", "fStar", "target"},   (race's)
 *    "runs": [{"entrant", "optimizer", "hyper", "param",
 *              "window": {"best", "low", "high", "decades"} | null,
 *              "limits": {"start": {"at", "lambdaMax", "lr"}, "minimum": {…} | null} | null,
 *              "results": [{"value", "hit", "settled", "diverged", "finalGap"}]}]}
 *
 * window (sweep-window.ts): best is the value that settles in the fewest iterations, low…high the longest
 * unbroken run of settling grid values around it, decades = log₁₀(high/low); null when none settles.
 * limits: for SGD and Momentum sweeping lr on an expression with a Hessian, the stability limit of lr
 * (src/lab/limits.ts) from the Hessian at the start and at the minimum (the surface's first listed one, or
 * the estimate over the plotted domain for a typed function; null if there is none); null otherwise.
 * The budget and grid are the options given (the surface's steps unless --steps). --out FILE.svg writes
 * the sweep figure instead (src/export/sweep-svg.ts, the app's and `render --lab sweep`'s), 720 × 480.
 */
import { writeFileSync } from 'node:fs';
import { sweepDataJson, sweepJson as sweepDataJsonOf } from '../export/data.ts';
import { sweepSvg } from '../export/sweep-svg.ts';
import { DEFAULT_SIZE } from '../export/view-figure.ts';
import { sweepFigureInput } from '../render/sweep-figure-input.ts';
import { sweepScene } from '../render/sweep-scene.ts';
import { limitFormula, type PointLimit } from '../lab/limits.ts';
import { runSweepJob, type SweepRun } from '../lab/sweep-runs.ts';
import { entrantsForView } from '../view/race.ts';
import { sweepJobForView } from '../view/sweep.ts';
import { readNumber } from '../view/numbers.ts';
import { fail, ok, type Result } from '../view/result.ts';
import type { ViewState } from '../view/state.ts';
import { helpText, orUsageError, parseFlags, type FlagDecl } from './args.ts';
import { readLabView } from './lab-view.ts';
import { viewFlags } from './view-options.ts';

export const MAX_POINTS = 1000;
const OWN_FLAGS: readonly FlagDecl[] = [
  { name: 'param', kind: 'value', arg: 'P', help: 'the hyperparameter to sweep for every entrant (default lr; eps for AdaDelta)' },
  { name: 'from', kind: 'value', arg: 'A', help: 'lowest grid value, > 0 (default 1e-4)' },
  { name: 'to', kind: 'value', arg: 'B', help: 'highest grid value, > --from (default 10)' },
  { name: 'points', kind: 'value', arg: 'N', help: `grid values, log-spaced, 2 to ${MAX_POINTS} (default 61)` },
  { name: 'json', kind: 'boolean', arg: '', help: 'print the sweep as JSON instead of a table' },
  { name: 'out', kind: 'value', arg: 'FILE', help: 'write the sweep figure to FILE.svg instead' },
];
const FLAGS = [...viewFlags('race'), ...OWN_FLAGS];

export const SWEEP_HELP = helpText('usage: cli sweep [race options] [--param P] [--from A --to B --points N] [--json | --out FILE.svg]', [
  ["race options (as in the app's link)", viewFlags('race')],
  ['sweep options', OWN_FLAGS],
]);

export interface SweepArgs {
  readonly view: ViewState;
  /** Null: each entrant's step parameter. */
  readonly param: string | null;
  readonly from: number;
  readonly to: number;
  readonly points: number;
  readonly json: boolean;
  /** Where to write the figure, or null: print. */
  readonly out: string | null;
}

function positive(flag: string, text: string | undefined, fallback: number): Result<number, string> {
  if (text === undefined) return ok(fallback);
  const v = readNumber(text);
  return v.ok && v.value > 0 ? ok(v.value) : fail(`--${flag}: expected a number > 0, got ${JSON.stringify(text)}`);
}

export function parseSweepArgs(argv: readonly string[]): Result<SweepArgs, string> {
  const flags = parseFlags(argv, FLAGS);
  if (!flags.ok) return flags;
  const { values, booleans } = flags.value;
  const from = positive('from', values.from, 1e-4);
  if (!from.ok) return from;
  const to = positive('to', values.to, 10);
  if (!to.ok) return to;
  if (!(to.value > from.value)) return fail(`--to must be greater than --from (got --from ${from.value} --to ${to.value})`);
  const points = values.points === undefined ? ok(61) : readNumber(values.points, { min: 2, max: MAX_POINTS, integer: true });
  if (!points.ok) return fail(`--points: expected a whole number from 2 to ${MAX_POINTS}, got ${JSON.stringify(values.points)}`);
  const view = readLabView(flags.value, 'sweep');
  if (!view.ok) return view;
  const param = values.param ?? null;
  if (param !== null) {
    for (const e of entrantsForView(view.value)) {
      if (!e.optimizer.hyper.some((h) => h.key === param)) {
        return fail(`--param: ${e.label} has no hyperparameter ${JSON.stringify(param)} (${e.optimizer.id} has ${e.optimizer.hyper.map((h) => h.key).join(', ')})`);
      }
    }
  }
  const out = values.out ?? null;
  if (out !== null && !/\.svg$/i.test(out)) return fail(`--out: expected a name ending in .svg, got ${JSON.stringify(out)}`);
  if (out !== null && booleans.has('json')) return fail('--json and --out: choose one (JSON on standard output, or the figure in a file)');
  return ok({ view: view.value, param, from: from.value, to: to.value, points: points.value, json: booleans.has('json'), out });
}

/** The sweep (src/lab/sweep-runs.ts) of the job the view and these options give (src/view/sweep.ts). */
export function sweepRuns(args: SweepArgs): SweepRun[] {
  return runSweepJob(sweepJobForView(args.view, args));
}

export function sweepJson(args: Pick<SweepArgs, 'view'>, runs: readonly SweepRun[]) {
  return sweepDataJsonOf(args.view, runs);
}

const num = (v: number) => Number(v.toPrecision(3)).toString();

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

export function sweepTable(args: SweepArgs, runs: readonly SweepRun[]): string {
  const { view } = args;
  const head = [
    `surface ${view.surface ?? 'custom'}: ${view.expr}`,
    `start (${view.start.join(', ')}), f* ${view.fStar}, ${view.target === null ? 'no target' : `target f − f* ≤ ${view.target}`}, budget ${view.steps} updates` +
      `${view.noise > 0 ? `, noise σ=${view.noise} seed=${view.seed}` : ''}`,
    `log grid ${args.from} … ${args.to}, ${args.points} points (clipped to each parameter's range)`,
    '',
  ];
  const rows = runs.map((r) => {
    const best = r.window && r.results.find((x) => x.value === r.window!.best)!;
    const diverged = r.results.find((x) => x.diverged);
    return [
      r.entrant,
      r.param,
      r.results.length === 0 ? 'no grid value in range' : best ? num(r.window!.best) : 'none settles',
      best ? String(best.settled) : '—',
      r.window ? `${r.window.decades.toFixed(2)} (${num(r.window.low)} … ${num(r.window.high)})` : '—',
      diverged ? num(diverged.value) : '—',
    ];
  });
  const limits = runs.flatMap((r) => {
    if (!r.limits) return [];
    const rule = limitFormula(r.optimizer);
    const at = (p: PointLimit, where: string) =>
      `${p.lr === null ? 'none' : num(p.lr)} at the ${where} (${p.at.map(num).join(', ')}), λmax ${num(p.lambdaMax)}`;
    return [`  ${r.entrant}: ${rule}: ${at(r.limits.start, 'start')}; ${r.limits.minimum ? at(r.limits.minimum, 'minimum') : 'no minimum found'}`];
  });
  return (
    head.join('\n') +
    table(['entrant', 'param', 'best on the grid', 'iterations there', 'window, decades (low … high)', 'diverges from'], rows) +
    (limits.length > 0 ? `\n\nstability limits (from the Hessian):\n${limits.join('\n')}` : '')
  );
}

export function sweepCommand(argv: readonly string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${SWEEP_HELP}\n`);
    return 0;
  }
  const args = orUsageError(parseSweepArgs(argv));
  const runs = sweepRuns(args);
  if (args.out !== null) {
    const input = sweepFigureInput(args.view, { kind: 'sweep', from: args.from, to: args.to, points: args.points, y: 'settled', param: args.param }, runs);
    writeFileSync(args.out, sweepSvg(input, sweepScene(input, DEFAULT_SIZE)));
    process.stderr.write(`wrote ${args.out}\n`);
    return 0;
  }
  process.stdout.write(args.json ? sweepDataJson(args.view, runs) : `${sweepTable(args, runs)}\n`);
  return 0;
}

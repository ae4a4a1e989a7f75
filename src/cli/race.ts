/**
 * `cli race`: run optimizers from one start with one budget and target, print JSON or a table.
 *
 *   race [view options] [--json]        (race --help lists them: the field table's flags)
 *   race --list [--json]
 *
 * The view options are read exactly as a link is (view-options.ts), the race is the app's (raceForView),
 * and the JSON is the app's Export data (raceDataJson, documented in src/export/data.ts). The table's
 * "iterations to target" is the scoreboard's cell at the end of the budget (race-status.ts): settled,
 * "touched at 32, then left it" where the run touched the target but ended above it, "—" with no target. Each row
 * is an entrant, named by its label (`adam`, `adam#2`, `adam:lr=0.1`), with every hyperparameter it ran
 * with (and its own learning-rate schedule, if it has one).
 */
import { raceDataJson } from '../export/data.ts';
import { OPTIMIZERS } from '../optim/index.ts';
import type { Hyper } from '../optim/types.ts';
import type { EntrantRun } from '../run/race.ts';
import { formatSchedule, isFixed } from '../run/schedules.ts';
import { outcomeAt, outcomeText, seedSpread } from '../render/race-status.ts';
import { SURFACES } from '../../surfaces/index.ts';
import { raceForView } from '../view/race.ts';
import { knownFStar } from '../view/fstar.ts';
import { fail, ok, type Result } from '../view/result.ts';
import type { ViewState } from '../view/state.ts';
import { helpText, orUsageError, parseFlags, type FlagDecl } from './args.ts';
import { readViewFlags, viewFlags } from './view-options.ts';

const OWN_FLAGS: readonly FlagDecl[] = [
  { name: 'json', kind: 'boolean', arg: '', help: 'print the race as JSON (the app\'s Export data) instead of a table' },
  { name: 'list', kind: 'boolean', arg: '', help: 'list the surfaces and optimizers with their defaults (takes only --json)' },
];
const FLAGS = [...viewFlags('race'), ...OWN_FLAGS];

export const RACE_HELP = helpText('usage: cli race [view options] [--json]\n       cli race --list [--json]', [
  ['view options (as in the app\'s link)', viewFlags('race')],
  ['race options', OWN_FLAGS],
]);

export interface RaceArgs {
  readonly view: ViewState;
  readonly json: boolean;
  readonly list: boolean;
}

export function parseRaceArgs(argv: readonly string[]): Result<RaceArgs, string> {
  const flags = parseFlags(argv, FLAGS);
  if (!flags.ok) return flags;
  const json = flags.value.booleans.has('json');
  const list = flags.value.booleans.has('list');
  if (list) {
    const rest = argv.filter((a) => a !== '--list' && a !== '--json');
    if (rest.length > 0) return fail(`--list takes only --json, got ${rest.join(' ')}`);
  }
  const view = readViewFlags(flags.value, 'race');
  return view.ok ? ok({ view: view.value, json, list }) : view;
}

const formatHyper = (h: Hyper) => Object.entries(h).map(([k, v]) => `${k}=${v}`).join(' ');

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

export function raceTable(view: ViewState, runs: readonly EntrantRun[]): string {
  const batches = runs.some((t) => t.batch !== null);
  const seeds = view.seeds > 1 && (view.noise > 0 || batches) ? ` (median run of seeds ${view.seed}…${view.seed + view.seeds - 1})` : '';
  const noise =
    view.noise > 0 ? `, noise σ=${view.noise} seed=${view.seed}${seeds}` : batches ? `, mini-batch shuffle seed=${view.seed}${seeds}` : '';
  const schedule = isFixed(view.schedule) ? '' : `, lr schedule ${formatSchedule(view.schedule)}`;
  const head = [
    `surface ${view.surface ?? 'custom'}: ${view.expr}`,
    `start (${view.start.join(', ')}), f* ${view.fStar}, ${view.target === null ? 'no target' : `target f − f* ≤ ${view.target}`}, budget ${view.steps} updates${noise}${schedule}`,
    '',
  ];
  const rows = runs.map((t) => [
    t.entrant,
    formatHyper(t.hyper) + (t.batch === null ? '' : ` batch=${t.batch}`) + (t.ownSchedule === null ? '' : ` sched=${formatSchedule(t.ownSchedule)}`),
    outcomeText(outcomeAt(t, view.steps, view.target)) + (t.seeds.length > 1 ? ` [${seedSpread(t, view.target)}]` : ''),
    t.losses[t.losses.length - 1].toPrecision(6),
  ]);
  return head.join('\n') + table(['entrant', 'hyperparameters', 'iterations to target', 'final loss'], rows);
}

export function listing(json: boolean): string {
  if (json) {
    return JSON.stringify({
      surfaces: SURFACES.map((def) => {
        const { id, title, expr, start, target, steps, hyper } = def;
        return { id, title, expr, start, fStar: knownFStar(def), target, steps, hyper };
      }),
      optimizers: OPTIMIZERS.map(({ id, name, group, hyper }) => ({ id, name, group, hyper })),
    });
  }
  const surfaces = table(
    ['surface', 'title', 'start', 'f*', 'target f − f*', 'steps'],
    SURFACES.map((s) => [s.id, s.title, s.start.join(','), String(knownFStar(s)), String(s.target), String(s.steps)]),
  );
  const optimizers = table(
    ['optimizer', 'name', 'group', 'hyperparameters (default [min, max])'],
    OPTIMIZERS.map((o) => [o.id, o.name, o.group, o.hyper.map((h) => `${h.key}=${h.default} [${h.min}, ${h.max}]`).join('  ')]),
  );
  return (
    `${surfaces}\n\n${optimizers}\n\nPer-surface defaults: race --list --json (the "hyper" of each surface). ` +
    'The classic group races by default; --optimizers sgd,adam,adam:lr=0.1 picks entrants.'
  );
}

/** What `race` prints for these options (JSON ends with a newline, as Export data does). */
export function raceOutput(args: RaceArgs): string {
  if (args.list) return `${listing(args.json)}\n`;
  const runs = raceForView(args.view);
  return args.json ? raceDataJson(args.view, runs) : `${raceTable(args.view, runs)}\n`;
}

export function raceCommand(argv: readonly string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${RACE_HELP}\n`);
    return 0;
  }
  process.stdout.write(raceOutput(orUsageError(parseRaceArgs(argv))));
  return 0;
}

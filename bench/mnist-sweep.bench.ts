/**
 * Learning-rate sweep for the README: every optimizer on the textbook's net (784-64-16-10 sigmoid/tanh,
 * Xavier uniform, batch 128, seed 1, wasm backend), three settings around its MNIST default
 * (src/mnist/hyper-defaults.ts): lr × {1/3, 1, 3}; AdaDelta has no learning rate, so its ρ is swept
 * over {0.9, 0.95, 0.99} instead. Every setting starts from the same initial weights and sees the same
 * batch stream (same TrainConfig, see train.ts). A run stops at the first epoch whose validation
 * accuracy reaches the target (97%) or at the epoch cap; the test accuracy is measured once, then.
 * Best per optimizer = fewest epochs to the target, ties by training seconds; if no setting reached
 * it, the highest validation accuracy. Seconds are training time only (evaluation excluded).
 * With --extend, an optimizer whose best lr sits at the edge of the values tried gets up to two more
 * (the edge value × 3 or ÷ 3 again), so the reported best is not just the end of a too-narrow grid.
 * The Markdown is rewritten after every run, so a cut-short sweep still leaves its finished rows.
 * Muon (MNIST only) is swept like the others, over its Muon rate η (its AdamW rate stays at 0.001).
 * With --append, the file at --out keeps its rows of the optimizers not swept now (its header too, with a
 * line added for this run), so one optimizer can be added without re-running the others.
 * With --step-cost, it also measures what one update costs per optimizer swept (batch preparation,
 * forward, backward and the optimizer's step; Muon's Newton–Schulz included) against an SGD update, on
 * both backends, side by side in this run: every optimizer's trainer on the same batches, in interleaved
 * rounds of --cost-steps updates after a warm-up, CPU time (process.cpuUsage), the median round.
 * Usage: npx tsx bench/mnist-sweep.bench.ts [--epochs 20] [--optimizers sgd,adam,...] [--extend] [--append]
 *        [--step-cost] [--cost-steps 40] [--out bench/results/mnist-sweep.md]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { readMnistFiles } from '../src/mnist/load-node.ts';
import { splitMnist } from '../src/mnist/dataset.ts';
import { createTrainer, DEFAULT_TRAIN, trainSteps } from '../src/mnist/train.ts';
import { evaluate } from '../src/mnist/evaluate.ts';
import { MNIST_HYPER } from '../src/mnist/hyper-defaults.ts';
import { createWasmBackend } from '../src/mnist/kernels/wasm/wasm-backend.ts';
import { createTsBackend } from '../src/mnist/kernels/ts.ts';
import type { KernelBackend } from '../src/mnist/kernels/types.ts';
import { getOptimizer, isOptimizerId, MNIST_OPTIMIZERS, resolveHyper } from '../src/optim/index.ts';
import type { Hyper, OptimizerId } from '../src/optim/types.ts';
import type { MnistSplit } from '../src/mnist/dataset.ts';

/** Every optimizer the MNIST tab offers: the registry's and Muon. */
const OPTIMIZER_IDS = MNIST_OPTIMIZERS.map((o) => o.id);

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return undefined;
  const value = process.argv[at + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value`);
  return value;
}

function epochCap(): number {
  const text = argument('epochs') ?? '20';
  const value = Number(text);
  if (!(Number.isInteger(value) && value >= 1 && value <= 1000)) throw new Error(`--epochs needs a whole number in [1, 1000], got ${text}`);
  return value;
}

function optimizerList(): OptimizerId[] {
  const text = argument('optimizers');
  if (text === undefined) return [...OPTIMIZER_IDS];
  const ids = text.split(',').map((s) => s.trim());
  for (const id of ids) if (!isOptimizerId(id)) throw new Error(`unknown optimizer ${JSON.stringify(id)} (known: ${OPTIMIZER_IDS.join(', ')})`);
  return ids as OptimizerId[];
}

/** The swept key and its three values; everything else stays at the MNIST default. */
function sweepFor(id: OptimizerId): { key: string; values: number[] } {
  if (id === 'adadelta') return { key: 'rho', values: [0.9, 0.95, 0.99] };
  const lr = MNIST_HYPER[id]?.lr ?? resolveHyper(getOptimizer(id)).lr;
  return { key: 'lr', values: [lr / 3, lr, lr * 3] };
}

interface Row {
  readonly optimizer: OptimizerId;
  readonly key: string;
  readonly value: number;
  readonly isDefault: boolean;
  readonly extended: boolean;
  readonly target: { epoch: number; iterations: number; seconds: number } | null;
  readonly epochsRun: number;
  readonly seconds: number;
  readonly bestVal: number;
  readonly test: number;
  readonly diverged: boolean;
  readonly load: number;
}

/** Highest finite value, NaN when there is none (a run that diverged in its first epoch). */
function bestOf(values: readonly number[]): number {
  const finite = values.filter(Number.isFinite);
  return finite.length > 0 ? Math.max(...finite) : Number.NaN;
}

const fmtValue = (v: number): string => String(Number(v.toPrecision(3)));
const pct = (a: number): string => (Number.isFinite(a) ? `${(100 * a).toFixed(2)} %` : '–');

function better(a: Row, b: Row): boolean {
  if (a.target && b.target) return a.target.epoch !== b.target.epoch ? a.target.epoch < b.target.epoch : a.target.seconds < b.target.seconds;
  if (a.target || b.target) return a.target !== null;
  return a.bestVal > b.bestVal;
}

/** Best of one optimizer's rows, and whether its value is the largest (1) or smallest (−1) tried. */
function bestAndEdge(own: readonly Row[]): { top: Row; edge: -1 | 0 | 1 } {
  const top = own.reduce((a, b) => (better(b, a) ? b : a));
  const values = own.map((r) => r.value);
  if (values.length < 2) return { top, edge: 0 };
  return { top, edge: top.value === Math.max(...values) ? 1 : top.value === Math.min(...values) ? -1 : 0 };
}

function rowCells(r: Row): string {
  const setting = `${r.key} ${fmtValue(r.value)}${r.isDefault ? ' (default)' : ''}${r.extended ? ' (extension)' : ''}`;
  const to97 = r.target ? `${r.target.epoch} | ${r.target.iterations} | ${r.target.seconds.toFixed(1)}` : `not within ${r.epochsRun} | – | –`;
  return `| ${getOptimizer(r.optimizer).name} | ${setting} | ${to97} | ${pct(r.bestVal)} | ${pct(r.test)} | ${r.diverged ? 'diverged' : ''} |`;
}

const header = '| optimizer | setting | epochs to 97 % | iterations | seconds to 97 % | best val. acc. | test acc. | |\n|---|---|---|---|---|---|---|---|';

function markdown(rows: readonly Row[], done: boolean, cap: number, extend: boolean, started: Date, command: string): string {
  const ids = [...new Set(rows.map((r) => r.optimizer))];
  const best = ids.map((id) => bestAndEdge(rows.filter((r) => r.optimizer === id)));
  const loads = rows.map((r) => r.load);
  const meanLoad = loads.reduce((a, b) => a + b, 0) / Math.max(1, loads.length);
  const edgeNote = best.some((b) => b.edge !== 0)
    ? '\n\n*: the best value sits at the edge of the values tried, so a wider sweep might do better still.'
    : '';
  return `# MNIST: epochs and seconds to 97 % validation accuracy, per optimizer

${done ? '' : '**Incomplete: the sweep was still running or was cut short; only finished settings are listed.**\n\n'}Date: ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC. Machine: ${cpus().length} shared cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), load average ${meanLoad.toFixed(1)} during the run (1-minute load sampled after each setting, range ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}), Node ${process.version}, wasm backend.
Command: \`${command}\`

Setting: the textbook's 784-64-16-10 sigmoid/tanh/softmax MLP, Xavier uniform, batch 128, fixed rate, seed 1 (55,000 train / 5,000 validation / 10,000 test). Every setting starts from the same initial weights and sees the same mini-batch stream. Sweep: lr × {1/3, 1, 3} around the MNIST default (src/mnist/hyper-defaults.ts); AdaDelta has no learning rate, so ρ ∈ {0.9, 0.95, 0.99} is swept instead (ε 1e-6).${extend ? ' Extension: where the best lr was the largest (smallest) tried, up to two more values, each ×3 (÷3) again, marked "(extension)".' : ''} A run stops at the first epoch with validation accuracy ≥ 97 % or after ${cap} epochs; the test accuracy is measured then. Seconds are training time only (batches and updates, evaluation excluded), on a shared machine, so compare them loosely; epochs and iterations are exact.

## Best per optimizer

Best = fewest epochs to 97 %, ties by seconds; if no setting reached 97 %, the highest validation accuracy.

${header}
${best.map((b) => rowCells(b.top).replace(/^\| ([^|]+) \|/, `| $1${b.edge !== 0 ? '*' : ''} |`)).join('\n')}${edgeNote}

## All settings

${header}
${[...rows].sort((a, b) => ids.indexOf(a.optimizer) - ids.indexOf(b.optimizer) || a.value - b.value).map(rowCells).join('\n')}
`;
}

interface StepCost {
  readonly backend: string;
  /** CPU milliseconds per update, by optimizer (the median of the rounds). */
  readonly ms: ReadonlyMap<OptimizerId, number>;
  readonly rounds: number;
  readonly steps: number;
}

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * One update's cost per optimizer on one backend: a trainer per optimizer (the textbook config, so the
 * same initial weights and batches for all), a warm-up, then `rounds` rounds in which every optimizer in
 * turn does `steps` updates; CPU time per update, the median round.
 */
async function stepCost(data: MnistSplit, ids: readonly OptimizerId[], name: string, backend: () => Promise<KernelBackend>, steps: number, rounds = 5, warmup = 10): Promise<StepCost> {
  const trainers = [];
  for (const id of ids) {
    const optimizer = getOptimizer(id);
    trainers.push({ id, tr: createTrainer(data, { ...DEFAULT_TRAIN, epochs: 2 }, optimizer, resolveHyper(optimizer, MNIST_HYPER[id]), { backend: await backend() }) });
  }
  for (const { tr } of trainers) trainSteps(tr, warmup);
  const samples = new Map<OptimizerId, number[]>(ids.map((id) => [id, []]));
  for (let r = 0; r < rounds; r++) {
    for (const { id, tr } of trainers) {
      const t0 = cpuMs();
      trainSteps(tr, steps);
      samples.get(id)!.push((cpuMs() - t0) / steps);
    }
  }
  return { backend: name, ms: new Map(ids.map((id) => [id, median(samples.get(id)!)])), rounds, steps };
}

function stepCostMarkdown(costs: readonly StepCost[], ids: readonly OptimizerId[], started: Date, command: string): string {
  const names = ids.map((id) => getOptimizer(id).name);
  const others = ids.filter((id) => id !== 'sgd');
  const head = `| kernels | ${names.map((n) => `${n} ms/update`).join(' | ')} | ${others.map((id) => `${getOptimizer(id).name} / SGD`).join(' | ')} |`;
  const rule = `|---|${ids.map(() => '---:').join('|')}|${others.map(() => '---:').join('|')}|`;
  const rows = costs.map((c) => {
    const sgd = c.ms.get('sgd')!;
    return `| ${c.backend} | ${ids.map((id) => c.ms.get(id)!.toFixed(2)).join(' | ')} | ${others.map((id) => `**${(c.ms.get(id)! / sgd).toFixed(1)}×**`).join(' | ')} |`;
  });
  return `## Cost of an update

What one update costs (a batch of 128 prepared, forward, backward and the optimizer's step; for Muon that includes five Newton–Schulz iterations on the 64×784 and 16×64 hidden matrices, about 33 M multiply-adds, against about 2·128·(784·64 + 64·16 + 16·10) ≈ 13 M for the forward and backward products, fewer with the input's zero pixels skipped), side by side in one run: each optimizer's trainer on the textbook config, ${costs[0]?.rounds ?? 0} interleaved rounds of ${costs[0]?.steps ?? 0} updates after a 10-update warm-up, CPU time per update, the median round. ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, load average ${loadavg()[0].toFixed(1)}, command \`${command}\`.

${head}
${rule}
${rows.join('\n')}
`;
}

/** The table rows (not header or rule) of a section "## title" of a results file, by the optimizer name in their first cell. */
function tableRows(markdownText: string, title: string): string[] {
  const at = markdownText.indexOf(`\n## ${title}\n`);
  if (at < 0) return [];
  const end = markdownText.indexOf('\n## ', at + 1);
  const body = markdownText.slice(at, end < 0 ? undefined : end);
  return body.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| optimizer |') && !line.startsWith('| kernels |'));
}

const rowName = (line: string): string => line.slice(2, line.indexOf(' |', 2)).replace(/\*$/, '');

const EDGE_NOTE = '\n\n*: the best value sits at the edge of the values tried, so a wider sweep might do better still.';

/**
 * The previous results with this run's optimizers replaced: its introduction (before "## Best per
 * optimizer") plus a line on this run, the best and all-settings tables with the previous rows of the
 * other optimizers first, then this run's; this run's cost section, if any, replaces the previous one.
 */
function appended(previous: string, fresh: string, names: readonly string[], costSection: string | null, done: boolean): string {
  const keep = (rows: string[]) => rows.filter((line) => !names.includes(rowName(line)));
  const added = `Rows of ${names.join(', ')} added by a later run`;
  const intro = previous
    .slice(0, previous.indexOf('\n## Best per optimizer\n'))
    .split('\n\n')
    .filter((paragraph) => !paragraph.startsWith(added))
    .join('\n\n')
    .trimEnd();
  const freshRun = fresh.split('\n').filter((line) => line.startsWith('Date: ') || line.startsWith('Command: ')).join(' ');
  const best = [...keep(tableRows(previous, 'Best per optimizer')), ...tableRows(fresh, 'Best per optimizer')];
  const all = [...keep(tableRows(previous, 'All settings')), ...tableRows(fresh, 'All settings')];
  const previousCost = previous.indexOf('\n## Cost of an update\n');
  const cost = costSection ?? (previousCost < 0 ? '' : previous.slice(previousCost + 1));
  return `${intro}

${added}${done ? '' : ' (incomplete: it was still running or was cut short)'}. ${freshRun}

## Best per optimizer

Best = fewest epochs to 97 %, ties by seconds; if no setting reached 97 %, the highest validation accuracy.

${header}
${best.join('\n')}${best.some((line) => rowName(line) !== line.slice(2, line.indexOf(' |', 2))) ? EDGE_NOTE : ''}

## All settings

${header}
${all.join('\n')}
${cost ? `\n${cost}` : ''}`;
}

async function main(): Promise<void> {
  const cap = epochCap();
  const ids = optimizerList();
  const extend = process.argv.includes('--extend');
  const append = process.argv.includes('--append');
  const out = argument('out') ?? 'bench/results/mnist-sweep.md';
  const command = `npx tsx bench/mnist-sweep.bench.ts ${process.argv.slice(2).join(' ')}`.trim();
  const started = new Date();
  const config = { ...DEFAULT_TRAIN, epochs: cap };
  const data = splitMnist(readMnistFiles(), { seed: config.seed });
  const previous = append && existsSync(out) ? readFileSync(out, 'utf8') : null;
  const names = ids.map((id) => getOptimizer(id).name);
  const rows: Row[] = [];
  let costSection: string | null = null;
  const write = (done: boolean): void => {
    mkdirSync(dirname(out), { recursive: true });
    const fresh = markdown(rows, done, cap, extend, started, command);
    writeFileSync(out, previous ? appended(previous, fresh, names, costSection, done) : costSection ? `${fresh}\n${costSection}` : fresh);
  };
  if (process.argv.includes('--step-cost')) {
    const costIds: OptimizerId[] = ['sgd', ...ids.filter((id) => id !== 'sgd')];
    const steps = Number(argument('cost-steps') ?? '40');
    const costs = [
      await stepCost(data, costIds, 'WebAssembly SIMD', () => createWasmBackend(), steps),
      await stepCost(data, costIds, 'TypeScript', async () => createTsBackend(), steps),
    ];
    costSection = stepCostMarkdown(costs, costIds, started, command);
    console.log(costSection);
  }
  const run = async (id: OptimizerId, key: string, value: number, extended: boolean): Promise<void> => {
    const optimizer = getOptimizer(id);
    const hyper: Hyper = resolveHyper(optimizer, MNIST_HYPER[id], { [key]: value });
    // A fresh backend per run: the trainer's buffers are bump-allocated and never freed.
    const tr = createTrainer(data, config, optimizer, hyper, { backend: await createWasmBackend() });
    while (!tr.done && tr.target === null) trainSteps(tr, tr.stepsPerEpoch - tr.epochStep);
    const row: Row = {
      optimizer: id,
      key,
      value,
      isDefault: value === resolveHyper(optimizer, MNIST_HYPER[id])[key],
      extended,
      target: tr.target,
      epochsRun: tr.epochs.length,
      seconds: tr.seconds,
      bestVal: bestOf(tr.epochs.map((e) => e.valAccuracy)),
      test: tr.diverged ? NaN : evaluate(tr.net, data.test).accuracy,
      diverged: tr.diverged,
      load: loadavg()[0],
    };
    rows.push(row);
    console.log(rowCells(row), `(${tr.epochs.length} epochs, ${tr.seconds.toFixed(1)} s, load ${row.load.toFixed(1)})`);
    write(false);
  };
  for (const id of ids) {
    const { key, values } = sweepFor(id);
    for (const value of values) await run(id, key, value, false);
    if (!extend || key !== 'lr') continue;
    const spec = getOptimizer(id).hyper.find((h) => h.key === 'lr')!;
    for (let extra = 0; extra < 2; extra++) {
      const own = rows.filter((r) => r.optimizer === id);
      const { top, edge } = bestAndEdge(own);
      const next = edge === 1 ? top.value * 3 : edge === -1 ? top.value / 3 : NaN;
      if (!(next >= spec.min && next <= spec.max)) break;
      await run(id, key, next, true);
    }
  }
  write(true);
  console.log(`\n${markdown(rows, true, cap, extend, started, command)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

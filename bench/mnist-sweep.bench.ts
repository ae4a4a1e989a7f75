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
 * Usage: npx tsx bench/mnist-sweep.bench.ts [--epochs 20] [--optimizers sgd,adam,...] [--extend] [--out bench/results/mnist-sweep.md]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { readMnistFiles } from '../src/mnist/load-node.ts';
import { splitMnist } from '../src/mnist/dataset.ts';
import { createTrainer, DEFAULT_TRAIN, trainSteps } from '../src/mnist/train.ts';
import { evaluate } from '../src/mnist/evaluate.ts';
import { MNIST_HYPER } from '../src/mnist/hyper-defaults.ts';
import { createWasmBackend } from '../src/mnist/kernels/wasm/wasm-backend.ts';
import { getOptimizer, isOptimizerId, resolveHyper } from '../src/optim/index.ts';
import { OPTIMIZER_IDS, type Hyper, type OptimizerId } from '../src/optim/types.ts';

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

async function main(): Promise<void> {
  const cap = epochCap();
  const ids = optimizerList();
  const extend = process.argv.includes('--extend');
  const out = argument('out') ?? 'bench/results/mnist-sweep.md';
  const command = `npx tsx bench/mnist-sweep.bench.ts ${process.argv.slice(2).join(' ')}`.trim();
  const started = new Date();
  const config = { ...DEFAULT_TRAIN, epochs: cap };
  const data = splitMnist(readMnistFiles(), { seed: config.seed });
  const rows: Row[] = [];
  const write = (done: boolean): void => {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, markdown(rows, done, cap, extend, started, command));
  };
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

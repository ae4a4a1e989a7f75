/**
 * `cli mnist`: train the MLP on real MNIST with each entrant (an optimizer with its own settings, the
 * surfaces' syntax: `--optimizers sgd,adam,adam:lr=0.01`), from the same initial weights on the same
 * seeded batch stream (src/mnist/train.ts), and print JSON or a table.
 *
 *   mnist [training options] [--json]      (mnist --help lists them: the MNIST field table's flags,
 *                                          src/view/mnist-fields.ts, read by the table's one reader)
 *
 * JSON: {"config": {..., "backend": "wasm" | "ts"}, "runs": [{"entrant", "optimizer", "hyper", "batchSize",
 *        "schedule", "initialValLoss", "epochs": [{"epoch", "trainLoss",
 *        "valLoss", "valAccuracy", "seconds"}], "testAccuracy", "diverged", "divergence", "target", "iterations",
 *        "seconds"}]}
 * seconds are cumulative training seconds (evaluation excluded); target is the first epoch whose
 * validation accuracy reached --target (default 0.97), with iterations and seconds at that point.
 * initialValLoss is the validation loss before the first update; a run whose training loss turns
 * non-finite or whose validation loss exceeds 10× that diverges (src/mnist/divergence.ts): it stops,
 * "diverged" is true, "divergence" is {"epoch", "iteration", "reason": "training-loss" | "validation-loss",
 * "value", "initialValLoss"} (else null), testAccuracy is null, and the table says "diverged at epoch k".
 * "entrant" is the entrant's label (`adam`, `adam#2`, `adam:lr=0.01`), as the tab and the surfaces label it;
 * "hyper" what it ran with. Hyperparameters: registry defaults, then MNIST's (src/mnist/hyper-defaults.ts),
 * then --set (which must name an optimizer among the entrants), then the entrant's own.
 * --backend auto (the default) runs WebAssembly SIMD where Node has it, else TypeScript (pick-backend.ts,
 * the browser's rule), with memory sized from each run's network and batch (arena.ts), and TypeScript for a
 * run the engine cannot give that memory (with a notice on stderr); config.backend says which ran ("wasm", "ts", or "mixed"), each run's "backend" too.
 * Runs go one after another in this process; the table streams one line per epoch to stdout.
 */
import { readMnistFiles } from '../mnist/load-node.ts';
import { divergenceDetail, divergenceLabel } from '../mnist/divergence.ts';
import { splitMnist } from '../mnist/dataset.ts';
import { trainToEnd, type EpochRecord, type Trainer, type TrainConfig } from '../mnist/train.ts';
import { pickBackend, trainerOn } from '../mnist/browser/pick-backend.ts';
import { trainConfigJson } from '../mnist/train-config-json.ts';
import { followsSchedule, formatSchedule, isFixed } from '../run/schedules.ts';
import { getOptimizer } from '../optim/index.ts';
import { MNIST_TABLE } from '../view/mnist-fields.ts';
import { mnistRuns, trainConfig, type MnistOptions, type MnistRun } from '../view/mnist-options.ts';
import { readFields } from '../view/read-fields.ts';
import { fail, ok, type Result } from '../view/result.ts';
import { MNIST_VOCABULARY } from '../view/vocabulary.ts';
import { helpText, orUsageError, parseFlags, type FlagDecl } from './args.ts';
import { formatSeconds, secondsNumber } from '../render/seconds.ts';
import { cliMessage, rawFromFlags, setsAmong, tableFlags } from './field-flags.ts';

const OWN_FLAGS: readonly FlagDecl[] = [{ name: 'json', kind: 'boolean', arg: '', help: 'print the runs as JSON instead of a table' }];
const FLAGS = [...tableFlags(MNIST_TABLE), ...OWN_FLAGS];

export const MNIST_HELP = helpText('usage: cli mnist [training options] [--json]', [
  ['training options (the MNIST tab\'s, link keys m.…)', tableFlags(MNIST_TABLE)],
  ['mnist options', OWN_FLAGS],
]);

export interface MnistRequest {
  readonly options: MnistOptions;
  readonly config: TrainConfig;
  readonly json: boolean;
}

export function parseMnistArgs(argv: readonly string[]): Result<MnistRequest, string> {
  const flags = parseFlags(argv, FLAGS);
  if (!flags.ok) return flags;
  const raw = rawFromFlags(MNIST_TABLE, flags.value);
  if (!raw.ok) return raw;
  const { state: options, errors } = readFields(MNIST_TABLE, raw.value, { vocab: MNIST_VOCABULARY });
  if (errors.length > 0) return fail(cliMessage(MNIST_TABLE, errors[0]));
  const sets = setsAmong(raw.value, options.entrants.map((e) => e.optimizer));
  if (!sets.ok) return sets;
  return ok({ options, config: trainConfig(options), json: flags.value.booleans.has('json') });
}

type Kernels = 'wasm' | 'ts';
const kernelsOf = (name: string): Kernels => (name === 'wasm-simd' ? 'wasm' : 'ts');

function runJson(run: MnistRun, tr: Trainer, backend: Kernels) {
  return {
    entrant: run.label,
    backend,
    optimizer: tr.optimizer.id,
    hyper: tr.hyper,
    batchSize: tr.config.batchSize,
    schedule: formatSchedule(tr.config.schedule),
    initialValLoss: tr.initialValLoss,
    epochs: tr.epochs,
    testAccuracy: tr.testAccuracy,
    diverged: tr.diverged,
    divergence: tr.divergence,
    target: tr.target,
    iterations: tr.iteration,
    seconds: tr.seconds,
  };
}

const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(2)} %`);
const epochLine = (e: EpochRecord) =>
  `  ${String(e.epoch).padStart(5)}  ${e.trainLoss.toPrecision(5).padStart(10)}  ${e.valLoss.toPrecision(5).padStart(10)}  ${pct(e.valAccuracy).padStart(9)}  ${secondsNumber(e.seconds).padStart(8)}`;

export async function mnistCommand(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${MNIST_HELP}\n`);
    return 0;
  }
  const request = orUsageError(parseMnistArgs(argv));
  const { config, options } = request;
  const data = splitMnist(readMnistFiles(), { seed: config.seed, limit: options.limit ?? undefined });
  const out = (line: string) => request.json || process.stdout.write(`${line}\n`);
  // The race's backend; each run gets its own instance (its own memory), and a run WebAssembly cannot hold
  // falls back to TypeScript (trainerOn), so config.backend is finally what every run used.
  const backend = kernelsOf((await pickBackend(options.backend)).name);
  const configJson = {
    ...trainConfigJson(config),
    trainExamples: data.train.indices.length,
    validationExamples: data.validation.indices.length,
    testExamples: data.test.indices.length,
    backend,
  };
  out(`MNIST ${config.mlp.sizes.join('-')} (${config.mlp.activations.join(', ') || 'no hidden layer'}), ${config.init}, batch ${config.batchSize}, ` +
    `${config.epochs} epoch(s), ${configJson.trainExamples} train / ${configJson.validationExamples} validation / ${configJson.testExamples} test, ` +
    `schedule ${configJson.schedule}, seed ${config.seed}, ${backend} kernels`);
  const runs: [MnistRun, Trainer, Kernels][] = [];
  for (const run of mnistRuns(options)) {
    const placed = await trainerOn(options.backend === 'auto' ? 'auto' : backend, data, run.config, getOptimizer(run.optimizer), run.hyper);
    const tr = placed.trainer;
    if (placed.notice) process.stderr.write(`mnist: ${run.label}: ${placed.notice}\n`);
    const unscheduled = !isFixed(run.config.schedule) && !followsSchedule(tr.optimizer, tr.hyper) ? `  (${'lr' in tr.hyper ? 'schedule-free' : 'no learning rate'}: schedule not applied)` : '';
    const own = run.config.batchSize !== config.batchSize || run.config.schedule !== config.schedule ? `  batch ${run.config.batchSize}, schedule ${formatSchedule(run.config.schedule)}` : '';
    out(`\n${run.label}  (${tr.optimizer.name})  ${Object.entries(tr.hyper).map(([k, v]) => `${k}=${v}`).join(' ')}${own}${unscheduled}`);
    out('  epoch  train loss    val loss    val acc   seconds');
    trainToEnd(tr, (e) => out(epochLine(e)));
    const reached = tr.target ? `${pct(config.targetAccuracy)} validation at epoch ${tr.target.epoch} (${tr.target.iterations} iterations, ${formatSeconds(tr.target.seconds)})` : `${pct(config.targetAccuracy)} validation not reached`;
    out(tr.divergence ? `  ${divergenceLabel(tr.divergence)} (${divergenceDetail(tr.divergence)})` : `  test accuracy ${pct(tr.testAccuracy)}; ${reached}`);
    runs.push([run, tr, kernelsOf(placed.backend.name)]);
  }
  const used = new Set(runs.map(([, , k]) => k));
  const ran = { ...configJson, backend: used.size === 1 ? [...used][0] : 'mixed' };
  if (request.json) process.stdout.write(`${JSON.stringify({ config: ran, runs: runs.map(([run, tr, k]) => runJson(run, tr, k)) })}\n`);
  return 0;
}

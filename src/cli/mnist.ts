/**
 * `cli mnist`: train the MLP on real MNIST with each selected optimizer, from the same initial weights
 * on the same seeded batch stream (src/mnist/train.ts), and print JSON or a table.
 *
 *   mnist [--optimizers sgd,adam,...] [--set OPT.PARAM=VALUE ...] [--epochs N] [--batch B]
 *         [--hidden 64,16] [--activations sigmoid,tanh] [--init xavier-uniform] [--l2 L]
 *         [--keep-prob P] [--batchnorm] [--schedule SPEC] [--seed S] [--limit N] [--target ACC]
 *         [--backend ts|wasm] [--json]
 *
 * JSON: {"config": {...}, "runs": [{"optimizer", "hyper", "epochs": [{"epoch", "trainLoss", "valLoss",
 *        "valAccuracy", "seconds"}], "testAccuracy", "diverged", "target", "iterations", "seconds"}]}
 * seconds are cumulative training seconds (evaluation excluded); target is the first epoch whose
 * validation accuracy reached --target (default 0.97), with iterations and seconds at that point.
 * Hyperparameters: registry defaults, then MNIST's (src/mnist/hyper-defaults.ts), then --set.
 * Runs go one after another in this process; the table streams one line per epoch to stdout.
 */
import { readMnistFiles } from '../mnist/load-node.ts';
import { splitMnist } from '../mnist/dataset.ts';
import { createTrainer, trainToEnd, DEFAULT_TRAIN, type EpochRecord, type Trainer, type TrainConfig } from '../mnist/train.ts';
import { ACTIVATION_IDS, parseActivation } from '../mnist/activations.ts';
import { INIT_IDS, parseInit } from '../mnist/init.ts';
import { validateMlpConfig, type MlpConfig } from '../mnist/layout.ts';
import { MNIST_HYPER } from '../mnist/hyper-defaults.ts';
import { createTsBackend } from '../mnist/kernels/ts.ts';
import { createWasmBackend } from '../mnist/kernels/wasm/wasm-backend.ts';
import type { KernelBackend } from '../mnist/kernels/types.ts';
import { formatSchedule, parseSchedule } from '../run/schedules.ts';
import { getOptimizer, resolveHyper } from '../optim/index.ts';
import { OPTIMIZER_IDS, type Hyper, type OptimizerId } from '../optim/types.ts';
import { parseSets } from './set-overrides.ts';
import { UsageError, orUsageError, parseChoiceList, parseFlags, parseNumber, parseWhole, type FlagKind } from './args.ts';

export const MNIST_USAGE = `usage: cli mnist [--optimizers sgd,adam,...] [--set OPT.PARAM=VALUE ...] [--epochs N] [--batch B]
       [--hidden 64,16] [--activations sigmoid,tanh] [--init ${INIT_IDS.join('|')}] [--l2 L]
       [--keep-prob P] [--batchnorm] [--schedule SPEC] [--seed S] [--limit N] [--target ACC]
       [--backend ts|wasm] [--json]
  activations: ${ACTIVATION_IDS.join(', ')}; schedules: fixed, step:gamma=G,size=S, multistep:gamma=G,at=T1/T2,
  exp:gamma=G, inv:gamma=G,power=P, poly:power=P,max=T, course:decay=D`;

const MNIST_FLAG_KINDS: Readonly<Record<string, FlagKind>> = {
  optimizers: 'value',
  set: 'list',
  epochs: 'value',
  batch: 'value',
  hidden: 'value',
  activations: 'value',
  init: 'value',
  l2: 'value',
  'keep-prob': 'value',
  batchnorm: 'boolean',
  schedule: 'value',
  seed: 'value',
  limit: 'value',
  target: 'value',
  backend: 'value',
  json: 'boolean',
};

export interface MnistRequest {
  readonly config: TrainConfig;
  readonly limit: number | undefined;
  readonly optimizers: OptimizerId[];
  readonly hyper: Record<OptimizerId, Hyper>;
  readonly backend: 'ts' | 'wasm';
  readonly json: boolean;
}

function usageErrorFrom<T>(flag: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    throw new UsageError(`${flag}: ${(err as Error).message}`);
  }
}

export function parseMnistArgs(argv: readonly string[]): MnistRequest {
  const { values, lists, booleans } = orUsageError(
    parseFlags(
      argv,
      Object.entries(MNIST_FLAG_KINDS).map(([name, kind]) => ({ name, kind, arg: '', help: '' })),
    ),
  );
  const optimizers = values.optimizers === undefined ? (['sgd'] as OptimizerId[]) : parseChoiceList('--optimizers', values.optimizers, OPTIMIZER_IDS);
  const sets = parseSets(lists.set ?? [], optimizers, 'is not among --optimizers');
  const hyper = {} as Record<OptimizerId, Hyper>;
  for (const id of optimizers) hyper[id] = resolveHyper(getOptimizer(id), MNIST_HYPER[id], sets[id]);

  const base = DEFAULT_TRAIN.mlp;
  const hidden = values.hidden === undefined ? base.sizes.slice(1, -1) : values.hidden.trim() === '' ? [] : values.hidden.split(',').map((h) => parseWhole('--hidden', h.trim(), 1, 4096));
  const activations =
    values.activations === undefined
      ? hidden.map((_, i) => base.activations[i] ?? base.activations[base.activations.length - 1])
      : values.activations.trim() === ''
        ? []
        : values.activations.split(',').map((a) => usageErrorFrom('--activations', () => parseActivation(a.trim())));
  if (activations.length !== hidden.length) {
    throw new UsageError(`--activations lists ${activations.length}, but --hidden has ${hidden.length} layer(s)`);
  }
  const keepProb = values['keep-prob'] === undefined ? 1 : parseNumber('--keep-prob', values['keep-prob']);
  const l2 = values.l2 === undefined ? 0 : parseNumber('--l2', values.l2);
  const mlp: MlpConfig = { sizes: [784, ...hidden, 10], activations, batchNorm: booleans.has('batchnorm'), keepProb, l2 };
  usageErrorFrom('network', () => validateMlpConfig(mlp));

  const target = values.target === undefined ? DEFAULT_TRAIN.targetAccuracy : parseNumber('--target', values.target);
  if (!(target >= 0 && target <= 1)) throw new UsageError(`--target expects an accuracy in [0, 1], got ${target}`);
  const backend = values.backend ?? 'ts';
  if (backend !== 'ts' && backend !== 'wasm') throw new UsageError(`--backend expects ts or wasm, got ${JSON.stringify(backend)}`);
  const config: TrainConfig = {
    mlp,
    init: values.init === undefined ? DEFAULT_TRAIN.init : usageErrorFrom('--init', () => parseInit(values.init)),
    batchSize: values.batch === undefined ? DEFAULT_TRAIN.batchSize : parseWhole('--batch', values.batch, 1, 4096),
    epochs: values.epochs === undefined ? DEFAULT_TRAIN.epochs : parseWhole('--epochs', values.epochs, 1, 10_000),
    seed: values.seed === undefined ? DEFAULT_TRAIN.seed : parseWhole('--seed', values.seed, 0, 2 ** 31 - 1),
    schedule: values.schedule === undefined ? DEFAULT_TRAIN.schedule : usageErrorFrom('--schedule', () => parseSchedule(values.schedule)),
    targetAccuracy: target,
  };
  const limit = values.limit === undefined ? undefined : parseWhole('--limit', values.limit, 1, 55_000);
  return { config, limit, optimizers, hyper, backend, json: booleans.has('json') };
}

function runJson(tr: Trainer) {
  return {
    optimizer: tr.optimizer.id,
    hyper: tr.hyper,
    epochs: tr.epochs,
    testAccuracy: tr.testAccuracy,
    diverged: tr.diverged,
    target: tr.target,
    iterations: tr.iteration,
    seconds: tr.seconds,
  };
}

const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(2)} %`);
const epochLine = (e: EpochRecord) =>
  `  ${String(e.epoch).padStart(5)}  ${e.trainLoss.toPrecision(5).padStart(10)}  ${e.valLoss.toPrecision(5).padStart(10)}  ${pct(e.valAccuracy).padStart(9)}  ${e.seconds.toFixed(1).padStart(8)}`;

export async function mnistCommand(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${MNIST_USAGE}\n`);
    return 0;
  }
  const request = parseMnistArgs(argv);
  const { config } = request;
  const data = splitMnist(readMnistFiles(), { seed: config.seed, limit: request.limit });
  const out = (line: string) => request.json || process.stdout.write(`${line}\n`);
  const configJson = {
    sizes: config.mlp.sizes,
    activations: config.mlp.activations,
    init: config.init,
    batchNorm: config.mlp.batchNorm,
    keepProb: config.mlp.keepProb,
    l2: config.mlp.l2,
    batchSize: config.batchSize,
    epochs: config.epochs,
    seed: config.seed,
    schedule: formatSchedule(config.schedule),
    targetAccuracy: config.targetAccuracy,
    trainExamples: data.train.indices.length,
    validationExamples: data.validation.indices.length,
    testExamples: data.test.indices.length,
    backend: request.backend,
  };
  out(`MNIST ${config.mlp.sizes.join('-')} (${config.mlp.activations.join(', ') || 'no hidden layer'}), ${config.init}, batch ${config.batchSize}, ` +
    `${config.epochs} epoch(s), ${configJson.trainExamples} train / ${configJson.validationExamples} validation / ${configJson.testExamples} test, ` +
    `schedule ${configJson.schedule}, seed ${config.seed}, ${request.backend} kernels`);
  const runs: Trainer[] = [];
  for (const id of request.optimizers) {
    const backend: KernelBackend = request.backend === 'wasm' ? await createWasmBackend() : createTsBackend();
    const tr = createTrainer(data, config, getOptimizer(id), request.hyper[id], { backend });
    const unscheduled = config.schedule.kind !== 'fixed' && !('lr' in tr.hyper) ? '  (no learning rate: schedule not applied)' : '';
    out(`\n${tr.optimizer.name}  ${Object.entries(tr.hyper).map(([k, v]) => `${k}=${v}`).join(' ')}${unscheduled}`);
    out('  epoch  train loss    val loss    val acc   seconds');
    trainToEnd(tr, (e) => out(epochLine(e)));
    const reached = tr.target ? `${pct(config.targetAccuracy)} validation at epoch ${tr.target.epoch} (${tr.target.iterations} iterations, ${tr.target.seconds.toFixed(1)} s)` : `${pct(config.targetAccuracy)} validation not reached`;
    out(tr.diverged ? `  diverged at iteration ${tr.iteration}` : `  test accuracy ${pct(tr.testAccuracy)}; ${reached}`);
    runs.push(tr);
  }
  if (request.json) process.stdout.write(`${JSON.stringify({ config: configJson, runs: runs.map(runJson) })}\n`);
  return 0;
}

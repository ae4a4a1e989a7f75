/**
 * Starts the race's runs on at most MAX_TRAIN_WORKERS workers (and no more than navigator.hardwareConcurrency),
 * each training its share of the entrants in lock-step over its one copy of the data (train-worker.ts):
 * every worker holds the 55 MB of MNIST bytes, so fewer workers is what keeps the tab's memory down (README,
 * "Memory"). Turns worker messages into RunView updates, and offers Pause / Resume / Stop for all runs. Every run gets the
 * race's TrainConfig (seed included; its own batch size and schedule if the entrant sets them), so all start
 * from the same weights and see the same batches (src/mnist/train.ts); only the entrant differs: its
 * optimizer with its effective hyperparameters (the optimizer's, its own on top; mnistRuns).
 */
import { createPool, type Pool, type PoolWorker, type TaskHandle } from '../../mnist/browser/pool.ts';
import type { FromWorker, StartMessage, ToWorker } from '../../mnist/browser/protocol.ts';
import type { MnistFiles } from '../../mnist/dataset.ts';
import type { TrainConfig } from '../../mnist/train.ts';
import { mnistRuns, trainConfig, type MnistOptions } from '../../view/mnist-options.ts';
import { RunView } from './run-view.svelte.ts';

const copyFiles = (files: MnistFiles): MnistFiles => ({
  trainImages: files.trainImages.slice(),
  trainLabels: files.trainLabels.slice(),
  testImages: files.testImages.slice(),
  testLabels: files.testLabels.slice(),
});

/** Two workers: a race of seven peaks near 500 MB rather than 870 MB with one worker per entrant, and still trains on two cores. */
export const MAX_TRAIN_WORKERS = 2;

const createTrainWorker = (): PoolWorker => new Worker(new URL('../../mnist/browser/train-worker.ts', import.meta.url), { type: 'module' });

export class Training {
  runs = $state.raw<RunView[]>([]);
  paused = $state(false);
  /** The race's config the current runs were started with (the diagnostics need the network shape). */
  config = $state.raw<TrainConfig | null>(null);
  backend = $state('');
  trainExamples = $state(0);
  /** Workers the current race trains on. */
  workers = $state(0);
  private pool: Pool | null = null;
  /** Each worker's task and the runs it trains. */
  private groups = new Map<TaskHandle, RunView[]>();
  private generation = 0;

  constructor(
    private readonly createWorker: () => PoolWorker = createTrainWorker,
    private readonly cores: () => number = () => navigator.hardwareConcurrency || 1,
  ) {}

  get active(): boolean {
    return this.runs.some((r) => !r.finished);
  }

  start(options: MnistOptions, files: MnistFiles): void {
    this.dispose();
    const generation = ++this.generation;
    const limit = options.limit ?? undefined;
    this.config = trainConfig(options);
    this.paused = false;
    this.backend = '';
    this.pool = createPool(MAX_TRAIN_WORKERS, this.createWorker);
    const runs = mnistRuns(options).map((e, i) => new RunView(e, i));
    this.runs = runs;
    const workers = Math.max(1, Math.min(this.cores(), runs.length, MAX_TRAIN_WORKERS));
    const share = Math.ceil(runs.length / workers);
    this.workers = Math.ceil(runs.length / share);
    for (let from = 0; from < runs.length; from += share) {
      const group = runs.slice(from, from + share);
      const ended = new Set<number>();
      const handle = this.pool.submit({
        start: (worker) => {
          for (const run of group) run.status = this.paused ? 'pausing' : 'running';
          // The worker's own copy of the data, made as it starts and moved (transferred) to it: a structured
          // clone would hold a second, serialised 55 MB copy per starting worker until it is read.
          const own = copyFiles(files);
          const start: StartMessage = { type: 'start', files: own, limit, runs: group.map((r) => ({ config: r.config, optimizer: r.optimizer, hyper: r.hyper })), backend: options.backend };
          worker.postMessage(start, Object.values(own).map((bytes) => bytes.buffer));
          if (this.paused) worker.postMessage({ type: 'pause' } satisfies ToWorker);
        },
        message: (data) => {
          const msg = data as FromWorker;
          if (generation !== this.generation) return false;
          if (this.apply(group[msg.run], msg)) ended.add(msg.run);
          return ended.size === group.length;
        },
        failed: (message) => {
          for (const run of group) {
            if (run.finished) continue;
            run.status = 'failed';
            run.error = message;
          }
        },
        cancelled: () => {
          for (const run of group) if (!run.finished) run.status = 'stopped';
        },
      });
      this.groups.set(handle, group);
    }
  }

  /** Applies one worker message; returns true for the final one. */
  private apply(run: RunView, msg: FromWorker): boolean {
    switch (msg.type) {
      case 'ready':
        run.stepsPerEpoch = msg.stepsPerEpoch;
        run.totalSteps = msg.totalSteps;
        if (run.losses.length !== msg.totalSteps) run.losses = new Float32Array(msg.totalSteps);
        this.backend = msg.backend;
        this.trainExamples = msg.trainExamples;
        run.initialValLoss = msg.initialValLoss;
        return false;
      case 'progress': {
        const losses = run.losses.slice();
        losses.set(msg.losses, msg.from);
        run.losses = losses;
        if (msg.newEpochs.length) run.epochs = [...run.epochs, ...msg.newEpochs];
        run.iteration = msg.iteration;
        run.seconds = msg.seconds;
        run.lr = msg.lr;
        run.target = msg.target;
        return false;
      }
      case 'checkpoint':
        run.checkpoints.iterations.push(msg.iteration);
        run.checkpoints.params.push(msg.params);
        return false;
      case 'paused':
        // Worker messages arrive in order: every update done before the pause has been reported by now.
        if (run.status === 'pausing') run.status = 'paused';
        return false;
      case 'done':
        run.testAccuracy = msg.testAccuracy;
        run.divergence = msg.divergence;
        run.result = {
          params: msg.params,
          runningMean: msg.runningMean,
          runningVar: msg.runningVar,
          predictions: msg.predictions,
          confusion: msg.confusion,
          trainAccuracy: msg.trainAccuracy,
        };
        run.status = msg.reason === 'finished' ? 'done' : msg.reason;
        return true;
      case 'failed':
        run.status = 'failed';
        run.error = msg.message;
        return true;
    }
  }

  pause(): void {
    this.paused = true;
    // 'pausing' until the worker confirms: progress it posted before it read the pause may still be on its way.
    for (const [h, group] of this.groups) if (h.send({ type: 'pause' } satisfies ToWorker)) for (const run of group) if (run.status === 'running') run.status = 'pausing';
  }

  resume(): void {
    this.paused = false;
    for (const [h, group] of this.groups) {
      if (h.send({ type: 'resume' } satisfies ToWorker)) for (const run of group) if (run.status === 'paused' || run.status === 'pausing') run.status = 'running';
    }
  }

  /** Every unfinished run ends now and reports its result. */
  stop(): void {
    for (const [h, group] of this.groups) {
      if (h.send({ type: 'stop' } satisfies ToWorker)) for (const run of group) if (run.status === 'paused' || run.status === 'pausing') run.status = 'running';
    }
    this.paused = false;
  }

  dispose(): void {
    this.pool?.dispose();
    this.pool = null;
    this.groups.clear();
  }
}

/**
 * Starts the race's runs on at most MAX_TRAIN_WORKERS workers (and no more than navigator.hardwareConcurrency),
 * each training its share of the entrants in lock-step (train-worker.ts). The training images stay here,
 * once, and so do the test images: each worker gets the split, the labels and its own validation images, and
 * asks for the training images its runs read next and, as each run ends, for the test images a part at a
 * time, which this class answers (example-server.ts; README, "Memory").
 * Turns worker messages into RunView updates, and offers Pause / Resume / Stop for all runs. Progress reaches
 * the runs (so the charts and the scoreboard) every PUBLISH_MS, every run's at once: redrawing every chart on
 * each run's message (seven runs, ten messages a second each) made the tab's JavaScript heap grow by 70 MB of
 * chart garbage in a race (README, "Memory"). A paused, done or failed message publishes what is waiting
 * first, so a run shows paused or done only with its last progress on screen. Every run gets the
 * race's TrainConfig (seed included; its own batch size and schedule if the entrant sets them), so all start
 * from the same weights and see the same batches (src/mnist/train.ts); only the entrant differs: its
 * optimizer with its effective hyperparameters (the optimizer's, its own on top; mnistRuns).
 */
import { createPool, type Pool, type PoolWorker, type TaskHandle } from '../../mnist/browser/pool.ts';
import type { FromWorker, ProgressMessage, StartMessage, ToWorker } from '../../mnist/browser/protocol.ts';
import { exampleServer } from '../../mnist/browser/example-server.ts';
import type { MnistFiles } from '../../mnist/dataset.ts';
import type { TrainConfig } from '../../mnist/train.ts';
import { mnistRuns, trainConfig, type MnistOptions } from '../../view/mnist-options.ts';
import { RunView } from './run-view.svelte.ts';

/** Milliseconds between progress publications. */
export const PUBLISH_MS = 250;

/** Two workers: a race of seven trains on two cores, each worker holding its validation images (4 MB). */
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
  /** Progress not yet published, per run, in arrival order. */
  private unpublished = new Map<RunView, ProgressMessage[]>();
  private publishTimer: ReturnType<typeof setTimeout> | null = null;

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
    this.config = trainConfig(options);
    const server = exampleServer(files, this.config.seed, options.limit ?? undefined);
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
          // The worker's own copy of its data, made as it starts and moved (transferred) to it.
          const { data, transfer } = server.workerData();
          const start: StartMessage = { type: 'start', ...data, runs: group.map((r) => ({ config: r.config, optimizer: r.optimizer, hyper: r.hyper })), backend: options.backend, raceRuns: runs.length };
          worker.postMessage(start, transfer);
          if (this.paused) worker.postMessage({ type: 'pause' } satisfies ToWorker);
        },
        message: (data) => {
          const msg = data as FromWorker;
          if (generation !== this.generation) return false;
          if (msg.type === 'examples') {
            const pixels = server.images(msg.set, msg.images, msg.into);
            handle.send({ type: 'examples', id: msg.id, pixels } satisfies ToWorker, [pixels.buffer]);
            return false;
          }
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

  /** Applies one worker message about its run; returns true for the final one. */
  private apply(run: RunView, msg: Exclude<FromWorker, { type: 'examples' }>): boolean {
    if (msg.type === 'progress') {
      const waiting = this.unpublished.get(run);
      if (waiting) waiting.push(msg);
      else this.unpublished.set(run, [msg]);
      this.publishTimer ??= setTimeout(() => this.publish(), PUBLISH_MS);
      return false;
    }
    // A run shows paused, done or failed only with its last progress; checkpoints (thirty a second in a race
    // of seven) need no publication.
    if (msg.type === 'paused' || msg.type === 'done' || msg.type === 'failed') this.publish();
    switch (msg.type) {
      case 'ready':
        run.stepsPerEpoch = msg.stepsPerEpoch;
        run.totalSteps = msg.totalSteps;
        this.backend = msg.backend;
        this.trainExamples = msg.trainExamples;
        run.initialValLoss = msg.initialValLoss;
        return false;
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

  /** Every run's waiting progress, now. */
  publish(): void {
    if (this.publishTimer !== null) clearTimeout(this.publishTimer);
    this.publishTimer = null;
    for (const [run, messages] of this.unpublished) {
      for (const m of messages) run.addLosses(m.from, m.losses);
      const epochs = messages.flatMap((m) => m.newEpochs);
      if (epochs.length) run.epochs = [...run.epochs, ...epochs];
      const last = messages[messages.length - 1];
      run.iteration = last.iteration;
      run.seconds = last.seconds;
      run.lr = last.lr;
      run.target = last.target;
    }
    this.unpublished.clear();
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
    this.publish();
    this.pool?.dispose();
    this.pool = null;
    this.groups.clear();
  }
}

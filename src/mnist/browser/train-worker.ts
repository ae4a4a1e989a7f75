/**
 * Web Worker entry: trains one or more runs on MNIST with the core's step-wise trainer (src/mnist/train.ts),
 * in lock-step (one update of each unfinished run in turn) over one copy of the data, and streams each
 * run's progress to the tab (protocol.ts). A worker holds the 55 MB of MNIST bytes once however many runs
 * it trains, which is what keeps a race's memory down (README, "Memory"). Training runs in slices of
 * ~60 ms; between slices the worker yields to its event loop, so pause / resume / stop messages take
 * effect within one slice. When a run ends (finished, stopped or diverged) it evaluates the test set once
 * more with per-example predictions (confusion matrix, gallery) and the training examples
 * (bias/variance), and posts the trained parameters so the tab can run the network on drawn digits.
 */
/// <reference lib="webworker" />
import { splitMnist, type MnistSplit } from '../dataset.ts';
import { readyForEvaluation, trainSteps, type Trainer } from '../train.ts';
import { createEvaluationDetail, evaluate } from '../evaluate.ts';
import { trainerOn } from './pick-backend.ts';
import { getOptimizer } from '../../optim/index.ts';
import type { DoneMessage, FromWorker, StartMessage, ToWorker } from './protocol.ts';
import { checkpointDue } from '../landscape/checkpoints.ts';

const SLICE_MS = 60;
const REPORT_MS = 100;

/** One run of this worker and what it has posted so far. */
interface Run {
  readonly index: number;
  trainer: Trainer | null;
  sentLosses: number;
  sentEpochs: number;
  /** Iteration of the last checkpoint posted (−1: none yet). */
  lastCheckpoint: number;
}

let runs: Run[] = [];
let data: MnistSplit | null = null;
let paused = false;
let stopped = false;
let scheduled = false;
let lastReport = 0;

type Unrun<T> = T extends unknown ? Omit<T, 'run'> : never;
const post = (run: Run, message: Unrun<FromWorker>, transfer: Transferable[] = []) =>
  (self as unknown as DedicatedWorkerGlobalScope).postMessage({ ...message, run: run.index } as FromWorker, transfer);

const active = (): Run[] => runs.filter((r) => r.trainer !== null);

async function start(msg: StartMessage): Promise<void> {
  runs = msg.runs.map((_, index) => ({ index, trainer: null, sentLosses: 0, sentEpochs: 0, lastCheckpoint: -1 }));
  const set = splitMnist(msg.files, { seed: msg.runs[0].config.seed, limit: msg.limit });
  data = set;
  for (const run of runs) {
    const spec = msg.runs[run.index];
    try {
      const placed = await trainerOn(msg.backend, set, spec.config, getOptimizer(spec.optimizer), spec.hyper);
      run.trainer = placed.trainer;
      post(run, {
        type: 'ready',
        backend: placed.notice ? `${placed.backend.name} (${placed.notice})` : placed.backend.name,
        stepsPerEpoch: placed.trainer.stepsPerEpoch,
        totalSteps: placed.trainer.totalSteps,
        trainExamples: set.train.indices.length,
        initialValLoss: placed.trainer.initialValLoss,
      });
      checkpoint(run, false);
    } catch (err) {
      post(run, { type: 'failed', message: (err as Error).message });
    }
  }
  if (paused) for (const run of active()) post(run, { type: 'paused' });
  schedule();
}

function report(run: Run): void {
  const tr = run.trainer!;
  const losses = tr.batchLosses.slice(run.sentLosses, tr.iteration);
  post(run, {
    type: 'progress',
    from: run.sentLosses,
    losses,
    newEpochs: tr.epochs.slice(run.sentEpochs),
    iteration: tr.iteration,
    seconds: tr.seconds,
    lr: tr.live.lr ?? NaN,
    target: tr.target,
  }, [losses.buffer]);
  run.sentLosses = tr.iteration;
  run.sentEpochs = tr.epochs.length;
}

/** Posts a copy of the parameters when one is due (checkpoints.ts), or whenever `now` (a pause, a stop) and not yet taken. */
function checkpoint(run: Run, now: boolean): void {
  const tr = run.trainer!;
  if (!(checkpointDue(tr, run.lastCheckpoint) || (now && tr.iteration !== run.lastCheckpoint))) return;
  run.lastCheckpoint = tr.iteration;
  const params = tr.net.params.slice();
  post(run, { type: 'checkpoint', iteration: tr.iteration, params }, [params.buffer]);
}

function finish(run: Run): void {
  const tr = run.trainer!;
  const set = data!;
  report(run);
  checkpoint(run, true);
  const net = tr.net;
  const reason = tr.diverged ? 'diverged' : stopped && !tr.done ? 'stopped' : 'finished';
  const detail = createEvaluationDetail(10, set.test.indices.length);
  if (!tr.diverged) readyForEvaluation(tr);
  const test = evaluate(net, set.test, undefined, detail);
  const train = evaluate(net, set.train);
  const done: Unrun<DoneMessage> = {
    type: 'done',
    reason,
    divergence: tr.divergence,
    testAccuracy: reason === 'diverged' ? null : tr.testAccuracy ?? test.accuracy,
    trainAccuracy: train.accuracy,
    params: net.params.slice(),
    runningMean: net.hidden.map((h) => (h.bn ? h.bn.runMean.slice() : new Float32Array(0))),
    runningVar: net.hidden.map((h) => (h.bn ? h.bn.runVar.slice() : new Float32Array(0))),
    predictions: detail.predictions,
    confusion: detail.confusion,
  };
  run.trainer = null;
  post(run, done, [done.params.buffer, done.predictions.buffer, done.confusion.buffer]);
}

/** Ends a run with a failure message instead of its result. */
function fail(run: Run, err: unknown): void {
  run.trainer = null;
  post(run, { type: 'failed', message: (err as Error).message });
}

function finishAll(): void {
  for (const run of active()) {
    try {
      finish(run);
    } catch (err) {
      fail(run, err);
    }
  }
  data = null;
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setTimeout(slice, 0);
}

function slice(): void {
  scheduled = false;
  if (paused || active().length === 0) return;
  if (stopped) return finishAll();
  const t0 = performance.now();
  while (performance.now() - t0 < SLICE_MS && active().length > 0) {
    for (const run of active()) {
      try {
        trainSteps(run.trainer!, 1);
        checkpoint(run, false);
        if (run.trainer!.done) finish(run);
      } catch (err) {
        fail(run, err);
      }
    }
  }
  if (performance.now() - lastReport >= REPORT_MS) {
    for (const run of active()) report(run);
    lastReport = performance.now();
  }
  if (active().length > 0) schedule();
  else data = null;
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  switch (msg.type) {
    case 'start':
      start(msg).catch((err: Error) => {
        for (const run of runs) if (run.trainer === null) fail(run, err);
      });
      return;
    case 'pause':
      paused = true;
      for (const run of active()) {
        report(run);
        checkpoint(run, true);
        post(run, { type: 'paused' });
      }
      return;
    case 'resume':
      paused = false;
      schedule();
      return;
    case 'stop':
      stopped = true;
      if (paused) {
        paused = false;
        finishAll();
      }
      return;
  }
};

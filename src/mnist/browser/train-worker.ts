/**
 * Web Worker entry: trains one or more runs on MNIST with the core's step-wise trainer (src/mnist/train.ts),
 * in lock-step (one update of each unfinished run in turn), and streams each run's progress to the tab
 * (protocol.ts). The worker holds the validation images (4 MB) and the test labels, but none of the 47 MB of
 * training images nor the 8 MB of test images: each run reads its training examples through example windows
 * (example-windows.ts), whose bytes it asks the tab for a window ahead, so the image bytes exist once in the
 * tab however many workers train (README, "Memory"). A run whose next window has not arrived waits; the others
 * go on. Training runs in slices of ~60 ms; between slices the worker yields to its event loop, so pause /
 * resume / stop messages and the tab's examples take effect within one slice. When a run ends (finished,
 * stopped or diverged) it evaluates the test set with per-example predictions (confusion matrix, gallery), a
 * window's worth of test images at a time (evaluate.ts evaluateInParts: the same numbers as the whole set at
 * once), which gives its test accuracy (the trainer, without the test set, leaves it null; null for a
 * diverged run), and the training examples, a window at a time (bias/variance), and posts the trained
 * parameters so the tab can run the network on drawn digits. Every image request of a run, training or test,
 * goes through `request`, with the run's one buffer lent to the tab and given back.
 */
/// <reference lib="webworker" />
import { identityOrder, indexRange, type DigitSet } from '../dataset.ts';
import { needsRecalibration, readyForEvaluation, recalibrationExamples, trainSteps, type Trainer } from '../train.ts';
import { createEvaluationDetail, evaluate, evaluateInParts } from '../evaluate.ts';
import { ExampleWindows, type ExampleLoad } from '../example-windows.ts';
import { trainerOn } from './pick-backend.ts';
import { getOptimizer } from '../../optim/index.ts';
import type { CompactImages, DoneMessage, FromWorker, ImageFile, StartMessage, ToWorker } from './protocol.ts';
import { checkpointDue, checkpointEvery } from '../landscape/checkpoints.ts';

const SLICE_MS = 60;
const REPORT_MS = 100;

/** One run of this worker and what it has posted so far. */
interface Run {
  readonly index: number;
  trainer: Trainer | null;
  windows: ExampleWindows | null;
  /** The load on its way from the tab, if any. */
  loading: Promise<void> | null;
  /** The buffer the tab writes the run's images into (null while lent to it). */
  scratch: Uint8Array | null;
  /** Ended, and evaluating before its final message. */
  finishing: boolean;
  sentLosses: number;
  sentEpochs: number;
  /** Iteration of the last checkpoint posted (−1: none yet), and updates between checkpoints (checkpoints.ts). */
  lastCheckpoint: number;
  checkpointEvery: number;
}

let runs: Run[] = [];
let paused = false;
let stopped = false;
let scheduled = false;
let lastReport = 0;

type Unrun<T> = T extends unknown ? Omit<T, 'run'> : never;
const post = (run: Run, message: Unrun<FromWorker>, transfer: Transferable[] = []) =>
  (self as unknown as DedicatedWorkerGlobalScope).postMessage({ ...message, run: run.index } as FromWorker, transfer);

/** Runs still training (not ended, not finishing). */
const active = (): Run[] => runs.filter((r) => r.trainer !== null && !r.finishing);

const compact = (images: CompactImages, features: number): DigitSet => ({ ...images, features, indices: identityOrder(images.labels.length) });

/** Requests of this worker awaiting the tab's bytes, by id. */
const awaiting = new Map<number, { run: Run; resolve: (pixels: Uint8Array) => void }>();
let nextRequest = 0;
let testLabels: Uint8Array = new Uint8Array(0);

/**
 * Asks the tab for images of one file, lending it the run's buffer; resolves to the buffer given back, its start
 * holding their bytes. It is the run's buffer again once it resolves: read it before the run's next request.
 */
function request(run: Run, set: ImageFile, images: Uint32Array): Promise<Uint8Array> {
  const id = nextRequest++;
  const bytes = images.length * run.windows!.set.features;
  const into = run.scratch !== null && run.scratch.length >= bytes ? run.scratch : new Uint8Array(bytes);
  run.scratch = null;
  const reply = new Promise<Uint8Array>((resolve) => awaiting.set(id, { run, resolve }));
  post(run, { type: 'examples', id, set, images, into }, [images.buffer, into.buffer]);
  return reply;
}

/** Asks the tab for a load's training images; resolves once they are in the run's windows. */
function fetchLoad(run: Run, load: ExampleLoad): Promise<void> {
  const loading = request(run, 'train', run.windows!.imagesOf(load)).then((pixels) => {
    if (run.windows === null) throw new Error('examples arrived for a run that has ended');
    run.windows.fill(load, pixels.subarray(0, load.examples.length * run.windows.set.features));
  });
  // What finish() waits for before it reuses the windows: settles with the load, never rejects.
  const settled = loading.then(
    () => undefined,
    () => undefined,
  );
  run.loading = settled;
  void settled.then(() => {
    if (run.loading === settled) run.loading = null;
  });
  return loading;
}

/** Asks for the run's next window (or recalibration batches) if it needs one and none is on its way. */
function prefetch(run: Run): void {
  const load = run.windows!.next();
  if (load) fetchLoad(run, load).then(schedule, (err: Error) => fail(run, err));
}

async function start(msg: StartMessage): Promise<void> {
  runs = msg.runs.map((_, index) => ({ index, trainer: null, windows: null, loading: null, scratch: null, finishing: false, sentLosses: 0, sentEpochs: 0, lastCheckpoint: -1, checkpointEvery: 1 }));
  const validation = compact(msg.validation, msg.features);
  testLabels = msg.testLabels;
  for (const run of runs) {
    const spec = msg.runs[run.index];
    try {
      const optimizer = getOptimizer(spec.optimizer);
      const windows = new ExampleWindows(msg.trainImages, msg.trainLabels, msg.features, spec.config.batchSize, recalibrationExamples(optimizer, spec.config, msg.trainImages.length));
      const placed = await trainerOn(msg.backend, { train: windows.set, validation, test: null }, spec.config, optimizer, spec.hyper);
      windows.attach(placed.trainer);
      run.windows = windows;
      run.trainer = placed.trainer;
      run.checkpointEvery = checkpointEvery(placed.trainer.totalSteps, placed.trainer.net.params.length, msg.raceRuns);
      post(run, {
        type: 'ready',
        backend: placed.notice ? `${placed.backend.name} (${placed.notice})` : placed.backend.name,
        stepsPerEpoch: placed.trainer.stepsPerEpoch,
        totalSteps: placed.trainer.totalSteps,
        trainExamples: msg.trainImages.length,
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
  if (!(checkpointDue(tr, run.lastCheckpoint, run.checkpointEvery) || (now && tr.iteration !== run.lastCheckpoint))) return;
  run.lastCheckpoint = tr.iteration;
  const params = tr.net.params.slice();
  post(run, { type: 'checkpoint', iteration: tr.iteration, params }, [params.buffer]);
}

/** Ends a run: its last report and checkpoint, then its evaluation (loading what it reads) and its final message. */
async function finish(run: Run): Promise<void> {
  run.finishing = true;
  const tr = run.trainer!;
  const windows = run.windows!;
  report(run);
  checkpoint(run, true);
  const reason = tr.diverged ? 'diverged' : stopped && !tr.done ? 'stopped' : 'finished';
  try {
    await run.loading;
    const net = tr.net;
    if (!tr.diverged) {
      if (needsRecalibration(tr)) await fetchLoad(run, windows.recalibrationLoad());
      readyForEvaluation(tr);
    }
    const detail = createEvaluationDetail(10, testLabels.length);
    const test = await evaluateInParts(net, testLabels, windows.set.features, windows.windowExamples, (from, to) => request(run, 'test', indexRange(from, to)), detail);
    // Training accuracy over every example, a window at a time: the sum of each window's correct predictions.
    let correct = 0;
    for (const load of windows.passLoads()) {
      await fetchLoad(run, load);
      correct += Math.round(evaluate(net, windows.set, load.examples).accuracy * load.examples.length);
    }
    const done: Unrun<DoneMessage> = {
      type: 'done',
      reason,
      divergence: tr.divergence,
      testAccuracy: reason === 'diverged' ? null : test.accuracy,
      trainAccuracy: correct / tr.order.length,
      params: net.params.slice(),
      runningMean: net.hidden.map((h) => (h.bn ? h.bn.runMean.slice() : new Float32Array(0))),
      runningVar: net.hidden.map((h) => (h.bn ? h.bn.runVar.slice() : new Float32Array(0))),
      predictions: detail.predictions,
      confusion: detail.confusion,
    };
    release(run);
    post(run, done, [done.params.buffer, done.predictions.buffer, done.confusion.buffer]);
  } catch (err) {
    fail(run, err);
  }
}

/** Drops a run's trainer and windows (the worker keeps nothing of an ended run). */
function release(run: Run): void {
  run.trainer = null;
  run.windows = null;
}

/** Ends a run with a failure message instead of its result. */
function fail(run: Run, err: unknown): void {
  if (run.trainer === null) return;
  release(run);
  post(run, { type: 'failed', message: (err as Error).message });
}

function finishAll(): void {
  for (const run of active()) void finish(run);
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
  // Until the slice's time is up, or no run can update until the tab's next examples arrive (they schedule the next slice).
  let stepped = true;
  while (stepped && performance.now() - t0 < SLICE_MS) {
    stepped = false;
    for (const run of active()) {
      prefetch(run);
      if (!run.windows!.ready()) continue;
      try {
        trainSteps(run.trainer!, 1);
        checkpoint(run, false);
        stepped = true;
        if (run.trainer!.done) void finish(run);
      } catch (err) {
        fail(run, err);
      }
    }
  }
  for (const run of active()) prefetch(run);
  if (performance.now() - lastReport >= REPORT_MS) {
    for (const run of active()) report(run);
    lastReport = performance.now();
  }
  if (stepped && active().length > 0) schedule();
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
      paused = false;
      schedule();
      return;
    case 'examples': {
      const waiting = awaiting.get(msg.id);
      if (!waiting) return;
      awaiting.delete(msg.id);
      waiting.run.scratch = msg.pixels;
      waiting.resolve(msg.pixels);
      return;
    }
  }
};

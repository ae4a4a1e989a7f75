/**
 * Web Worker entry: trains one optimizer on MNIST with the core's step-wise trainer (src/mnist/train.ts)
 * and streams progress to the tab (protocol.ts). Training runs in slices of ~60 ms; between slices the
 * worker yields to its event loop, so pause / resume / stop messages take effect within one slice.
 * At the end (finished, stopped or diverged) it evaluates the test set once more with per-example
 * predictions (confusion matrix, gallery) and the training examples (bias/variance), and posts the
 * trained parameters so the tab can run the network on drawn digits.
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

let trainer: Trainer | null = null;
let data: MnistSplit | null = null;
let paused = false;
let stopped = false;
let scheduled = false;
let sentLosses = 0;
let sentEpochs = 0;
let lastReport = 0;
/** Iteration of the last checkpoint posted (−1: none yet). */
let lastCheckpoint = -1;

const post = (message: FromWorker, transfer: Transferable[] = []) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message, transfer);

async function start(msg: StartMessage): Promise<void> {
  data = splitMnist(msg.files, { seed: msg.config.seed, limit: msg.limit });
  const placed = await trainerOn(msg.backend, data, msg.config, getOptimizer(msg.optimizer), msg.hyper);
  trainer = placed.trainer;
  post({
    type: 'ready',
    backend: placed.notice ? `${placed.backend.name} (${placed.notice})` : placed.backend.name,
    stepsPerEpoch: trainer.stepsPerEpoch,
    totalSteps: trainer.totalSteps,
    trainExamples: data.train.indices.length,
    initialValLoss: trainer.initialValLoss,
  });
  checkpoint(trainer, false);
  schedule();
}

function report(): void {
  const tr = trainer!;
  const losses = tr.batchLosses.slice(sentLosses, tr.iteration);
  const message: FromWorker = {
    type: 'progress',
    from: sentLosses,
    losses,
    newEpochs: tr.epochs.slice(sentEpochs),
    iteration: tr.iteration,
    seconds: tr.seconds,
    lr: tr.live.lr ?? NaN,
    target: tr.target,
  };
  sentLosses = tr.iteration;
  sentEpochs = tr.epochs.length;
  lastReport = performance.now();
  post(message, [losses.buffer]);
}

/** Posts a copy of the parameters when one is due (checkpoints.ts), or whenever `now` (a pause, a stop) and not yet taken. */
function checkpoint(tr: Trainer, now: boolean): void {
  if (!(checkpointDue(tr, lastCheckpoint) || (now && tr.iteration !== lastCheckpoint))) return;
  lastCheckpoint = tr.iteration;
  const params = tr.net.params.slice();
  post({ type: 'checkpoint', iteration: tr.iteration, params }, [params.buffer]);
}

function finish(): void {
  const tr = trainer!;
  const set = data!;
  report();
  checkpoint(tr, true);
  const net = tr.net;
  const reason = tr.diverged ? 'diverged' : stopped && !tr.done ? 'stopped' : 'finished';
  const detail = createEvaluationDetail(10, set.test.indices.length);
  if (!tr.diverged) readyForEvaluation(tr);
  const test = evaluate(net, set.test, undefined, detail);
  const train = evaluate(net, set.train);
  const done: DoneMessage = {
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
  post(done, [done.params.buffer, done.predictions.buffer, done.confusion.buffer]);
  trainer = null;
  data = null;
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setTimeout(slice, 0);
}

function slice(): void {
  scheduled = false;
  const tr = trainer;
  if (!tr || paused) return;
  try {
    const t0 = performance.now();
    while (!tr.done && !stopped && performance.now() - t0 < SLICE_MS) {
      trainSteps(tr, 1);
      checkpoint(tr, false);
    }
    if (tr.done || stopped) return finish();
    if (performance.now() - lastReport >= REPORT_MS) report();
    schedule();
  } catch (err) {
    post({ type: 'failed', message: (err as Error).message });
    trainer = null;
  }
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  switch (msg.type) {
    case 'start':
      start(msg).catch((err: Error) => post({ type: 'failed', message: err.message }));
      return;
    case 'pause':
      paused = true;
      if (trainer) {
        report();
        checkpoint(trainer, true);
      }
      post({ type: 'paused' });
      return;
    case 'resume':
      paused = false;
      schedule();
      return;
    case 'stop':
      stopped = true;
      if (trainer && paused) {
        paused = false;
        try {
          finish();
        } catch (err) {
          post({ type: 'failed', message: (err as Error).message });
        }
      }
      return;
  }
};

import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import { MAX_TRAIN_WORKERS, PUBLISH_MS, Training } from '../../src/ui/mnist/training.svelte.ts';
import { defaultForm, optionsOf } from '../../src/ui/mnist/form.ts';
import { TestWorker } from './test-worker.ts';
import type { FromWorker, StartMessage, ToWorker } from '../../src/mnist/browser/protocol.ts';
import { splitIndices, type MnistFiles } from '../../src/mnist/dataset.ts';
import { idx } from '../mnist/idx-file.ts';


// 6,100 training images of 1×2 pixels, image i = (i mod 256, ⌊i / 256⌋), label i mod 10 (5,000 held out
// for validation leave 1,100 to train on); 3 test images.
const TRAIN = 6100;
const files: MnistFiles = {
  trainImages: idx(0x803, [TRAIN, 1, 2], Array.from({ length: TRAIN }, (_, i) => [i % 256, Math.floor(i / 256)]).flat()),
  trainLabels: idx(0x801, [TRAIN], Array.from({ length: TRAIN }, (_, i) => i % 10)),
  testImages: idx(0x803, [3, 1, 2], [9, 8, 7, 6, 5, 4]),
  testLabels: idx(0x801, [3], [1, 2, 3]),
};

function setup(cores: number) {
  const workers: TestWorker<FromWorker>[] = [];
  const training = new Training(() => {
    const w = new TestWorker<FromWorker>();
    workers.push(w);
    return w;
  }, () => cores);
  return { training, workers };
}

const DIVERGENCE = { epoch: 1, iteration: 4, reason: 'training-loss', value: Infinity, initialValLoss: 2.31 } as const;

const done = (reason: 'finished' | 'stopped' | 'diverged', run = 0): FromWorker => ({
  type: 'done',
  run,
  reason,
  divergence: reason === 'diverged' ? DIVERGENCE : null,
  testAccuracy: reason === 'diverged' ? null : 0.9,
  trainAccuracy: 0.91,
  params: new Float32Array(3),
  runningMean: [],
  runningVar: [],
  predictions: new Uint8Array(2),
  confusion: new Uint32Array(100),
});

describe('Training', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts every entrant with the identical config (seed, network, schedule, subset), on two workers in lock-step', () => {
    const { training, workers } = setup(4);
    const form = defaultForm();
    form.entrants = 'sgd,momentum,adam';
    form.limit = 1000;
    form.schedule = 'step:gamma=0.5,size=10';
    training.start(optionsOf(form), files);
    expect(MAX_TRAIN_WORKERS).toBe(2);
    expect(workers).toHaveLength(2);
    expect(training.workers).toBe(2);
    const messages = workers.map((w) => w.sent[0] as StartMessage);
    expect(messages.map((m) => m.runs.map((r) => r.optimizer))).toEqual([['sgd', 'momentum'], ['adam']]);
    for (const m of messages) {
      expect(m.trainImages).toEqual(splitIndices(TRAIN, { seed: 1, limit: 1000 }).train);
      expect(m.backend).toBe('auto');
      // The checkpoints' memory budget is the race's: each worker knows all three runs share it.
      expect(m.raceRuns).toBe(3);
    }
    const starts = messages.flatMap((m) => m.runs);
    for (const s of starts) expect(s.config).toEqual(starts[0].config);
    expect(starts[0].config.seed).toBe(1);
    expect(starts[0].config.mlp.sizes).toEqual([784, 64, 16, 10]);
    expect(starts[0].config.schedule).toEqual({ kind: 'step', params: { gamma: 0.5, size: 10 }, at: [] });
    expect(starts[0].hyper).toEqual({ lr: 0.2 });
    expect(starts[2].hyper.lr).toBe(0.003);
  });

  it('races entrants: the same optimizer twice, own hyperparameters on the optimizer\'s, own batch size, labels as on the surfaces', () => {
    const { training, workers } = setup(4);
    const form = defaultForm();
    form.entrants = 'adam,adam,adam:lr=0.01:batch=32';
    form.optimizers.find((o) => o.id === 'adam')!.hyper.beta1 = 0.8;
    training.start(optionsOf(form), files);
    const starts = workers.flatMap((w) => (w.sent[0] as StartMessage).runs);
    expect(training.runs.map((r) => r.key)).toEqual(['adam', 'adam#2', 'adam:lr=0.01:batch=32']);
    expect(training.runs.map((r) => r.name)).toEqual(['Adam', 'Adam #2', 'Adam lr=0.01, batch 32']);
    expect(starts.map((s) => [s.hyper.lr, s.hyper.beta1, s.config.batchSize])).toEqual([[0.003, 0.8, 128], [0.003, 0.8, 128], [0.01, 0.8, 32]]);
    // One colour per optimizer, a dash per entrant.
    expect(new Set(training.runs.map((r) => r.color)).size).toBe(1);
    expect(new Set(training.runs.map((r) => r.dash)).size).toBe(3);
  });

  it('gives each worker its own copy of the split, labels and validation images, transferred, but no training or test image; answers its examples requests for either file', () => {
    const { training, workers } = setup(2);
    training.start(optionsOf(defaultForm()), files);
    const split = splitIndices(TRAIN, { seed: 1 });
    for (const w of workers) {
      const sent = w.sent[0] as StartMessage;
      expect(sent.trainImages).toEqual(split.train);
      expect(sent.trainLabels).toEqual(Uint8Array.from({ length: TRAIN }, (_, i) => i % 10));
      expect(sent.features).toBe(2);
      // Validation image k is training-file image split.validation[k].
      const v = split.validation[7];
      expect([sent.validation.pixels[14], sent.validation.pixels[15], sent.validation.labels[7]]).toEqual([v % 256, Math.floor(v / 256), v % 10]);
      expect(sent.validation.labels).toHaveLength(5000);
      expect(sent.testLabels).toEqual(Uint8Array.of(1, 2, 3));
      expect(w.transferred[0]).toEqual([sent.trainImages, sent.trainLabels, sent.validation.pixels, sent.validation.labels, sent.testLabels].map((a) => a.buffer));
      expect(JSON.stringify(Object.keys(sent))).not.toContain('files');
    }
    expect((workers[0].sent[0] as StartMessage).validation.pixels.buffer).not.toBe((workers[1].sent[0] as StartMessage).validation.pixels.buffer);
    // The bytes go back in the worker's own buffer, whose start they fill.
    const into = new Uint8Array(6).fill(99);
    workers[1].reply({ type: 'examples', run: 0, id: 5, set: 'train', images: Uint32Array.of(300, 2), into });
    const answer = workers[1].sent.at(-1) as ToWorker;
    expect(answer).toEqual({ type: 'examples', id: 5, pixels: Uint8Array.of(44, 1, 2, 0, 99, 99) });
    expect((answer as { pixels: Uint8Array }).pixels).toBe(into);
    expect(workers[1].transferred.at(-1)).toEqual([into.buffer]);
    // Test images come from the test file, through the same reply.
    workers[1].reply({ type: 'examples', run: 1, id: 6, set: 'test', images: Uint32Array.of(2, 0), into });
    expect(workers[1].sent.at(-1)).toEqual({ type: 'examples', id: 6, pixels: Uint8Array.of(5, 4, 9, 8, 99, 99) });
    expect(workers[0].sent).toHaveLength(1);
  });

  it('trains every run on one worker on one core, routes each message to its run, and releases the worker after the last run ends', () => {
    vi.useFakeTimers();
    const { training, workers } = setup(1);
    training.start(optionsOf(defaultForm()), files);
    const [sgd, adam] = training.runs;
    expect(workers).toHaveLength(1);
    expect(training.workers).toBe(1);
    expect((workers[0].sent[0] as StartMessage).runs.map((r) => r.optimizer)).toEqual(['sgd', 'adam']);
    expect(sgd.status).toBe('running');
    expect(adam.status).toBe('running');

    workers[0].reply({ type: 'ready', run: 0, backend: 'ts', stepsPerEpoch: 4, totalSteps: 8, trainExamples: 500, initialValLoss: 2.31 });
    workers[0].reply({ type: 'ready', run: 1, backend: 'ts', stepsPerEpoch: 4, totalSteps: 8, trainExamples: 500, initialValLoss: 2.4 });
    workers[0].reply({ type: 'progress', run: 0, from: 0, losses: new Float32Array([2.3, 2.2, 2.1]), newEpochs: [], iteration: 3, seconds: 0.5, lr: 0.2, target: null });
    workers[0].reply({ type: 'progress', run: 1, from: 0, losses: new Float32Array([1.5]), newEpochs: [], iteration: 1, seconds: 0.1, lr: 0.003, target: null });
    workers[0].reply({ type: 'progress', run: 0, from: 3, losses: new Float32Array([Infinity]), newEpochs: [], iteration: 4, seconds: 0.6, lr: 0.2, target: null });
    // Progress reaches the runs every PUBLISH_MS, every run's at once.
    vi.advanceTimersByTime(PUBLISH_MS - 1);
    expect(sgd.iteration).toBe(0);
    expect(adam.iteration).toBe(0);
    vi.advanceTimersByTime(1);
    flushSync();
    expect(Array.from(sgd.losses)).toEqual([Math.fround(2.3), Math.fround(2.2), Math.fround(2.1), Infinity]);
    expect(sgd.iteration).toBe(4);
    expect(Array.from(adam.losses)).toEqual([Math.fround(1.5)]);
    expect(adam.iteration).toBe(1);
    expect(training.trainExamples).toBe(500);

    expect(sgd.initialValLoss).toBe(2.31);
    expect(adam.initialValLoss).toBe(2.4);
    expect(sgd.divergedText).toBe('');
    workers[0].reply(done('diverged', 0));
    expect(sgd.status).toBe('diverged');
    expect(sgd.divergence).toEqual(DIVERGENCE);
    expect(sgd.divergedText).toBe('diverged at epoch 1');
    expect(sgd.divergedWhy).toBe('training loss Infinity at update 4');
    expect(sgd.testAccuracy).toBeNull();
    // Adam carries on in the same worker.
    expect(workers[0].terminated).toBe(false);
    expect(adam.status).toBe('running');
    workers[0].reply(done('finished', 1));
    expect(adam.status).toBe('done');
    expect(adam.result?.trainAccuracy).toBe(0.91);
    expect(workers[0].terminated).toBe(true);
    expect(training.active).toBe(false);
  });

  it('keeps every published loss in a buffer that doubles when full, shown as a new view on each publication', () => {
    vi.useFakeTimers();
    const { training, workers } = setup(1);
    training.start(optionsOf(defaultForm()), files);
    const [sgd] = training.runs;
    const progress = (from: number, count: number): FromWorker => ({
      type: 'progress', run: 0, from, losses: Float32Array.from({ length: count }, (_, k) => from + k), newEpochs: [], iteration: from + count, seconds: 0, lr: 0.2, target: null,
    });
    workers[0].reply(progress(0, 3));
    workers[0].reply(progress(3, 2));
    vi.advanceTimersByTime(PUBLISH_MS);
    // 3, then 5 > 3: the buffer grows to max(5, 2 · 3) = 6.
    expect(Array.from(sgd.losses)).toEqual([0, 1, 2, 3, 4]);
    expect(sgd.losses.buffer.byteLength).toBe(6 * 4);
    const shown = sgd.losses;
    workers[0].reply(progress(5, 1));
    vi.advanceTimersByTime(PUBLISH_MS);
    // It fits: the same buffer, not copied, but a new view, so what reads the losses recomputes.
    expect(sgd.losses).not.toBe(shown);
    expect(sgd.losses.buffer).toBe(shown.buffer);
    expect(Array.from(sgd.losses)).toEqual([0, 1, 2, 3, 4, 5]);
    workers[0].reply(progress(6, 1));
    vi.advanceTimersByTime(PUBLISH_MS);
    expect(sgd.losses.buffer.byteLength).toBe(12 * 4);
    expect(Array.from(sgd.losses)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('marks every unfinished run of a crashed worker failed, and leaves the other worker\'s runs alone', () => {
    const { training, workers } = setup(2);
    const form = defaultForm();
    form.entrants = 'sgd,momentum,adam';
    training.start(optionsOf(form), files);
    const [sgd, momentum, adam] = training.runs;
    workers[0].reply(done('finished', 0));
    workers[0].crash('out of memory');
    expect(sgd.status).toBe('done');
    expect(momentum.status).toBe('failed');
    expect(momentum.error).toBe('out of memory');
    expect(adam.status).toBe('running');
  });

  it('pauses, resumes and stops each worker once, for all of its runs', () => {
    const { training, workers } = setup(1);
    training.start(optionsOf(defaultForm()), files);
    const [sgd, adam] = training.runs;
    training.pause();
    expect(workers[0].sent.slice(1)).toEqual([{ type: 'pause' }]);
    expect([sgd.status, adam.status]).toEqual(['pausing', 'pausing']);
    workers[0].reply({ type: 'progress', run: 0, from: 0, losses: new Float32Array(0), newEpochs: [], iteration: 7, seconds: 0.1, lr: 0.2, target: null });
    expect(sgd.status).toBe('pausing');
    expect(sgd.iteration).toBe(0);
    workers[0].reply({ type: 'checkpoint', run: 0, iteration: 7, params: new Float32Array(3) });
    expect(sgd.iteration).toBe(0); // a checkpoint publishes nothing
    expect(sgd.checkpoints.iterations).toEqual([7]);
    // Any other message publishes the waiting progress first: a run shows paused with its last update.
    workers[0].reply({ type: 'paused', run: 0 });
    expect(sgd.iteration).toBe(7);
    expect([sgd.status, adam.status]).toEqual(['paused', 'pausing']);
    workers[0].reply({ type: 'paused', run: 1 });
    expect(adam.status).toBe('paused');
    training.resume();
    expect(workers[0].sent.slice(1)).toEqual([{ type: 'pause' }, { type: 'resume' }]);
    expect([sgd.status, adam.status]).toEqual(['running', 'running']);
    training.stop();
    expect(workers[0].sent.at(-1)).toEqual({ type: 'stop' });
    workers[0].reply(done('stopped', 0));
    expect(sgd.status).toBe('stopped');
    expect(adam.status).toBe('running');
    workers[0].reply(done('stopped', 1));
    expect(adam.status).toBe('stopped');
    expect(workers).toHaveLength(1);
    expect(workers[0].terminated).toBe(true);
  });
});

/**
 * The app's sweep runner against worker doubles: one worker per core with the entrants dealt in turn
 * (entrant i to worker i mod cores), progress summed over the workers, the runs put back in entrant order
 * and cached by job (a second show starts no worker), Cancel terminating the workers (and staying
 * cancelled until rerun), a failure reported; and without Web Workers, the same runs on the main thread,
 * one entrant per message, each message in a macrotask of its own, cancellable between them.
 */
import { describe, expect, it } from 'vitest';
import { runSweepJob, type SweepJob } from '../../src/lab/sweep-runs.ts';
import type { SweepReply, SweepStart } from '../../src/lab/browser/sweep-protocol.ts';
import { SweepRunner } from '../../src/ui/lab/sweep-runner.svelte.ts';
import { decodeView } from '../../src/view/link.ts';
import { sweepJobForView } from '../../src/view/sweep.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';
import { TestWorker } from '../ui-mnist/test-worker.ts';
import { mainThreadWorker } from '../../src/lab/browser/main-thread-worker.ts';
import { answerSweep } from '../../src/lab/browser/sweep-answer.ts';

const view = decodeView('s=bowl&opt=sgd,adadelta,adam', VOCABULARY).view;
const job: SweepJob = sweepJobForView(view, { from: 0.01, to: 1, points: 3, param: null });

function setup(cores: number) {
  const workers: TestWorker<SweepReply>[] = [];
  const runner = new SweepRunner(() => {
    const w = new TestWorker<SweepReply>();
    workers.push(w);
    return w;
  }, () => cores, false);
  /** The worker's own answer to what it was sent: runSweepJob of its share. */
  const answer = (w: TestWorker<SweepReply>) => w.reply({ type: 'result', runs: runSweepJob((w.sent[0] as SweepStart).job) });
  return { runner, workers, answer };
}

describe('SweepRunner', () => {
  it('deals the entrants to one worker per core and joins their runs in entrant order', () => {
    const { runner, workers, answer } = setup(2);
    runner.show(job);
    expect(workers).toHaveLength(2);
    expect(workers.map((w) => (w.sent[0] as SweepStart).job.entrants.map((e) => e.label))).toEqual([['sgd', 'adam'], ['adadelta']]);
    expect(runner.status).toEqual({ kind: 'running', done: 0, total: 9 });
    workers[0].reply({ type: 'progress', done: 4 });
    workers[1].reply({ type: 'progress', done: 2 });
    expect(runner.status).toEqual({ kind: 'running', done: 6, total: 9 });
    answer(workers[1]);
    expect(runner.status.kind).toBe('running');
    answer(workers[0]);
    expect(runner.status).toEqual({ kind: 'done', runs: runSweepJob(job) });
    expect(workers.every((w) => w.terminated)).toBe(true);
    expect(runner.cached(job)).toEqual(runSweepJob(job));
    runner.show({ ...job, steps: 100 });
    expect(workers).toHaveLength(4);
    runner.show(job);
    expect(workers).toHaveLength(4);
    expect(runner.status.kind).toBe('done');
  });

  it('cancels: the workers are terminated and the runs done so far are said', () => {
    const { runner, workers } = setup(2);
    runner.show(job);
    workers[0].reply({ type: 'progress', done: 3 });
    runner.cancel();
    expect(runner.status).toEqual({ kind: 'cancelled', done: 3, total: 9 });
    expect(workers.every((w) => w.terminated)).toBe(true);
    expect(runner.cached(job)).toBeUndefined();
    // Showing the cancelled job again leaves it cancelled; only rerun starts it.
    runner.show(job);
    expect([workers.length, runner.status.kind]).toEqual([2, 'cancelled']);
    runner.rerun(job);
    expect(workers).toHaveLength(4);
    expect(runner.status).toEqual({ kind: 'running', done: 0, total: 9 });
  });

  it('reports a failed worker and stops the others', () => {
    const { runner, workers } = setup(3);
    runner.show(job);
    workers[1].reply({ type: 'failed', message: 'out of memory' });
    expect(runner.status).toEqual({ kind: 'failed', message: 'out of memory' });
    expect(workers.every((w) => w.terminated)).toBe(true);
  });
});

describe('SweepRunner on the main thread (no Web Workers)', () => {
  function mainThread() {
    const sent: string[][] = [];
    const runner = new SweepRunner(
      () =>
        mainThreadWorker((message, post) => {
          sent.push((message as SweepStart).job.entrants.map((e) => e.label));
          answerSweep(message as SweepStart, post);
        }),
      () => 2,
      true,
    );
    return { runner, sent };
  }
  const settled = (runner: SweepRunner) =>
    new Promise<void>((resolve) => {
      const poll = () => (runner.status.kind === 'running' ? setTimeout(poll, 5) : resolve());
      poll();
    });

  it('runs one entrant per message, after the caller returns, and gives the workers\' runs', async () => {
    const { runner, sent } = mainThread();
    runner.show(job);
    // Nothing runs within show(): the page gets to paint the progress bar first.
    expect([sent.length, runner.status]).toEqual([0, { kind: 'running', done: 0, total: 9 }]);
    await settled(runner);
    expect(sent).toEqual([['sgd'], ['adadelta'], ['adam']]);
    expect(runner.status).toEqual({ kind: 'done', runs: runSweepJob(job) });
  });

  it('stops between entrants on Cancel', async () => {
    const { runner, sent } = mainThread();
    runner.show(job);
    await new Promise((r) => setTimeout(r));
    runner.cancel();
    const after = sent.length;
    expect(after).toBeLessThan(3);
    expect(runner.status.kind).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 30));
    expect([sent.length, runner.status.kind]).toEqual([after, 'cancelled']);
  });
});

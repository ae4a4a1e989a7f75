import { describe, expect, it } from 'vitest';
import { startOneShot } from '../../src/mnist/browser/one-shot.ts';
import { LatestTask } from '../../src/mnist/browser/latest-task.ts';
import { TestWorker } from './test-worker.ts';

type Reply = { type: 'done'; value: number } | { type: 'cancelled' } | { type: 'failed'; message: string };

/** A task on a test worker that, like the landscape worker, is stopped by a cancel message. */
function starter(workers: TestWorker<Reply>[]) {
  return () => {
    const worker = new TestWorker<Reply>();
    workers.push(worker);
    return startOneShot<Reply>({ create: () => worker, start: { type: 'start' }, name: 'the test worker', stop: { type: 'cancel' } });
  };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('LatestTask', () => {
  it('settles with the reply of a task that ran to its end', async () => {
    const workers: TestWorker<Reply>[] = [];
    const latest = new LatestTask<Reply>();
    const outcome = latest.run(starter(workers));
    await tick();
    expect(latest.running).toBe(true);
    workers[0].reply({ type: 'done', value: 4 });
    await expect(outcome).resolves.toEqual({ reply: { type: 'done', value: 4 } });
    expect(latest.running).toBe(false);
  });

  it("a cancelled task's late result is not its outcome, even when its worker finished before reading the cancel", async () => {
    const workers: TestWorker<Reply>[] = [];
    const latest = new LatestTask<Reply>();
    const outcome = latest.run(starter(workers));
    await tick();
    latest.cancel();
    expect(workers[0].sent.at(-1)).toEqual({ type: 'cancel' });
    workers[0].reply({ type: 'done', value: 4 });
    await expect(outcome).resolves.toBeNull();
  });

  it('a new run waits for the cancelled worker to end before it begins', async () => {
    const workers: TestWorker<Reply>[] = [];
    const latest = new LatestTask<Reply>();
    const first = latest.run(starter(workers));
    await tick();
    const second = latest.run(starter(workers));
    await tick();
    expect(workers).toHaveLength(1);
    workers[0].reply({ type: 'cancelled' });
    await expect(first).resolves.toBeNull();
    await tick();
    expect(workers).toHaveLength(2);
    workers[1].reply({ type: 'failed', message: 'no memory' });
    const outcome = await second;
    expect(outcome && 'error' in outcome ? outcome.error.message : '').toBe('no memory');
  });

  it('a run still waiting gives up when a cancel (a new race) or a newer run comes: only the latest begins', async () => {
    const workers: TestWorker<Reply>[] = [];
    const latest = new LatestTask<Reply>();
    void latest.run(starter(workers));
    await tick();
    let begun = 0;
    const waiting = latest.run(() => {
      begun++;
      return null;
    });
    latest.cancel();
    workers[0].reply({ type: 'cancelled' });
    await expect(waiting).resolves.toBeNull();
    expect(begun).toBe(0);
    const a = latest.run(starter(workers));
    const b = latest.run(starter(workers));
    await expect(a).resolves.toBeNull();
    await tick();
    expect(workers).toHaveLength(2);
    workers[1].reply({ type: 'done', value: 1 });
    await expect(b).resolves.toEqual({ reply: { type: 'done', value: 1 } });
  });
});

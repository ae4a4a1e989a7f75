import { describe, expect, it } from 'vitest';
import { startOneShot } from '../../src/mnist/browser/one-shot.ts';
import { TestWorker } from './test-worker.ts';

type Reply = { type: 'progress'; done: number } | { type: 'done'; value: number } | { type: 'failed'; message: string };

function setup() {
  const worker = new TestWorker<Reply>();
  const progress: number[] = [];
  const buffer = new ArrayBuffer(8);
  const task = startOneShot<Reply>({
    create: () => worker,
    start: { type: 'start', bytes: new Uint8Array(buffer) },
    transfer: [buffer],
    progress: (m) => progress.push(m.done),
    name: 'the test worker',
  });
  return { worker, progress, buffer, task };
}

/** Whether a promise has settled by the time pending microtasks have run. */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  p.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((r) => setTimeout(r, 0));
  return done;
}

describe('startOneShot', () => {
  it('posts the start message with its transfer list, passes progress on, resolves with the final message and terminates', async () => {
    const { worker, progress, buffer, task } = setup();
    expect(worker.sent).toHaveLength(1);
    expect(worker.sent[0]).toMatchObject({ type: 'start' });
    expect(worker.transferred[0]).toEqual([buffer]);
    worker.reply({ type: 'progress', done: 1 });
    worker.reply({ type: 'progress', done: 2 });
    expect(progress).toEqual([1, 2]);
    expect(worker.terminated).toBe(false);
    expect(await settled(task.result)).toBe(false);
    worker.reply({ type: 'done', value: 42 });
    expect(worker.terminated).toBe(true);
    await expect(task.result).resolves.toEqual({ type: 'done', value: 42 });
    // Nothing after the final message, and cancel() afterwards is harmless.
    worker.reply({ type: 'progress', done: 3 });
    task.cancel();
    expect(progress).toEqual([1, 2]);
  });

  it("rejects with the worker's own message on a failed reply, and terminates", async () => {
    const { worker, task } = setup();
    worker.reply({ type: 'failed', message: 'the network is too large' });
    expect(worker.terminated).toBe(true);
    await expect(task.result).rejects.toThrow('the network is too large');
  });

  it('rejects with a message naming the worker when it errors or never loads', async () => {
    const a = setup();
    a.worker.crash('Uncaught RangeError: out of memory');
    expect(a.worker.terminated).toBe(true);
    await expect(a.task.result).rejects.toThrow('the test worker failed: Uncaught RangeError: out of memory');
    a.worker.reply({ type: 'done', value: 1 }); // ignored after the error

    const b = setup();
    b.worker.crash('');
    await expect(b.task.result).rejects.toThrow('the test worker failed to run (its script did not load, or it crashed)');
  });

  it('rejects when the worker cannot be created or the start message cannot be posted', async () => {
    const refused = startOneShot<Reply>({
      create: () => {
        throw new Error('refused by the content security policy');
      },
      start: {},
      name: 'the test worker',
    });
    await expect(refused.result).rejects.toThrow('the test worker could not start: refused by the content security policy');

    const worker = new TestWorker<Reply>();
    worker.postMessage = () => {
      throw new Error('could not be cloned');
    };
    const unposted = startOneShot<Reply>({ create: () => worker, start: {}, name: 'the test worker' });
    await expect(unposted.result).rejects.toThrow('could not be cloned');
    expect(worker.terminated).toBe(true);
  });

  it('cancel terminates the worker; no later message is delivered and the result never settles', async () => {
    const { worker, progress, task } = setup();
    worker.reply({ type: 'progress', done: 1 });
    task.cancel();
    expect(worker.terminated).toBe(true);
    // A message already queued when terminate() ran must not reach the caller.
    worker.reply({ type: 'progress', done: 2 });
    worker.reply({ type: 'done', value: 7 });
    worker.crash('late');
    expect(progress).toEqual([1]);
    expect(await settled(task.result)).toBe(false);
  });

  describe('with a stop message (a worker holding lent buffers)', () => {
    type Lending = Reply | { type: 'cancelled'; back: number } | { type: 'failed'; message: string; back?: number };
    function lending() {
      const worker = new TestWorker<Lending>();
      const returned: Lending[] = [];
      const task = startOneShot<Lending>({ create: () => worker, start: { type: 'start' }, name: 'the test worker', stop: { type: 'cancel' }, returned: (r) => returned.push(r) });
      return { worker, returned, task };
    }

    it('cancel posts the stop message instead of terminating, and the task ends with the reply to it', async () => {
      const { worker, returned, task } = lending();
      task.cancel();
      expect(worker.sent).toEqual([{ type: 'start' }, { type: 'cancel' }]);
      expect(worker.terminated).toBe(false);
      worker.reply({ type: 'cancelled', back: 3 });
      expect(worker.terminated).toBe(true);
      expect(returned).toEqual([{ type: 'cancelled', back: 3 }]);
      await expect(task.result).resolves.toEqual({ type: 'cancelled', back: 3 });
    });

    it('a worker that finished before it read the stop ends the task with its result, and hands the buffers back (callers must ignore it)', async () => {
      const { worker, returned, task } = lending();
      task.cancel();
      worker.reply({ type: 'done', value: 9 });
      expect(returned).toEqual([{ type: 'done', value: 9 }]);
      await expect(task.result).resolves.toEqual({ type: 'done', value: 9 });
      expect(worker.terminated).toBe(true);
    });

    it('every final reply reaches `returned`, a failure too, and progress does not', async () => {
      const done = lending();
      done.worker.reply({ type: 'progress', done: 1 });
      done.worker.reply({ type: 'done', value: 5 });
      expect(done.returned).toEqual([{ type: 'done', value: 5 }]);
      const failed = lending();
      failed.worker.reply({ type: 'failed', message: 'no memory', back: 2 });
      expect(failed.returned).toEqual([{ type: 'failed', message: 'no memory', back: 2 }]);
      await expect(failed.task.result).rejects.toThrow('no memory');
    });

    it('a reply that `returned` refuses rejects the result', async () => {
      const worker = new TestWorker<Lending>();
      const task = startOneShot<Lending>({
        create: () => worker,
        start: {},
        name: 'the test worker',
        returned: () => {
          throw new Error('the worker returned checkpoints that do not match');
        },
      });
      worker.reply({ type: 'done', value: 1 });
      await expect(task.result).rejects.toThrow('do not match');
    });
  });
});

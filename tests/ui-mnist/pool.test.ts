import { describe, expect, it } from 'vitest';
import { createPool, type PoolTask } from '../../src/mnist/browser/pool.ts';
import { TestWorker } from './test-worker.ts';

function setup(max: number) {
  const workers: TestWorker[] = [];
  const pool = createPool(max, () => {
    const w = new TestWorker();
    workers.push(w);
    return w;
  });
  const log: string[] = [];
  const task = (name: string): PoolTask => ({
    start: (w) => w.postMessage({ start: name }),
    message: (data) => {
      log.push(`${name}:${String(data)}`);
      return data === 'done';
    },
    failed: (m) => log.push(`${name} failed: ${m}`),
    cancelled: () => log.push(`${name} cancelled`),
  });
  return { pool, workers, log, task };
}

describe('createPool', () => {
  it('runs at most maxConcurrent tasks and starts the next when one finishes', () => {
    const { pool, workers, log, task } = setup(2);
    pool.submit(task('a'));
    pool.submit(task('b'));
    const c = pool.submit(task('c'));
    expect(workers).toHaveLength(2);
    expect(pool.running).toBe(2);
    expect(pool.queued).toBe(1);
    expect(c.state).toBe('queued');
    expect(c.send('pause')).toBe(false);

    workers[0].reply('progress');
    expect(workers).toHaveLength(2); // a non-final message keeps the slot
    workers[0].reply('done');
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(3);
    expect(workers[2].sent).toEqual([{ start: 'c' }]);
    expect(c.state).toBe('running');
    expect(c.send('pause')).toBe(true);
    expect(workers[2].sent.at(-1)).toBe('pause');
    expect(log).toEqual(['a:progress', 'a:done']);
  });

  it('cancels a queued task without starting it, and frees a slot when a running one is cancelled', () => {
    const { pool, workers, log, task } = setup(1);
    const a = pool.submit(task('a'));
    const b = pool.submit(task('b'));
    b.cancel();
    expect(log).toEqual(['b cancelled']);
    const c = pool.submit(task('c'));
    a.cancel();
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(workers[1].sent).toEqual([{ start: 'c' }]);
    workers[0].reply('late'); // messages from a released worker are ignored
    expect(log).toEqual(['b cancelled']);
    expect(c.state).toBe('running');
  });

  it('reports a crashed worker and moves on', () => {
    const { pool, workers, log, task } = setup(1);
    pool.submit(task('a'));
    pool.submit(task('b'));
    workers[0].crash('boom');
    expect(log).toEqual(['a failed: boom']);
    expect(workers).toHaveLength(2);
  });

  it('dispose terminates running workers and cancels the queue', () => {
    const { pool, workers, log, task } = setup(1);
    pool.submit(task('a'));
    pool.submit(task('b'));
    pool.dispose();
    expect(workers[0].terminated).toBe(true);
    expect(log).toEqual(['b cancelled']);
    expect(pool.running + pool.queued).toBe(0);
  });

  it('rejects a non-positive concurrency', () => {
    expect(() => createPool(0, () => new TestWorker())).toThrow('maxConcurrent must be a positive integer, got 0');
  });
});

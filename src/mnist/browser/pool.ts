/**
 * Runs tasks on Web Workers, one fresh worker per task and at most `maxConcurrent` at once (the MNIST tab
 * passes its MAX_TRAIN_WORKERS); the rest wait in submission order. A task says when its
 * worker's final message has arrived; then the worker is terminated and the next task starts.
 * The pool knows nothing of the message protocol: tasks post their own start/pause/stop messages.
 */
export interface PoolWorker {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface PoolTask {
  /** A slot is free: post the start message to this worker. */
  start(worker: PoolWorker): void;
  /** A message from the task's worker; return true if it is the last one (the worker is then released). */
  message(data: unknown): boolean;
  /** The worker failed (script error, crash); the worker is released. */
  failed(message: string): void;
  /** Removed from the queue before it ever started. */
  cancelled(): void;
}

export interface TaskHandle {
  /** Post to the task's worker (moving `transfer`); false if the task is not running (queued or finished). */
  send(message: unknown, transfer?: Transferable[]): boolean;
  /** Queued: drop it (cancelled() is called). Running: terminate its worker at once (failed() is not called). */
  cancel(): void;
  readonly state: 'queued' | 'running' | 'finished';
}

export interface Pool {
  submit(task: PoolTask): TaskHandle;
  /** Terminates every worker and empties the queue (tab closed). */
  dispose(): void;
  readonly running: number;
  readonly queued: number;
}

export function createPool(maxConcurrent: number, createWorker: () => PoolWorker): Pool {
  if (!(Number.isInteger(maxConcurrent) && maxConcurrent >= 1)) throw new Error(`maxConcurrent must be a positive integer, got ${maxConcurrent}`);
  interface Entry {
    task: PoolTask;
    worker: PoolWorker | null;
    state: 'queued' | 'running' | 'finished';
  }
  const queue: Entry[] = [];
  const active = new Set<Entry>();

  const release = (entry: Entry) => {
    entry.worker?.terminate();
    entry.worker = null;
    entry.state = 'finished';
    active.delete(entry);
    pump();
  };

  const launch = (entry: Entry) => {
    entry.state = 'running';
    active.add(entry);
    try {
      const worker = createWorker();
      entry.worker = worker;
      worker.onmessage = (event) => {
        if (entry.worker !== worker) return;
        let last = true;
        try {
          last = entry.task.message(event.data);
        } finally {
          if (last) release(entry);
        }
      };
      worker.onerror = (event) => {
        if (entry.worker !== worker) return;
        event.preventDefault?.();
        release(entry);
        entry.task.failed(event.message || 'the worker failed to run');
      };
      entry.task.start(worker);
    } catch (err) {
      release(entry);
      entry.task.failed((err as Error).message);
    }
  };

  function pump() {
    while (active.size < maxConcurrent && queue.length > 0) launch(queue.shift()!);
  }

  return {
    submit(task) {
      const entry: Entry = { task, worker: null, state: 'queued' };
      queue.push(entry);
      pump();
      return {
        send(message, transfer = []) {
          if (entry.state !== 'running' || !entry.worker) return false;
          entry.worker.postMessage(message, transfer);
          return true;
        },
        cancel() {
          if (entry.state === 'queued') {
            queue.splice(queue.indexOf(entry), 1);
            entry.state = 'finished';
            task.cancelled();
          } else if (entry.state === 'running') {
            release(entry);
          }
        },
        get state() {
          return entry.state;
        },
      };
    },
    dispose() {
      for (const entry of queue.splice(0)) {
        entry.state = 'finished';
        entry.task.cancelled();
      }
      for (const entry of [...active]) {
        entry.worker?.terminate();
        entry.worker = null;
        entry.state = 'finished';
        active.delete(entry);
      }
    },
    get running() {
      return active.size;
    },
    get queued() {
      return queue.length;
    },
  };
}

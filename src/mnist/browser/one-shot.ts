/**
 * A one-shot Web Worker task, the shape of the MNIST tab's panel workers (gradient check, LR finder, loss
 * landscape; protocol.ts): start a fresh worker, post it one start message (its typed arrays transferred),
 * pass on its progress messages ({ type: 'progress' }), and end on its one final message — terminating the
 * worker either way:
 *   a { type: 'failed', message } reply, a worker error (script error, crash, a script that never loaded),
 *   a worker that cannot be created or a start message that cannot be posted  → `result` rejects (an Error
 *                                                                                whose message says why);
 *   any other reply                                                            → `result` resolves with it.
 * cancel() terminates the worker at once: no message is delivered after it and `result` never settles
 * (whoever cancelled already knows). A task given a `stop` message cancels by posting it instead, and ends
 * as above with the worker's final reply to it: a worker that holds buffers lent with its start message
 * (the landscape worker, the race's checkpoints) hands them back in every final reply, which `returned`
 * receives before `result` settles, a failure's included. The worker is a PoolWorker (pool.ts), so a real
 * Worker, a test double or the lab's main-thread stand-in (src/lab/browser/main-thread-worker.ts) all serve.
 */
import type { PoolWorker } from './pool.ts';

type Reply = { readonly type: string };
type Progress<R> = Extract<R, { readonly type: 'progress' }>;
/** The reply a task resolves with: neither progress nor failure. */
export type FinalReply<R> = Exclude<R, { readonly type: 'progress' } | { readonly type: 'failed' }>;

export interface OneShotOptions<R extends Reply> {
  /** Creates the worker (may throw: no Worker here, a content security policy refuses it). */
  readonly create: () => PoolWorker;
  readonly start: unknown;
  /** Buffers handed to the worker with the start message (the sender must not use them afterwards). */
  readonly transfer?: Transferable[];
  readonly progress?: (reply: Progress<R>) => void;
  /** Names the worker in error messages, e.g. 'the landscape worker'. */
  readonly name: string;
  /** Posted by cancel() instead of terminating: the worker then ends with a final reply of its own. */
  readonly stop?: unknown;
  /** Every final reply (not progress), failures included, before `result` settles. */
  readonly returned?: (reply: Exclude<R, { readonly type: 'progress' }>) => void;
}

export interface OneShotTask<R extends Reply> {
  readonly result: Promise<FinalReply<R>>;
  /** Terminates the worker unless the task has already ended; nothing is delivered afterwards. With a `stop` message, posts it instead. */
  cancel(): void;
}

export function startOneShot<R extends Reply>(options: OneShotOptions<R>): OneShotTask<R> {
  let worker: PoolWorker | null = null;
  const end = () => {
    const w = worker;
    worker = null;
    if (w) {
      w.onmessage = null;
      w.onerror = null;
      w.terminate();
    }
  };
  const result = new Promise<FinalReply<R>>((resolve, reject) => {
    try {
      const w = options.create();
      worker = w;
      w.onmessage = (event: MessageEvent) => {
        if (worker !== w) return;
        const reply = event.data as R;
        if (reply.type === 'progress') return options.progress?.(reply as Progress<R>);
        end();
        try {
          options.returned?.(reply as Exclude<R, { readonly type: 'progress' }>);
        } catch (err) {
          return reject(err as Error);
        }
        if (reply.type === 'failed') reject(new Error((reply as { message?: string }).message || `${options.name} failed`));
        else resolve(reply as FinalReply<R>);
      };
      w.onerror = (event: ErrorEvent) => {
        if (worker !== w) return;
        event.preventDefault?.();
        end();
        // A script that fails to load gives a plain Event, without a message.
        reject(new Error(event.message ? `${options.name} failed: ${event.message}` : `${options.name} failed to run (its script did not load, or it crashed)`));
      };
      w.postMessage(options.start, options.transfer ?? []);
    } catch (err) {
      end();
      reject(new Error(`${options.name} could not start: ${(err as Error).message}`));
    }
  });
  const cancel = () => {
    if (options.stop === undefined || worker === null) return end();
    try {
      worker.postMessage(options.stop);
    } catch {
      end();
    }
  };
  return { result, cancel };
}

/**
 * Runs the app's sweeps on Web Workers (src/lab/browser/sweep-worker.ts) through the shared pool
 * (src/mnist/browser/pool.ts): one worker per core (navigator.hardwareConcurrency), the entrants dealt to
 * them in turn (a worker's start-up, loading and compiling the expression, costs more than a small
 * sweep, so fewer, fuller workers finish sooner than one per entrant), so the page never waits on a
 * sweep; progress counts finished runs over all workers, and cancel terminates them. Finished sweeps are cached by their job (src/lab/sweep-runs.ts: everything a
 * sweep depends on, so the same race and grid never runs twice, and going Back to a `lab=sweep` link shows
 * its sweep at once); the cache keeps the last CACHE_SIZE sweeps. One runner lives as long as the
 * Surfaces tab, so switching to the race and back keeps the sweep. Where Web Workers are unavailable the
 * same code runs on this thread (main-thread-worker.ts), one entrant per message, so the page paints and
 * takes a Cancel between entrants.
 */
import { createPool, type Pool, type PoolWorker, type TaskHandle } from '../../mnist/browser/pool.ts';
import type { SweepReply, SweepStart } from '../../lab/browser/sweep-protocol.ts';
import { answerSweep } from '../../lab/browser/sweep-answer.ts';
import { workerOrMainThread, workersAvailable } from '../../lab/browser/main-thread-worker.ts';
import { sweepJobSize, type SweepJob, type SweepRun } from '../../lab/sweep-runs.ts';

const CACHE_SIZE = 16;

export type SweepStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly done: number; readonly total: number }
  | { readonly kind: 'done'; readonly runs: readonly SweepRun[] }
  | { readonly kind: 'cancelled'; readonly done: number; readonly total: number }
  | { readonly kind: 'failed'; readonly message: string };

const createSweepWorker = (): PoolWorker =>
  workerOrMainThread(
    () => new Worker(new URL('../../lab/browser/sweep-worker.ts', import.meta.url), { type: 'module' }),
    (message, post) => answerSweep(message as SweepStart, post),
  );

export const jobKey = (job: SweepJob): string => JSON.stringify(job);

export class SweepRunner {
  status = $state.raw<SweepStatus>({ kind: 'idle' });
  /** The job the status is about. */
  #key: string | null = null;
  #cache = new Map<string, readonly SweepRun[]>();
  #pool: Pool | null = null;
  #handles: TaskHandle[] = [];

  constructor(
    private readonly createWorker: () => PoolWorker = createSweepWorker,
    private readonly cores: () => number = () => navigator.hardwareConcurrency || 1,
    /** No Web Workers: the sweep runs on this thread, one entrant per message. */
    readonly onMainThread: boolean = !workersAvailable(),
  ) {}

  /** The finished sweep of this job, if there is one. */
  cached(job: SweepJob): readonly SweepRun[] | undefined {
    return this.#cache.get(jobKey(job));
  }

  /**
   * Shows this job's sweep: from the cache, else started. The job already shown is left as it is, running,
   * done, cancelled or failed alike (only rerun starts it again), so callers may call this freely.
   */
  show(job: SweepJob): void {
    const key = jobKey(job);
    if (key === this.#key) return;
    this.#stop();
    this.#key = key;
    const hit = this.#cache.get(key);
    if (hit) {
      this.status = { kind: 'done', runs: hit };
      return;
    }
    this.#start(key, job);
  }

  /** Starts this job again, whatever happened to it before (after a cancel or a failure). */
  rerun(job: SweepJob): void {
    this.#key = null;
    this.show(job);
  }

  cancel(): void {
    const s = this.status;
    this.#stop();
    if (s.kind === 'running') this.status = { kind: 'cancelled', done: s.done, total: s.total };
  }

  dispose(): void {
    this.#stop();
  }

  #start(key: string, job: SweepJob): void {
    const total = sweepJobSize(job);
    const workers = Math.max(1, Math.min(this.cores(), job.entrants.length));
    const tasks = this.onMainThread ? job.entrants.length : workers;
    // Task w sweeps entrants w, w + tasks, w + 2·tasks, …
    const shares = Array.from({ length: tasks }, (_, w) => job.entrants.map((_, i) => i).filter((i) => i % tasks === w));
    const done = shares.map(() => 0);
    const runs: (SweepRun | null)[] = job.entrants.map(() => null);
    this.status = { kind: 'running', done: 0, total };
    // On the main thread one message at a time: the next is queued behind the page's own tasks (paint, input).
    this.#pool = createPool(this.onMainThread ? 1 : workers, this.createWorker);
    const pool = this.#pool;
    const failed = (message: string) => {
      if (this.#pool !== pool) return;
      this.#stop();
      this.status = { kind: 'failed', message };
    };
    this.#handles = shares.map((share, w) =>
      pool.submit({
        start: (worker) => worker.postMessage({ job: { ...job, entrants: share.map((i) => job.entrants[i]) } }),
        message: (data) => {
          if (this.#pool !== pool) return true;
          const reply = data as SweepReply;
          if (reply.type === 'progress') {
            done[w] = reply.done;
            this.status = { kind: 'running', done: done.reduce((a, b) => a + b, 0), total };
            return false;
          }
          if (reply.type === 'failed') {
            failed(reply.message);
            return true;
          }
          share.forEach((i, j) => (runs[i] = reply.runs[j]));
          if (runs.every((r) => r !== null)) {
            const all = runs as SweepRun[];
            this.#remember(key, all);
            this.#stop();
            this.status = { kind: 'done', runs: all };
          }
          return true;
        },
        failed,
        cancelled: () => {},
      }),
    );
  }

  #remember(key: string, runs: readonly SweepRun[]): void {
    this.#cache.delete(key);
    this.#cache.set(key, runs);
    if (this.#cache.size > CACHE_SIZE) this.#cache.delete(this.#cache.keys().next().value!);
  }

  #stop(): void {
    const pool = this.#pool;
    this.#pool = null;
    for (const h of this.#handles) h.cancel();
    this.#handles = [];
    pool?.dispose();
  }
}

/**
 * One one-shot task at a time, the latest asked for (the Landscape panel's computations, whose worker
 * borrows the race's checkpoints: landscape/lend.ts). run(begin) cancels the running task, waits until its
 * worker has ended (it hands back what it borrowed as it ends, one-shot.ts `stop`), and only then calls
 * begin(), and only if no cancel() or newer run() came while it waited: a begin() never sees a loan still
 * out. The outcome of a task that was cancelled or superseded is `null`, whatever its worker's last reply
 * was (it may finish before it reads the cancel), so a cancelled computation never reaches the screen.
 */
import type { FinalReply, OneShotTask } from './one-shot.ts';

type Reply = { readonly type: string };

export type Outcome<R extends Reply> = { readonly reply: FinalReply<R> } | { readonly error: Error } | null;

export class LatestTask<R extends Reply> {
  private task: OneShotTask<R> | null = null;
  /** Settles once the last task's worker has ended. */
  private ended: Promise<unknown> = Promise.resolve();
  /** Counts run() and cancel() calls: a run goes on only while it is the latest. */
  private calls = 0;

  /** Whether `task` is the one running now (e.g. to drop a cancelled task's late progress). */
  isCurrent(task: OneShotTask<R>): boolean {
    return this.task === task;
  }

  get running(): boolean {
    return this.task !== null;
  }

  /** Asks the running task to stop (its worker still ends in its own time); a run() waiting to begin gives up. */
  cancel(): void {
    this.calls++;
    this.task?.cancel();
    this.task = null;
  }

  /**
   * Starts the task begin() returns (null: nothing to start) once the previous one has ended, and settles
   * with its reply or error; null when it never began, or was cancelled or superseded.
   */
  async run(begin: () => OneShotTask<R> | null): Promise<Outcome<R>> {
    this.cancel();
    const call = this.calls;
    await this.ended;
    if (call !== this.calls) return null;
    const task = begin();
    if (!task) return null;
    this.task = task;
    this.ended = task.result.catch(() => undefined);
    let outcome: Outcome<R>;
    try {
      outcome = { reply: await task.result };
    } catch (err) {
      outcome = { error: err as Error };
    }
    if (this.task !== task) return null;
    this.task = null;
    return outcome;
  }
}

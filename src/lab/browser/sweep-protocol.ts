/**
 * Messages between the app and a sweep worker (sweep-worker.ts): the app posts one job (src/lab/
 * sweep-runs.ts; each worker gets its share of the entrants), the worker answers with progress after every
 * run, then the sweep, or why it failed.
 */
import type { SweepJob, SweepRun } from '../sweep-runs.ts';

export interface SweepStart {
  readonly job: SweepJob;
}

export type SweepReply =
  | { readonly type: 'progress'; readonly done: number }
  | { readonly type: 'result'; readonly runs: SweepRun[] }
  | { readonly type: 'failed'; readonly message: string };

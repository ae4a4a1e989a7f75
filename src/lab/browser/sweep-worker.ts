/**
 * Web Worker entry of the app's sweep (issue 10): answers its one job with sweep-answer.ts, reporting
 * every finished run, so the page stays responsive and shows progress; the app cancels by terminating
 * the worker.
 */
/// <reference lib="webworker" />
import { answerSweep } from './sweep-answer.ts';
import type { SweepReply, SweepStart } from './sweep-protocol.ts';

const post = (message: SweepReply) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

self.onmessage = (event: MessageEvent<SweepStart>) => answerSweep(event.data, post);

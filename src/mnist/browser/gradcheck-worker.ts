/**
 * Web Worker entry of the MNIST tab's gradient check (gradcheck-answer.ts): about two seconds of float64
 * passes on the default network, off the page's thread, so the page stays responsive. One start, one answer.
 */
/// <reference lib="webworker" />
import { answerGradCheck } from './gradcheck-answer.ts';
import type { GradCheckReply, GradCheckStartMessage } from './protocol.ts';

const post = (message: GradCheckReply) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

self.onmessage = (event: MessageEvent<GradCheckStartMessage>) => answerGradCheck(event.data, post);

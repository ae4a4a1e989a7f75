/**
 * Web Worker entry of the start-point map: one request, one reply (map-protocol.ts), computed by
 * map-part.ts, the reply's buffers moved rather than copied.
 */
/// <reference lib="webworker" />
import { answerMap, replyBuffers } from './map-part.ts';
import type { MapRequest } from './map-protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<MapRequest>) => {
  const reply = answerMap(event.data);
  scope.postMessage(reply, replyBuffers(reply));
};

/**
 * What a map worker does with one request (map-protocol.ts): a part of the view's map by src/lab/map.ts
 * (mapRuns with `part`), or the basins of its joined runs (src/view/view-map.ts), or the reason it could
 * not. Kept apart from the worker entry so tests run the very same code in-process.
 */
import { mapRuns } from '../map.ts';
import { mapSpecOf } from '../../view/lab-race.ts';
import { viewBasins } from '../../view/view-map.ts';
import type { MapReply, MapRequest } from './map-protocol.ts';

export function answerMap(request: MapRequest): MapReply {
  try {
    if (request.kind === 'basins') return { type: 'basins', basins: viewBasins(request.view, request.runs) };
    const { view, res, from, to } = request;
    return { type: 'part', runs: mapRuns(mapSpecOf(view, res), { from, to }) };
  } catch (err) {
    return { type: 'failed', message: (err as Error).message };
  }
}

/** The reply's buffers, to transfer rather than copy. */
export function replyBuffers(reply: MapReply): ArrayBuffer[] {
  if (reply.type === 'part') return reply.runs.flatMap((b) => [b.hit, b.settled, b.divergedAt, b.end, b.endLoss].map((a) => a.buffer as ArrayBuffer));
  if (reply.type === 'basins') return reply.basins.basin.map((b) => b.buffer as ArrayBuffer);
  return [];
}

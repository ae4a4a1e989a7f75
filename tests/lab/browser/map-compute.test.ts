/**
 * The app's map computation (src/lab/browser/map-compute.ts) on the real pool (src/mnist/browser/pool.ts)
 * with in-process workers that run the worker's own code (map-part.ts answerMap) on a structured clone of
 * each request, as postMessage delivers it: the coarse stage equals mapRuns at the coarse res, the full
 * stage equals one call over every start (joinBatches of the parts), progress reaches the total, cancel
 * stops every event, the main-thread fallback's small parts give the same map; and the map cache's key
 * (map-key.ts).
 */
import { describe, expect, it } from 'vitest';
import { computeMap, mapStages, splitStarts } from '../../../src/lab/browser/map-compute.ts';
import { mapKey } from '../../../src/lab/browser/map-key.ts';
import { answerMap } from '../../../src/lab/browser/map-part.ts';
import { mainThreadWorker } from '../../../src/lab/browser/main-thread-worker.ts';
import { mainThreadParts } from '../../../src/ui/lab/map-computation.svelte.ts';
import type { MapRequest } from '../../../src/lab/browser/map-protocol.ts';
import { mapRuns } from '../../../src/lab/map.ts';
import { createPool, type PoolWorker } from '../../../src/mnist/browser/pool.ts';
import { mapSpecOf } from '../../../src/view/lab-race.ts';
import { decodeView } from '../../../src/view/link.ts';
import { VOCABULARY } from '../../../src/view/vocabulary.ts';
import { viewMap, type ViewMap } from '../../../src/view/view-map.ts';

const viewOf = (hash: string) => decodeView(hash, VOCABULARY).view;

/** The main-thread fallback (main-thread-worker.ts) answering with the worker's own code, on a structured clone of each request as postMessage delivers it. */
function inProcessWorker(log: MapRequest[]): PoolWorker {
  return mainThreadWorker((message, post) => {
    const request = structuredClone(message) as MapRequest;
    log.push(request);
    post(answerMap(request));
  });
}

function run(hash: string, res: number, parts: number | ((stageRes: number) => number)) {
  const view = viewOf(hash);
  const log: MapRequest[] = [];
  const pool = createPool(2, () => inProcessWorker(log));
  const stages: { map: ViewMap; final: boolean }[] = [];
  const progress: [number, number][] = [];
  return new Promise<{ stages: typeof stages; progress: typeof progress; log: MapRequest[] }>((resolve, reject) => {
    computeMap(view, res, pool, typeof parts === 'number' ? () => parts : parts, {
      progress: (d, t) => progress.push([d, t]),
      stage: (map, final) => {
        stages.push({ map, final });
        if (final) resolve({ stages, progress, log });
      },
      failed: reject,
    });
  });
}

describe('map computation in workers', () => {
  it('splits starts evenly and runs a coarse 32×32 stage first only above 32', () => {
    expect(splitStarts(10, 3)).toEqual([{ from: 0, to: 3 }, { from: 3, to: 7 }, { from: 7, to: 10 }]);
    expect(splitStarts(2, 5)).toEqual([{ from: 0, to: 1 }, { from: 1, to: 2 }]);
    expect([mapStages(16), mapStages(32), mapStages(128)]).toEqual([[16], [32], [32, 128]]);
  });

  it('gives the coarse map of mapRuns at 32, then the full map of one call, bit for bit', async () => {
    const hash = 's=himmelblau&opt=sgd,nag,adam&steps=60&noise=0.5&seed=7&lab=map:res=40';
    const view = viewOf(hash);
    const { stages, progress, log } = await run(hash, 40, 3);
    expect(stages.map((s) => [s.map.res, s.final])).toEqual([[32, false], [40, true]]);
    expect(stages[0].map.runs).toEqual(mapRuns(mapSpecOf(view, 32)));
    const whole = viewMap(view, 40);
    expect(stages[1].map.runs).toEqual(whole.runs);
    expect(stages[1].map.basins).toEqual(whole.basins);
    // Three parts per stage, then one basins request each.
    expect(log.map((r) => (r.kind === 'part' ? `${r.res}:${r.from}-${r.to}` : 'basins'))).toEqual([
      '32:0-341', '32:341-683', '32:683-1024', 'basins', '40:0-533', '40:533-1067', '40:1067-1600', 'basins',
    ]);
    const total = (32 * 32 + 40 * 40) * 3 * 60;
    expect(progress.at(-1)).toEqual([total, total]);
    expect(progress.map(([d]) => d)).toEqual([...progress.map(([d]) => d)].sort((a, b) => a - b));
  });

  it('on the main thread (no Web Workers), in parts of about 200,000 point-steps, gives the same map', async () => {
    const hash = 's=himmelblau&opt=sgd,adam&steps=100&lab=map:res=48:colour=basins';
    const view = viewOf(hash);
    // 32² × 2 × 100 = 204,800 point-steps: 2 parts; 48²: 3; Rosenbrock's seven entrants × 3,000 steps at 256²: 6,882.
    expect([mainThreadParts(32, view), mainThreadParts(48, view), mainThreadParts(256, viewOf('s=rosenbrock'))]).toEqual([2, 3, 6882]);
    const { stages, log } = await run(hash, 48, (r) => mainThreadParts(r, view));
    expect(log.filter((r) => r.kind === 'part').map((r) => `${r.res}:${r.from}-${r.to}`)).toEqual(['32:0-512', '32:512-1024', '48:0-768', '48:768-1536', '48:1536-2304']);
    const whole = viewMap(view, 48);
    expect(stages.at(-1)!.map.runs).toEqual(whole.runs);
    expect(stages.at(-1)!.map.basins).toEqual(whole.basins);
  });

  it('stops every event after cancel', async () => {
    const view = viewOf('s=bowl&opt=sgd&steps=30&lab=map:res=64');
    const events: string[] = [];
    const pool = createPool(2, () => inProcessWorker([]));
    const job = computeMap(view, 64, pool, () => 4, {
      progress: () => events.push('progress'),
      stage: () => events.push('stage'),
      failed: () => events.push('failed'),
    });
    job.cancel();
    await new Promise((r) => setTimeout(r, 50));
    expect(events).toEqual([]);
    expect(pool.running + pool.queued).toBe(0);
  });

  it('reports a failing worker', async () => {
    const view = viewOf('s=bowl&opt=sgd&lab=map:res=8');
    const broken = (): PoolWorker => {
      const w: PoolWorker = { onmessage: null, onerror: null, postMessage: () => setTimeout(() => w.onerror?.({ message: 'out of memory' } as ErrorEvent)), terminate() {} };
      return w;
    };
    const message = await new Promise<string>((resolve) => computeMap(view, 8, createPool(1, broken), () => 2, { progress() {}, stage() {}, failed: resolve }));
    expect(message).toBe('out of memory');
  });
});

describe('map cache key', () => {
  it('ignores what does not change the runs, and not what does', () => {
    const base = mapKey(viewOf('s=himmelblau&lab=map'), 128);
    for (const same of ['s=himmelblau&lab=map:colour=basins&k=3&insp=1&plot=3d&start=1,1&layout=grid', 's=himmelblau&lab=map']) expect(mapKey(viewOf(same), 128)).toBe(base);
    expect(mapKey(viewOf('s=himmelblau&lab=map'), 64)).not.toBe(base);
    for (const other of ['s=himmelblau&steps=50&lab=map', 's=himmelblau&opt=sgd&lab=map', 's=himmelblau&dom=-4,4,-4,4&lab=map', 's=himmelblau&noise=0.1&lab=map']) {
      expect(mapKey(viewOf(other), 128)).not.toBe(base);
    }
  });
});

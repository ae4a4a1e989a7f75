/**
 * The map view's computation state: requests a view's map (src/lab/browser/map-compute.ts: a coarse map
 * at once, then the full res, on min(hardwareConcurrency, 4) Web Workers, or where there are none on this
 * thread in parts of a few milliseconds, main-thread-worker.ts), shows the latest stage, and
 * keeps the last few full maps by view (map-key.ts), so going back to a map seen before, or opening its
 * link again in this tab, shows it without running it again. A request for the map already shown (or
 * being computed) does nothing; a new one cancels the one running.
 */
import { computeMap, COARSE_RES, type MapJob } from '../../lab/browser/map-compute.ts';
import { mapKey } from '../../lab/browser/map-key.ts';
import { answerMap } from '../../lab/browser/map-part.ts';
import type { MapRequest } from '../../lab/browser/map-protocol.ts';
import { workerOrMainThread, workersAvailable } from '../../lab/browser/main-thread-worker.ts';
import { createPool, type Pool } from '../../mnist/browser/pool.ts';
import type { ViewState } from '../../view/state.ts';
import type { ViewMap } from '../../view/view-map.ts';

const CACHED = 4;
/** Parts per worker of a full-res stage: more, smaller parts make the progress bar move more often. */
const PARTS_PER_WORKER = 4;
/** Point-steps per part on the main thread (no Web Workers): a few milliseconds each, so the page stays responsive. */
const MAIN_THREAD_PART = 200_000;

/** Parts of a stage on the main thread: each about MAIN_THREAD_PART point-steps. */
export function mainThreadParts(stageRes: number, view: Pick<ViewState, 'entrants' | 'steps'>): number {
  return Math.max(1, Math.ceil((stageRes * stageRes * view.entrants.length * view.steps) / MAIN_THREAD_PART));
}

const cache = new Map<string, ViewMap>();

/** The view's full map if this tab has computed it (the export panel's map figure and data). */
export function computedMap(view: ViewState): ViewMap | null {
  return view.lab?.kind === 'map' ? (cache.get(mapKey(view, view.lab.res)) ?? null) : null;
}

export class MapComputation {
  /** The map shown: the coarse stage while the full one runs. */
  map = $state.raw<ViewMap | null>(null);
  /** Share of the work done while running (0 … 1), null at rest. */
  progress = $state<number | null>(null);
  /** The full map was cancelled: `map` is the coarse one. */
  stopped = $state(false);
  error = $state<string | null>(null);

  readonly workers = Math.max(1, Math.min(typeof navigator === 'undefined' ? 1 : navigator.hardwareConcurrency || 1, 4));
  /** No Web Workers here: the map is computed on this thread in small parts (main-thread-worker.ts). */
  readonly onMainThread = !workersAvailable();
  #key = '';
  #job: MapJob | null = null;
  #pool: Pool | null = null;

  request(view: ViewState, res: number): void {
    const key = mapKey(view, res);
    if (key === this.#key) return;
    this.#key = key;
    this.#stop();
    this.error = null;
    this.stopped = false;
    const cached = cache.get(key);
    if (cached) {
      cache.delete(key);
      cache.set(key, cached);
      this.map = cached;
      return;
    }
    this.map = null;
    this.progress = 0;
    // On the main thread one part at a time: the next is queued behind the page's own tasks (paint, input).
    this.#pool ??= createPool(this.onMainThread ? 1 : this.workers, () =>
      workerOrMainThread(
        () => new Worker(new URL('../../lab/browser/map-worker.ts', import.meta.url), { type: 'module' }),
        (message, post) => post(answerMap(message as MapRequest)),
      ),
    );
    const parts = (stageRes: number) =>
      this.onMainThread ? mainThreadParts(stageRes, view) : stageRes <= COARSE_RES ? this.workers : PARTS_PER_WORKER * this.workers;
    this.#job = computeMap(view, res, this.#pool, parts, {
      progress: (done, total) => (this.progress = done / total),
      stage: (map, final) => {
        this.map = map;
        if (!final) return;
        this.progress = null;
        this.#job = null;
        cache.set(key, map);
        if (cache.size > CACHED) cache.delete(cache.keys().next().value!);
      },
      failed: (message) => {
        this.error = message;
        this.progress = null;
        this.#job = null;
      },
    });
  }

  /** Stops the running computation, keeping the coarse map if there is one. */
  cancel(): void {
    if (!this.#job) return;
    this.#stop();
    this.stopped = true;
  }

  /** Runs the view's map again after a cancel or a failure. */
  retry(view: ViewState, res: number): void {
    this.#key = '';
    this.request(view, res);
  }

  dispose(): void {
    this.#stop();
    this.#pool?.dispose();
    this.#pool = null;
  }

  #stop(): void {
    this.#job?.cancel();
    this.#job = null;
    this.progress = null;
  }
}

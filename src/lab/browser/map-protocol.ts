/**
 * The start-point map's Web Worker messages (map-worker.ts). The main thread posts one request, the worker
 * answers once: `part` runs the starts [from, to) of the view's res × res map and answers with that part's
 * batches; `basins` finds the basins of the joined map's end points (the clustering needs every end at
 * once). Typed arrays in replies are transferred, not copied.
 */
import type { BasinRun, Basins } from '../basins.ts';
import type { BatchResult } from '../../run/batch.ts';
import type { ViewState } from '../../view/state.ts';

export type MapRequest =
  | { readonly kind: 'part'; readonly view: ViewState; readonly res: number; readonly from: number; readonly to: number }
  | { readonly kind: 'basins'; readonly view: ViewState; readonly runs: readonly BasinRun[] };

export type MapReply =
  | { readonly type: 'part'; readonly runs: BatchResult[] }
  | { readonly type: 'basins'; readonly basins: Basins }
  | { readonly type: 'failed'; readonly message: string };

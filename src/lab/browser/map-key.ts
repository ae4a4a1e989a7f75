/**
 * Which computed map a view can reuse: its link without what does not change the runs (the playback
 * position k, the inspected entrant, the plot kind, the 3-D camera, the race's own start, the layout and
 * the map's colouring, since both colourings come from the same runs), with the map's res.
 */
import { encodeView } from '../../view/link.ts';
import type { ViewState } from '../../view/state.ts';
import { VOCABULARY } from '../../view/vocabulary.ts';

const IGNORED = ['k', 'insp', 'plot', 'cam', 'start', 'layout', 'lab'];

export function mapKey(view: ViewState, res: number): string {
  const params = new URLSearchParams(encodeView(view, VOCABULARY));
  for (const key of IGNORED) params.delete(key);
  params.set('res', String(res));
  return params.toString();
}

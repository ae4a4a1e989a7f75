/**
 * The domain a zoom or pan gesture shows before it commits, shared by every panel that draws the same
 * sampled grid: small multiples share the view's domain, so a gesture over one panel previews in all of
 * them. Keyed by the grid object (one per committed domain and surface), so a new grid starts unzoomed and
 * an old one is garbage-collected with its preview.
 */
import type { Domain, Grid } from '../../math/grid.ts';

class Preview {
  domain = $state.raw<Domain | null>(null);
}

const previews = new WeakMap<Grid, Preview>();

export function previewOf(grid: Grid): Preview {
  let p = previews.get(grid);
  if (!p) {
    p = new Preview();
    previews.set(grid, p);
  }
  return p;
}

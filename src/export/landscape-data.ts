/**
 * A computed loss landscape as the JSON of issue 13, for `cli landscape --json` and the Landscape panel's
 * data export: {"config", "directions", "explained", "axes": {"alpha", "beta"}, "loss" (row-major, β the
 * row), "center": {"loss"}, "runs": [{"entrant", "optimizer", "path": [[α, β, lossOnPlane,
 * lossAtCheckpoint], …]}], "line": [{"entrant", "alpha", "loss"}]}. Non-finite losses are written as null.
 */
import type { LandscapeData } from './landscape-figure.ts';

export interface LandscapeJsonData extends LandscapeData {
  readonly center: { readonly loss: number };
  readonly runs: readonly (LandscapeData['runs'][number] & { readonly entrant: string; readonly optimizer: string })[];
  readonly line: readonly { readonly entrant: string; readonly alpha: readonly number[]; readonly loss: ArrayLike<number> }[];
}

const finiteOrNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

export function landscapeJson(r: LandscapeJsonData, config: object) {
  return {
    config,
    directions: r.directions,
    explained: r.explained,
    axes: r.axes,
    loss: Array.from(r.loss, finiteOrNull),
    center: { loss: finiteOrNull(r.center.loss) },
    runs: r.runs.map((run) => ({ entrant: run.entrant, optimizer: run.optimizer, path: run.path.map((p) => p.map(finiteOrNull)) })),
    line: r.line.map((l) => ({ entrant: l.entrant, alpha: l.alpha, loss: Array.from(l.loss, finiteOrNull) })),
  };
}

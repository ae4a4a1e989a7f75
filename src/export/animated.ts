/**
 * Draw-in animation for the animated SVG export: CSS keyframes only (no script, no SMIL), looping.
 *
 * Each trajectory is revealed through a mask: a wide white copy of its path whose stroke-dasharray is
 * "L L" (L = its drawn length in px) and whose stroke-dashoffset runs from L to 0. The visible path keeps
 * its own dash pattern. Time follows iterations, not arc length, so the race stays fair: during the first
 * DRAW_FRACTION of each loop, iteration m is reached at time DRAW_FRACTION·m/k for every optimizer (k = the
 * last iteration shown), then the finished race holds until the loop restarts. A run's end marker appears
 * when its path has finished drawing.
 * Without animation (prefers-reduced-motion: reduce, or a renderer without CSS animation) the static
 * styles already are the finished figure: dashoffset 0, end markers visible.
 */
export const DRAW_FRACTION = 0.8;
/** Keyframe stops over the drawing phase; between stops the offset moves linearly. */
export const STOPS = 40;

export interface DrawTrack {
  /** Drawn path length in px from the start through iteration m (clamped to what was recorded). */
  lengthAt(m: number): number;
  /** Last iteration this track draws. */
  readonly last: number;
}

const r1 = (v: number): string => String(Math.round(v * 10) / 10);
const pct = (v: number): string => `${Math.round(v * 1000) / 10}%`;

/** Class every animated element carries besides its own, so reduced motion can stop them all. */
export const ANIMATED = 'opf-anim';
export const maskClass = (i: number): string => `opf-m${i}`;
export const endClass = (i: number): string => `opf-e${i}`;

/** Length every mask path's dash pattern uses: one dash covering the whole path, rounded up. */
export const dashLength = (track: DrawTrack): number => Math.ceil(track.lengthAt(track.last)) + 1;

export function animationCss(tracks: readonly DrawTrack[], k: number, durationS: number): string {
  const span = Math.max(1, k);
  let css = '';
  tracks.forEach((track, i) => {
    const total = dashLength(track);
    const frames: string[] = [`0%{stroke-dashoffset:${total}}`];
    for (let s = 1; s < STOPS; s++) {
      const m = (span * s) / STOPS;
      frames.push(`${pct((DRAW_FRACTION * s) / STOPS)}{stroke-dashoffset:${r1(total - interpolated(track, m))}}`);
    }
    frames.push(`${pct(DRAW_FRACTION)},100%{stroke-dashoffset:0}`);
    css += `@keyframes ${maskClass(i)}{${frames.join('')}}`;
    css += `.${maskClass(i)}{stroke-dasharray:${total} ${total};animation:${maskClass(i)} ${durationS}s linear infinite}`;
    const appear = pct((DRAW_FRACTION * Math.min(track.last, span)) / span);
    css += `@keyframes ${endClass(i)}{0%{opacity:0}${appear},100%{opacity:1}}`;
    css += `.${endClass(i)}{animation:${endClass(i)} ${durationS}s step-end infinite}`;
  });
  css += `@media (prefers-reduced-motion:reduce){.${ANIMATED}{animation:none}}`;
  return css;
}

/** Length at a fractional iteration m, between the lengths at its two neighbouring iterations. */
function interpolated(track: DrawTrack, m: number): number {
  const lo = Math.floor(m);
  const a = track.lengthAt(Math.min(lo, track.last));
  const b = track.lengthAt(Math.min(lo + 1, track.last));
  return a + (b - a) * (m - lo);
}

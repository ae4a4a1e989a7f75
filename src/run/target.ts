/**
 * The one test of "within the target", used by the run (hit, settled), the scoreboard's wording and the
 * loss chart alike. Targets apply to the gap f − f*, where f* is the surface's minimum value (known for a
 * registry surface, estimated for a typed function; src/view/fstar.ts): a loss is within the target when
 * f − f* ≤ target. No target (null) is a target no loss meets, and neither does a NaN loss.
 */
export function withinTarget(loss: number, fStar: number, target: number | null): boolean {
  return target !== null && loss - fStar <= target;
}

/**
 * An absolute threshold "f ≤ absolute" as a gap target over f*, rounded to 12 significant digits so that
 * −0.9 over f* = −1 is 0.1 and not 0.09999999999999998 (a difference of 1e-12 relative changes no run that
 * is not already on the boundary). Registry targets written as thresholds on f and links made before
 * targets were gaps are converted with it.
 */
export function gapTarget(absolute: number, fStar: number): number {
  return Number((absolute - fStar).toPrecision(12));
}

/**
 * The one test of "within the target", used by the run (hit, settled), the scoreboard's wording and the
 * loss chart alike: a loss is within the target when f ≤ target. No target (null) is a target no loss
 * meets, and neither does a NaN loss. Issue 9 moves targets from f to the gap f − f*; that changes this
 * function and its callers' arguments, nothing else.
 */
export function withinTarget(loss: number, target: number | null): boolean {
  return target !== null && loss <= target;
}

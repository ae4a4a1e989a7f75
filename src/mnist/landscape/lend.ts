/**
 * Lends a race's checkpoints to the landscape worker without copying them: their buffers go with the start
 * message (transferred), which leaves each lent Float32Array empty (detached) in the tab until the worker
 * hands the arrays back with its final reply (protocol.ts LandscapeReply) and giveBack puts them where they
 * were. A race's checkpoints are up to 32 MiB (checkpoints.ts); a structured clone of them doubled that in
 * the tab's process while the landscape was computed (README, "Memory"). Checkpoints recorded while the
 * loan lasts (a paused race resumed) are appended after the lent ones, so positions 0…n−1 are still theirs
 * when they return.
 */
import type { Checkpoints } from './checkpoints.ts';

export interface Loan {
  /** What the worker gets: each run's iterations and the lent arrays (empty in the tab once posted). */
  readonly lent: readonly Checkpoints[];
  /** Every lent buffer once: the start message's transfer list. */
  readonly transfer: ArrayBuffer[];
  /** Puts the returned arrays back, per run in the order lent; refuses a reply that does not match the loan. */
  giveBack(returned: readonly (readonly Float32Array[])[]): void;
}

/** Every buffer under these runs' arrays once: the transfer list that moves them, either way. */
export const checkpointBuffers = (params: readonly (readonly Float32Array[])[]): ArrayBuffer[] =>
  [...new Set(params.flatMap((ps) => ps.map((p) => p.buffer as ArrayBuffer)))];

export function lendCheckpoints(owners: readonly Checkpoints[]): Loan {
  const lent = owners.map((c) => ({ iterations: [...c.iterations], params: [...c.params] }));
  const transfer = checkpointBuffers(lent.map((c) => c.params));
  // Read before the transfer empties them.
  const lengths = lent.map((c) => c.params.map((p) => p.length));
  return {
    lent,
    transfer,
    giveBack(returned) {
      const fits = returned.length === lengths.length && lengths.every((run, r) => returned[r].length === run.length && run.every((n, i) => returned[r][i].length === n));
      if (!fits) throw new Error('the landscape worker returned checkpoints that do not match the ones it was lent');
      owners.forEach((c, r) => returned[r].forEach((p, i) => (c.params[i] = p)));
    },
  };
}

/** Whether every checkpoint of these runs is in the tab (none lent, none lost with a worker that crashed). */
export const checkpointsHere = (owners: readonly Checkpoints[]): boolean => owners.every((c) => c.params.every((p) => p.length > 0));

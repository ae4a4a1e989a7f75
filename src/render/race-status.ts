/**
 * What the scoreboard says about one recorded run at playback iteration k: the one source of that wording
 * for the app's scoreboard and its summary line, the exported figure's legend, the embed page and the
 * CLI's table. Pure, so they and the tests agree. A run's arrays hold the start at index 0 and the point
 * after k updates at index k; a diverged run stops early, so k is clamped to what was recorded.
 *
 * "Iterations to target" is the run's `settled` (src/run/run.ts): the first iteration from which its loss
 * stays within the target (withinTarget, src/run/target.ts: the gap f − f* at or below it) to the end of the budget. `hit` is its first
 * touch. At iteration k a run is
 *   diverged     once k ≥ divergedAt: "diverged at 19" ("touched at 5, diverged at 19" if it had touched);
 *   no-target    when no target is set (and it has not diverged by k): "—";
 *   settled      when k ≥ settled, i.e. its loss at k and at every later iteration is within the target:
 *                "40", or "40 (touched at 32)" where the first touch came earlier. Only this is green;
 *   touched      when hit ≤ k but it is not settled by k: "touched at 32, then left it" when its loss at k
 *                is above the target, "touched at 32, won't stay" when it is within it now but leaves it later
 *                (not the bare "left": read as a direction or a remainder; and no longer than "won't stay",
 *                so the scoreboard's row keeps one line at 1280 px, and in a 700 px embed, as playback passes);
 *   not-reached  otherwise (k < hit, or no touch at all): "not reached".
 * The summary names the first run(s) to settle and counts only the runs settled by k ("settled within the
 * target": within it at k and staying there); the rows say which runs touched the target and left. Its
 * sentence is longest at the last iteration (src/export/embed-size.ts sizes the embed by that): the names
 * are fixed once any run has settled, "has" is shorter than "have", and the counts only grow.
 *
 * Over several noise seeds a run is its entrant's median one (src/run/race.ts), so the wording above is
 * the median's; seedSpread says how the seeds spread, at the end of the budget: "5 seeds: 62–130",
 * "5 seeds: 62–130, 2 not settled", "5 seeds: none settled", or with no target the final losses' range.
 */
import { withinTarget } from '../run/target.ts';

export interface RecordedRun {
  readonly xs: ArrayLike<number>;
  readonly ys: ArrayLike<number>;
  readonly losses: ArrayLike<number>;
  readonly hit: number | null;
  readonly settled: number | null;
  readonly diverged: boolean;
  readonly divergedAt: number | null;
  /** The f* the run's target gap is measured from (run.ts). */
  readonly fStar: number;
}

export type Outcome =
  | { kind: 'settled'; at: number; hit: number }
  | { kind: 'touched'; hit: number; left: boolean }
  | { kind: 'diverged'; at: number; hit: number | null }
  | { kind: 'no-target' }
  | { kind: 'not-reached' };

export function outcomeAt(run: RecordedRun, k: number, target: number | null): Outcome {
  const end = run.divergedAt ?? run.losses.length - 1;
  if (run.diverged && end <= k) return { kind: 'diverged', at: end, hit: run.hit };
  if (target === null) return { kind: 'no-target' };
  // settled ≥ hit, so a settled run has a hit; `?? run.settled` only satisfies the type.
  if (run.settled !== null && run.settled <= k) return { kind: 'settled', at: run.settled, hit: run.hit ?? run.settled };
  if (run.hit !== null && run.hit <= k) return { kind: 'touched', hit: run.hit, left: !withinTarget(run.losses[shownIndex(run, k)], run.fStar, target) };
  return { kind: 'not-reached' };
}

export function outcomeText(o: Outcome): string {
  switch (o.kind) {
    case 'settled':
      return o.hit < o.at ? `${o.at} (touched at ${o.hit})` : String(o.at);
    case 'touched':
      return `touched at ${o.hit}, ${o.left ? 'then left it' : "won't stay"}`;
    case 'diverged':
      return o.hit === null ? `diverged at ${o.at}` : `touched at ${o.hit}, diverged at ${o.at}`;
    case 'no-target':
      return '—';
    case 'not-reached':
      return 'not reached';
  }
}

/**
 * Every text outcomeText can give this run at some iteration, so a layout can reserve the widest one
 * (the texts of the iterations themselves, not of one k).
 */
export function outcomeTexts(run: RecordedRun, target: number | null): string[] {
  const outcomes: Outcome[] = [];
  if (target === null) outcomes.push({ kind: 'no-target' });
  else {
    outcomes.push({ kind: 'not-reached' });
    if (run.hit !== null && run.hit !== run.settled) outcomes.push({ kind: 'touched', hit: run.hit, left: true }, { kind: 'touched', hit: run.hit, left: false });
    if (run.settled !== null) outcomes.push({ kind: 'settled', at: run.settled, hit: run.hit ?? run.settled });
  }
  if (run.diverged) outcomes.push({ kind: 'diverged', at: run.divergedAt ?? run.losses.length - 1, hit: run.hit });
  return outcomes.map(outcomeText);
}

/**
 * The runs' outcomes at k in one sentence, the newcomer's answer to "so what happened?": the scoreboard's
 * summary, and the embed's whole scoreboard.
 */
export function raceSummary(runs: readonly (RecordedRun & { readonly name: string })[], k: number, target: number | null): string {
  if (runs.length === 0) return 'No optimizer is selected.';
  if (target === null) return 'No loss target is set, so no optimizer can reach one; set a loss target to compare iterations.';
  const settled = runs.flatMap((r) => {
    const o = outcomeAt(r, k, target);
    return o.kind === 'settled' ? [{ name: r.name, at: o.at }] : [];
  });
  if (settled.length === 0) return `By iteration ${k}, no optimizer has settled within the target.`;
  const at = Math.min(...settled.map((s) => s.at));
  const first = settled.filter((s) => s.at === at).map((s) => s.name);
  const its = `${at} iteration${at === 1 ? '' : 's'}`;
  return `${andList(first)} settled within the target first, in ${its}; ${settled.length} of ${runs.length} ${settled.length === 1 ? 'has' : 'have'} settled by iteration ${k}.`;
}

const andList = (names: readonly string[]): string =>
  names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

/** Index of the iterate shown at playback iteration k. */
export function shownIndex(run: RecordedRun, k: number): number {
  return Math.max(0, Math.min(k, run.losses.length - 1, run.xs.length - 1));
}

/** Four significant digits; exponent form outside [1e-3, 1e5); ±∞ and NaN spelled out. */
export function formatNumber(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  const s = a >= 1e-3 && a < 1e5 ? String(Number(v.toPrecision(4))) : v.toExponential(2).replace('e+', 'e');
  return s.replace(/^-/, '−');
}

/** A run's seeds at the end of the budget: their `settled`, their final losses. */
export interface SeedOutcomes {
  readonly seeds: readonly { readonly settled: number | null; readonly losses: ArrayLike<number>; readonly diverged: boolean }[];
}

/** How a median run's seeds spread (see the header); null for a run of one seed. */
export function seedSpread(run: SeedOutcomes, target: number | null): string | null {
  const n = run.seeds.length;
  if (n < 2) return null;
  if (target === null) {
    const finals = run.seeds.map((s) => (s.diverged ? Infinity : s.losses[s.losses.length - 1]));
    const diverged = finals.filter((f) => f === Infinity).length;
    const finite = finals.filter((f) => f !== Infinity);
    const [lo, hi] = [Math.min(...finite), Math.max(...finite)];
    const range = finite.length === 0 ? 'all diverged' : lo === hi ? `final f ${formatNumber(lo)}` : `final f ${formatNumber(lo)} to ${formatNumber(hi)}`;
    return `${n} seeds: ${range}${diverged > 0 && finite.length > 0 ? `, ${diverged} diverged` : ''}`;
  }
  const settled = run.seeds.flatMap((s) => (s.settled === null ? [] : [s.settled]));
  if (settled.length === 0) return `${n} seeds: none settled`;
  const [lo, hi] = [Math.min(...settled), Math.max(...settled)];
  const missed = n - settled.length;
  const range = lo !== hi ? `${lo}–${hi}` : missed === 0 ? `all ${lo}` : String(lo);
  return `${n} seeds: ${missed === 0 ? range : `${range}, ${missed} not settled`}`;
}

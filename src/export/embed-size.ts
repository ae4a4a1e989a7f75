/**
 * The embed snippet's default height for controls=none and controls=playback: what embed.html needs at a
 * given iframe width to show all of its content, so a reader sees the "Open in …" link without scrolling
 * inside the iframe, for the overlaid plot and small multiples alike. A pure function of the view, the
 * race and the width, computed from the page's own layout (Embed.svelte, top to bottom):
 *   - padding, then the figure: its viewBox (embedFigureSize: view-figure.ts's DEFAULT_SIZE for a race or a
 *     sweep, map-figure.ts's MAP_FIGURE_SIZE for a start-point map) drawn at the content's full width, so
 *     its height is exact (small multiples share the viewBox);
 *   - controls=playback: the Playback bar (one row; two when the iteration slider wraps under the
 *     buttons; three when the speed select wraps too, at widths measured in Chromium with DejaVu Sans,
 *     plus a little to spare), then the scoreboard's summary sentence (race-status.ts), wrapped with
 *     text-width.ts's DejaVu Sans widths (wider than the usual UI fonts) where it is longest;
 *   - the credit line, and padding.
 * Every row's height is a CSS line height (font size × 1.4, base.css) plus paddings and borders, so no
 * row's height depends on the reader's font; only the wrapping does, and that is bounded above.
 * Keep the constants in step with Embed.svelte, Playback.svelte and Scoreboard.svelte: e2e/embed.spec.ts
 * loads the snippet at 700 px for every option and both layouts and checks that the content fits, with
 * less than a line to spare. controls=all embeds the whole app, whose height is not a function of the
 * view (surface notes, formulas and forms wrap): EmbedPanel measures that page at the width instead.
 */
import type { EntrantRun } from '../run/race.ts';
import { raceSummary } from '../render/race-status.ts';
import { shownRuns } from '../render/shown-run.ts';
import { wrapText } from '../render/text-width.ts';
import type { ViewState } from '../view/state.ts';
import { DEFAULT_SIZE } from './view-figure.ts';
import { MAP_FIGURE_SIZE } from './map-figure.ts';
import type { Controls } from './embed-options.ts';

/** The snippet's default width: a blog's text column. */
export const EMBED_WIDTH = 700;
/** Widths the embed panel offers: from a phone's up (narrower, a long slider readout wraps). */
export const EMBED_WIDTH_RANGE = { min: 360, max: 4000 } as const;

/**
 * The size of the figure the embed page draws for the view: the map figure at the map export's size (its
 * small multiples and key laid out in that viewBox), every other figure, the sweep's too, at DEFAULT_SIZE.
 */
export function embedFigureSize(view: ViewState): { readonly width: number; readonly height: number } {
  return view.lab?.kind === 'map' ? MAP_FIGURE_SIZE : DEFAULT_SIZE;
}

const REM = 16;
const LINE = 1.4;
/** Embed.svelte: main's padding and the gap between its rows; the credit line at 0.75rem. */
const PAD = 0.5 * REM;
const GAP = 0.6 * REM;
const CREDIT = 0.75 * REM * LINE;
/** Playback.svelte: a button row (0.9rem text, 0.35rem padding, 1 px borders), the slider row, gaps. */
const BUTTON_ROW = 0.9 * REM * LINE + 2 * 0.35 * REM + 2;
const SLIDER_ROW = 0.9 * REM * LINE;
const ROW_GAP = 0.5 * REM;
/** The speed select on a line of its own under Play, Step and Reset (measured 26.3 px), and the gap above it. */
const SPEED_ROW = 28;
const BUTTON_GAP = 0.4 * REM;
/**
 * Content widths from which the bar is one row (measured in DejaVu Sans, the widest of the usual UI
 * fonts: from 688 px, 704 px with a million-step budget) and its buttons one line (from 368 px).
 */
const ONE_ROW_FROM = 720;
const BUTTONS_ONE_LINE_FROM = 384;
/** Scoreboard.svelte's summary: 0.95rem. */
const SUMMARY_FONT = 0.95 * REM;

function playbackHeight(content: number): number {
  if (content >= ONE_ROW_FROM) return BUTTON_ROW;
  const buttons = content >= BUTTONS_ONE_LINE_FROM ? BUTTON_ROW : BUTTON_ROW + BUTTON_GAP + SPEED_ROW;
  return buttons + ROW_GAP + SLIDER_ROW;
}

/**
 * Lines of the summary sentence at its longest: at the last iteration. Scrubbing back only shortens it:
 * once the first run has settled the runs named first are the same and the counts and the iteration have
 * no more digits (and greedy wrapping never takes fewer lines for wider words); before it, the sentence
 * ("By iteration k, no optimizer has settled within the target.") is a third shorter than any that
 * names a run.
 */
export function summaryLines(view: ViewState, runs: readonly EntrantRun[], width: number): number {
  return wrapText(raceSummary(shownRuns(runs), view.steps, view.target), width, { size: SUMMARY_FONT }).length;
}

/** Whole CSS pixels; `runs` is the view's race (raceForView), which only the summary needs. */
export function embedHeight(view: ViewState, controls: Exclude<Controls, 'all'>, width: number, runs: readonly EntrantRun[]): number {
  const content = width - 2 * PAD;
  const size = embedFigureSize(view);
  const figure = (content * size.height) / size.width;
  const playback = controls === 'playback' ? playbackHeight(content) + GAP + summaryLines(view, runs, content) * SUMMARY_FONT * LINE + GAP : 0;
  return Math.ceil(PAD + figure + GAP + playback + CREDIT + PAD);
}

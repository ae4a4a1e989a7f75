/**
 * The surfaces view model: owns the view (one ViewState, mirrored in the link), the link's notices,
 * playback (playhead, playing, speed, highlighted run) and the link's history, and derives the scene
 * (src/render/scene.ts) part by part. SurfacesTab and the embed page only lay it out and draw it.
 *
 * Changes come in two kinds, and components say which:
 *   preview(patch)   a live value on the way to a decision (a valid number while typing, the start while
 *                    dragging, a valid expression while typing): the view and the current history entry's
 *                    link follow it (replaceState), no entry is added.
 *   commit(patch?)   a decision (picking a surface, toggling an optimizer, Enter/blur/slider release in a
 *                    number field, releasing a start drag, ending a zoom gesture, a layout): one new history
 *                    entry (pushState) if the view differs from the one the current entry stands for, so
 *                    Back undoes exactly the last decision and Forward redoes it. The entry the previews
 *                    were written over is restored first, so Back lands on the view before the gesture.
 * A typed f(x, y) is applied whole (applyExpression: a preview after a typing pause, a commit on Enter or
 * leaving the field) as a fresh race (typed-function.ts), with f* estimated; f* is estimated again on
 * "Re-estimate" and when x/y ranges are committed (commitRanges), never on a zoom or pan. `fStarLabel`
 * says where the shown f* came from.
 * The playback position k is not a change of the view: it is written into the current entry (replaceState)
 * when playback rests (pause, end, step, scrub), never per frame. follow() re-reads the link after Back,
 * Forward or an edited address (popstate, hashchange); reading the link the model wrote itself is a no-op.
 *
 * The scene parts are $derived from disjoint view fields (scene-inputs.ts): dragging the start re-runs the
 * race, never the grid; a new domain re-samples the grid, never the race. An expression that does not
 * compile never becomes the view (the codec and the expression field refuse it); if one does anyway, `source`
 * says so (ok: false) and the plot shows that error instead of another surface.
 */
import { sceneBands, sceneField, sceneRace, sceneSource, type Resolution } from '../../render/scene.ts';
import { shownRuns } from '../../render/shown-run.ts';
import { FIELD_KEYS, RACE_KEYS, SOURCE_KEYS, keepEqual, pickInputs } from '../../render/scene-inputs.ts';
import { decodeView, encodeView, type Decoded } from '../../view/link.ts';
import type { ViewState } from '../../view/state.ts';
import { VOCABULARY } from '../../view/vocabulary.ts';
import type { LinkPort } from './link-port.ts';
import { startPlayback } from './playback-loop.ts';
import { defaultSpeed } from './playback-speed.ts';
import type { PlotRun } from './plot-run.ts';
import { expressionDefaults, fitEntrants, pickedView } from './view-edits.ts';
import { estimatedFStar, typedFunctionView } from './typed-function.ts';
import { fStarText, knownFStar, surfaceFStarOrigin } from '../../view/fstar.ts';
import type { ViewDomain } from '../../view/state.ts';
import { viewData } from '../../view/race.ts';
import { ViewInspector, type InspectedEntrant } from '../../view/inspect.ts';

/** The on-screen plot's grid: 128 × 128 samples, computed once per surface and domain. */
export const SCREEN_RESOLUTION: Resolution = { nx: 128, ny: 128 };

export interface SurfacesViewOptions {
  /** Playback restarts from 0 this long after reaching the end (the embed's loop); otherwise it stops. */
  readonly loopPauseMs?: number;
}

/** A derived pick of the view's `keys` that keeps its identity while those fields are identical. */
function inputsOf<K extends keyof ViewState>(view: () => ViewState, keys: readonly K[]): () => Pick<ViewState, K> {
  let last: Pick<ViewState, K> | undefined;
  const picked = $derived((last = pickInputs(view(), keys, last)));
  return () => picked;
}

export class SurfacesView {
  #view: ViewState;
  #notices = $state.raw<readonly string[]>([]);
  /** Playback position in iterations (fractional while playing); `k` is the iteration shown. */
  #playhead = $state(0);
  #playing = $state(false);
  #speedChoice = $state<number | null>(null);
  /** The run whose path is emphasised (a scoreboard row), or none. */
  highlight = $state<string | null>(null);
  /** The playback position the link holds: k while playback rests, the last resting k while it plays. */
  #restK = $state(0);
  /** A typed function's f*: estimated here, or set (typed in, or read from a link with another value). */
  #fStarSet = $state(false);

  /** The view the current history entry stands for (its k aside: that is always the resting k). */
  #entry: ViewState;
  /** The hash last written to, or read from, the link. */
  #written = '';
  #stopLoop: (() => void) | null = null;

  readonly #sourceIn = inputsOf(() => this.#view, SOURCE_KEYS);
  readonly #fieldIn = inputsOf(() => this.#view, FIELD_KEYS);
  readonly #raceIn = inputsOf(() => this.#view, RACE_KEYS);

  /** The compiled surface, or the compiler's error (then there is no field and no race). */
  source = $derived(sceneSource(this.#sourceIn()));
  field = $derived(this.source.ok ? sceneField(this.source.value, this.#fieldIn(), SCREEN_RESOLUTION) : null);
  bands = $derived(this.field ? sceneBands(this.field) : []);
  race = $derived(this.source.ok ? sceneRace(this.source.value, this.#raceIn()) : []);
  runs = $derived.by<PlotRun[]>(() => shownRuns(this.race, this.#view.target));

  k = $derived.by(() => Math.max(0, Math.min(this.#view.steps, Math.floor(this.#playhead))));
  /** Replays for the inspector, kept so stepping and playing forward do not replay from 0 (view/inspect.ts). */
  readonly #inspector = new ViewInspector();
  /** The inspected entrant (view.inspect) at the iteration shown: its replayed state and next update. */
  inspected = $derived.by<InspectedEntrant | null>(() => {
    const i = this.#view.inspect;
    if (i === null || !this.source.ok || i >= this.race.length) return null;
    const { compiled, objective, def } = this.source.value;
    return this.#inspector.inspect({ ...this.#view, expr: compiled.source }, i, this.k, this.race[i], objective, def?.data);
  });
  speed = $derived.by(() => this.#speedChoice ?? defaultSpeed(this.#view.steps));
  /** The view as its link shows it (k at rest): the embed snippet follows this, not every frame. */
  linked = $derived.by(() => this.#at(this.#view, this.#restK));

  constructor(
    private readonly link: LinkPort,
    private readonly options: SurfacesViewOptions = {},
  ) {
    const hash = link.read();
    const decoded = decodeView(hash, VOCABULARY);
    this.#view = $state.raw({ ...decoded.view, k: null });
    this.#entry = this.#load(decoded, hash);
  }

  /** The view on screen (k is null: the playback position is `k`). */
  get view(): ViewState {
    return this.#view;
  }
  get playing(): boolean {
    return this.#playing;
  }
  /** What of the link could not be used, worded for people (link-notice.ts). */
  get notices(): readonly string[] {
    return this.#notices;
  }
  /** The view at this instant, playback position included (what an export click captures). */
  now(): ViewState {
    return this.#at(this.#view, this.k);
  }

  preview(patch: Partial<ViewState>): void {
    this.#change(patch);
    this.#write();
  }

  commit(patch: Partial<ViewState> = {}): void {
    this.#change(patch);
    const hash = this.#hash(this.#view);
    const entry = this.#hash(this.#entry);
    if (hash !== entry) {
      if (this.#written !== entry) this.link.replace(entry);
      this.link.push(hash);
      this.#written = hash;
    } else this.#write();
    this.#entry = this.#view;
  }

  /** Picks a registry surface: its default view, this view's optimizers and layout, playback at the end. */
  pick(id: string): void {
    const next = pickedView(this.#view, id);
    if (!next) return;
    this.#halt();
    this.#view = next;
    this.#playhead = next.steps;
    this.commit();
  }

  /** "Reset to surface defaults": a registry surface is picked again; a typed one keeps its start, budget and target. */
  resetDefaults(): void {
    if (this.#view.surface !== null) this.pick(this.#view.surface);
    else this.commit(expressionDefaults());
  }

  dismissNotices(): void {
    this.#notices = [];
  }

  /** Re-reads the link (Back, Forward, an edited address). */
  follow(): void {
    const hash = this.link.read();
    if (hash === this.#written) return;
    this.#entry = this.#load(decodeView(hash, VOCABULARY), hash);
  }

  play(): void {
    if (this.#playing) return;
    if (this.k >= this.#view.steps) this.#playhead = 0;
    this.#playing = true;
    this.#runLoop();
  }
  pause(): void {
    if (!this.#playing) return;
    this.#halt();
    this.#write();
  }
  togglePlay(): void {
    if (this.#playing) this.pause();
    else this.play();
  }
  /** Moves the playhead (stopping playback): the Iteration slider, Step, Reset, the arrow keys. */
  seek(playhead: number): void {
    this.#halt();
    this.#playhead = Math.max(0, Math.min(this.#view.steps, playhead));
    this.#write();
  }
  stepBy(d: number): void {
    this.seek(this.k + d);
  }
  setSpeed(speed: number): void {
    this.#speedChoice = speed;
    if (this.#playing) this.#runLoop();
  }

  /** Stops playback for good (the component is going away). */
  dispose(): void {
    this.#stopLoop?.();
    this.#stopLoop = null;
  }

  /** "f* ≈ −1.000 (estimated)", "f* = 0 (known)", …: the shown f* and where it came from. */
  get fStarLabel(): string {
    const view = this.#view;
    const def = this.source.ok ? this.source.value.def : null;
    if (def) return fStarText(view.fStar, surfaceFStarOrigin(def, view.fStar));
    return fStarText(view.fStar, this.#fStarSet ? 'set' : 'estimated');
  }

  /**
   * Applies a typed f(x, y) as a fresh race (typed-function.ts): a preview while the person may still be
   * typing (a pause), a commit (one history entry) on Enter or leaving the field. Text already applied is
   * not applied again (so leaving the field after a pause only commits).
   */
  applyExpression(text: string, commit: boolean): void {
    const view = this.#view;
    if (view.surface !== null || view.expr !== text) {
      this.#halt();
      const next = typedFunctionView(view, text);
      this.#fStarSet = false;
      this.#view = { ...next, k: null };
      this.#playhead = next.steps;
    }
    if (commit) this.commit();
    else this.#write();
  }

  /** Estimates f* again over the current domain (grown to hold the start); a registry surface gets its known value back. */
  reestimate(): void {
    const def = this.source.ok ? this.source.value.def : null;
    this.#fStarSet = false;
    this.commit({ fStar: def ? knownFStar(def) : estimatedFStar(this.#view) });
  }

  /** f* typed in: a live value (commit follows from the field). */
  setFStar(value: number): void {
    this.#fStarSet = true;
    this.preview({ fStar: value });
  }

  /** x/y ranges typed and committed: the new domain, and for a typed function f* estimated over it. */
  commitRanges(domain: ViewDomain): void {
    if (this.#view.surface !== null) return this.commit({ domain });
    this.#fStarSet = false;
    this.commit({ domain, fStar: estimatedFStar({ ...this.#view, domain }) });
  }

  /** A view with its playback position: k at or past the budget is "the end" (null). */
  #at(view: ViewState, k: number): ViewState {
    return { ...view, k: k >= view.steps ? null : k };
  }
  #hash(view: ViewState): string {
    return encodeView(this.#at(view, this.#restK), VOCABULARY);
  }

  /** Reads a link into the view and playback, and writes it back in canonical form; returns the view. */
  #load(decoded: Decoded, hash: string): ViewState {
    this.#halt();
    this.#view = keepEqual(this.#view, { ...decoded.view, k: null });
    this.#notices = decoded.notices;
    // A typed function's f* from a link counts as estimated when it is what estimating now would give.
    this.#fStarSet = decoded.view.surface === null && !Object.is(decoded.view.fStar, estimatedFStar(decoded.view));
    this.#playhead = decoded.view.k ?? decoded.view.steps;
    this.#restK = this.k;
    this.#written = hash;
    this.#write();
    return this.#view;
  }

  /** A field change keeps the playback position, except that a race shown at its end stays at the end. */
  #change(patch: Partial<ViewState>): void {
    const atEnd = this.k >= this.#view.steps;
    const steps = this.#view.steps;
    this.#view = { ...this.#view, ...patch, k: null };
    // Another source (a typed expression): entrants keep no mini-batch size its data cannot give.
    if ('surface' in patch) this.#view = { ...this.#view, entrants: fitEntrants(this.#view.entrants, viewData(this.#view)?.points ?? null) };
    // Fewer entrants: an inspected index past them inspects no one.
    if ((this.#view.inspect ?? -1) >= this.#view.entrants.length) this.#view = { ...this.#view, inspect: null };
    if (atEnd) this.#playhead = this.#view.steps;
    if (this.#playing && this.#view.steps !== steps) this.#runLoop();
  }

  /** The view into the current entry, at the resting k (the last one while playing). */
  #write(): void {
    if (!this.#playing) this.#restK = this.k;
    const hash = this.#hash(this.#view);
    if (hash === this.#written) return;
    this.link.replace(hash);
    this.#written = hash;
  }

  #halt(): void {
    this.dispose();
    this.#playing = false;
  }

  #runLoop(): void {
    this.#stopLoop?.();
    this.#stopLoop = startPlayback({
      read: () => this.#playhead,
      write: (p) => (this.#playhead = p),
      speed: this.speed,
      steps: this.#view.steps,
      loopPauseMs: this.options.loopPauseMs,
      onend: () => {
        this.#stopLoop = null;
        this.#playing = false;
        this.#write();
      },
    });
  }
}

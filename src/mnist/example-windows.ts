/**
 * A run's training examples held a window at a time, for a Web Worker that keeps no copy of the 47 MB of
 * training images (README, "Memory"): the tab holds them and sends the bytes of the examples the run reads
 * next; the worker keeps its validation images, which are small (and asks for the test images in parts of
 * the same size, `windowExamples`, once training is over: evaluate.ts evaluateInParts).
 *
 * Contract. `set` is the trainer's training DigitSet of n examples (example k is image imageOf[k] of the
 * file): indices[k] is a slot of its small buffer, which holds example k's bytes and label while a load that
 * placed it there is the latest to use that slot. The planner (`next` / `ready`) lets an update start only
 * when every example it reads was placed by a load no later load has overwritten, so training reads exactly
 * the bytes the whole file would give: bit-identical runs (tests/mnist/example-windows.test.ts).
 *
 * Slots, for batch size B and W = max(1, ⌊WINDOW_EXAMPLES / B⌋) updates per window:
 *   region 0 and region 1, W·B slots each: step windows, alternating, so the next window of the epoch loads
 *     while the current one trains (double buffering). A window never crosses an epoch's end: the next
 *     epoch's order is drawn (train.ts drawEpochOrder) only when its first update is due.
 *   the recalibration region (Schedule-Free SGD with batch norm only, train.ts recalibrationExamples): the
 *     epoch's first batches, which readyForEvaluation reads at the epoch's end; loaded once the epoch's
 *     last window is in.
 * After training, region 0 serves passes over all n examples (`passLoads`: the training accuracy), a
 * window's worth at a time, and the recalibration region a last recalibration (`recalibrationLoad`).
 */
import { indexRange, type DigitSet } from './dataset.ts';
import { drawEpochOrder, recalibrationExamples, type Trainer } from './train.ts';

/**
 * Examples per step window (rounded down to whole batches, at least one). A run holds three windows' worth
 * (two regions and the buffer lent to the tab): 2.4 MB at 1,024. Halving it (2026-12-01, a race of seven,
 * two epochs, full data, 2 workers, alternating builds) saved no memory visible above the bench's ±10 MB
 * noise and cost the tab's renderer 6 % more CPU time (7 % at 256; medians of six runs), so it stays at 1,024.
 */
export const WINDOW_EXAMPLES = 1024;

/** A load: examples (positions in the run's training set) to place in slots `slot`, `slot` + 1, … */
export interface ExampleLoad {
  readonly kind: 'steps' | 'recalibration' | 'pass';
  readonly examples: Uint32Array;
  readonly slot: number;
  /** Steps: updates [from, to) of `epoch`, in `region` (0 or 1). Recalibration: the batches of `epoch`. Else −1. */
  readonly region: number;
  readonly epoch: number;
  readonly from: number;
  readonly to: number;
}

interface StepWindow {
  readonly epoch: number;
  readonly from: number;
  readonly to: number;
}

export class ExampleWindows {
  readonly set: DigitSet;
  /** Updates per step window. */
  readonly windowSteps: number;
  /** Examples per step window (windowSteps whole batches): what one region, and the buffer lent to the tab, hold. */
  readonly windowExamples: number;
  private readonly batch: number;
  private readonly recalibrationSlot: number;
  private readonly recalibrationSize: number;
  private readonly windows: (StepWindow | null)[] = [null, null];
  private recalibratedEpoch = -1;
  private pending: ExampleLoad | null = null;
  private trainer: Trainer | null = null;

  /**
   * imageOf: the file's image of each training example (the split's train indices); fileLabels: the labels
   * of all the file's images; recalibration: train.ts recalibrationExamples for the run.
   */
  constructor(
    private readonly imageOf: Uint32Array,
    private readonly fileLabels: Uint8Array,
    features: number,
    batchSize: number,
    recalibration: number,
  ) {
    this.batch = batchSize;
    this.windowSteps = Math.max(1, Math.floor(WINDOW_EXAMPLES / batchSize));
    this.windowExamples = this.windowSteps * batchSize;
    this.recalibrationSlot = 2 * this.windowExamples;
    this.recalibrationSize = recalibration;
    const slots = this.recalibrationSlot + recalibration;
    this.set = { pixels: new Uint8Array(slots * features), labels: new Uint8Array(slots), features, indices: new Uint32Array(imageOf.length) };
  }

  /** The trainer built on `set` (its loads follow its order and position). */
  attach(trainer: Trainer): void {
    if (trainer.data.train !== this.set) throw new Error('the trainer does not train on these windows');
    if (recalibrationExamples(trainer.optimizer, trainer.config, this.imageOf.length) !== this.recalibrationSize) throw new Error('the recalibration region does not fit the trainer');
    this.trainer = trainer;
  }

  private get tr(): Trainer {
    if (!this.trainer) throw new Error('no trainer attached');
    return this.trainer;
  }

  /** The region holding the trainer's next update, or −1. */
  private current(): number {
    const { epochs, epochStep } = this.tr;
    return this.windows.findIndex((w) => w !== null && w.epoch === epochs.length && w.from <= epochStep && epochStep < w.to);
  }

  /** Whether the trainer's next update (and, at an epoch's last update, its recalibration) reads resident examples only. */
  ready(): boolean {
    const tr = this.tr;
    if (tr.done || tr.orderEpoch !== tr.epochs.length || this.current() < 0) return false;
    return !(this.recalibrationSize > 0 && tr.epochStep === tr.stepsPerEpoch - 1 && this.recalibratedEpoch !== tr.epochs.length);
  }

  /** The next load the run needs (the current window, the next one, the recalibration batches), or null: none, or one on its way. */
  next(): ExampleLoad | null {
    const tr = this.tr;
    if (this.pending || tr.done) return null;
    drawEpochOrder(tr);
    const epoch = tr.epochs.length;
    const at = this.current();
    if (at < 0) {
      const region = this.windows[0] !== null && this.windows[0].epoch === epoch && this.windows[0].from > tr.epochStep ? 1 : 0;
      return this.stepLoad(region, epoch, tr.epochStep);
    }
    const window = this.windows[at]!;
    if (window.to < tr.stepsPerEpoch) {
      const other = this.windows[1 - at];
      return other !== null && other.epoch === epoch && other.from === window.to ? null : this.stepLoad(1 - at, epoch, window.to);
    }
    if (this.recalibrationSize > 0 && this.recalibratedEpoch !== epoch) return this.recalibrationLoad();
    return null;
  }

  private stepLoad(region: number, epoch: number, from: number): ExampleLoad {
    const tr = this.tr;
    const to = Math.min(from + this.windowSteps, tr.stepsPerEpoch);
    const examples = tr.order.slice(from * this.batch, Math.min(tr.order.length, to * this.batch));
    return this.ask({ kind: 'steps', examples, slot: region * this.windowExamples, region, epoch, from, to });
  }

  /** The examples readyForEvaluation reads now (the first batches of the trainer's current order). */
  recalibrationLoad(): ExampleLoad {
    const examples = this.tr.order.slice(0, this.recalibrationSize);
    return this.ask({ kind: 'recalibration', examples, slot: this.recalibrationSlot, region: -1, epoch: this.tr.epochs.length, from: -1, to: -1 });
  }

  /** Loads covering all n examples in their own order, a window's worth each, for passes after training (in region 0). */
  passLoads(): ExampleLoad[] {
    const n = this.imageOf.length;
    const size = this.windowExamples;
    const loads: ExampleLoad[] = [];
    for (let from = 0; from < n; from += size) {
      loads.push({ kind: 'pass', examples: indexRange(from, Math.min(n, from + size)), slot: 0, region: -1, epoch: -1, from: -1, to: -1 });
    }
    return loads;
  }

  private ask(load: ExampleLoad): ExampleLoad {
    this.pending = load;
    return load;
  }

  /** The file's images a load needs, in its order: what the tab is asked for. */
  imagesOf(load: ExampleLoad): Uint32Array {
    const images = new Uint32Array(load.examples.length);
    for (let k = 0; k < images.length; k++) images[k] = this.imageOf[load.examples[k]];
    return images;
  }

  /** Places a load's bytes (imagesOf(load)'s images, `features` bytes each) and labels; its window becomes resident. */
  fill(load: ExampleLoad, pixels: Uint8Array): void {
    const { features, labels, indices } = this.set;
    if (pixels.length !== load.examples.length * features) throw new Error(`expected ${load.examples.length} images of ${features} bytes, got ${pixels.length} bytes`);
    this.set.pixels.set(pixels, load.slot * features);
    for (let k = 0; k < load.examples.length; k++) {
      const example = load.examples[k];
      indices[example] = load.slot + k;
      labels[load.slot + k] = this.fileLabels[this.imageOf[example]];
    }
    if (load.kind === 'steps') this.windows[load.region] = { epoch: load.epoch, from: load.from, to: load.to };
    else if (load.kind === 'recalibration') this.recalibratedEpoch = load.epoch;
    else this.windows.fill(null);
    if (this.pending === load) this.pending = null;
  }
}

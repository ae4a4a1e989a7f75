/**
 * Touch and hold: how one finger on the plot becomes a deliberate "move the start" gesture, so that a
 * swipe scrolls the page. A finger that stays within `slop` px of where it landed for `holdMs` arms the
 * gesture; one that travels farther first, or a second finger, gives the touch to the page's scroll or to
 * the zoom gesture and never arms it. Once armed, every move drags the start (the plot then stops the
 * page from scrolling under the finger). Pure: the caller supplies positions and times.
 */
export type HoldPhase = 'idle' | 'waiting' | 'armed' | 'released';

export const HOLD_MS = 450;
export const HOLD_SLOP_PX = 10;

export class TouchHold {
  #phase: HoldPhase = 'idle';
  #x = 0;
  #y = 0;
  #t = 0;

  constructor(
    readonly holdMs = HOLD_MS,
    readonly slop = HOLD_SLOP_PX,
  ) {}

  get phase(): HoldPhase {
    return this.#phase;
  }

  /** One finger landed (a second finger is `cancel`). */
  down(x: number, y: number, t: number): void {
    this.#phase = 'waiting';
    [this.#x, this.#y, this.#t] = [x, y, t];
  }

  /** The finger moved: true while this touch drags the start. A move beyond the slop before the hold releases it. */
  move(x: number, y: number, t: number): boolean {
    if (this.#phase === 'waiting' && Math.hypot(x - this.#x, y - this.#y) > this.slop) this.#phase = 'released';
    else this.tick(t);
    return this.#phase === 'armed';
  }

  /** Time passes with the finger still: true when this call armed the gesture. */
  tick(t: number): boolean {
    if (this.#phase !== 'waiting' || t - this.#t < this.holdMs) return false;
    this.#phase = 'armed';
    return true;
  }

  /** The touch is over (lifted, a second finger, or taken by the browser): was it a drag of the start? */
  end(): boolean {
    const armed = this.#phase === 'armed';
    this.#phase = 'idle';
    return armed;
  }
}

/**
 * A media query whose answer changes only once the page has kept the new answer for `settleMs` (200 ms).
 * The tabs move a few parts between their one- and two-column places by this answer (rendered in one
 * place or the other, so the reading order follows the layout); moving them remounts them, which drops
 * what their fields were holding (a refused draft and its message). A transient resize must not do that:
 * a window dragged across the breakpoint, a device turned, or Chromium's full-page screenshot, which
 * flips width media queries for an instant.
 */
import { createSubscriber } from 'svelte/reactivity';

export class SettledMediaQuery {
  readonly #query: MediaQueryList;
  #current: boolean;
  readonly #subscribe: () => void;

  constructor(query: string, settleMs = 200) {
    this.#query = matchMedia(query);
    this.#current = this.#query.matches;
    this.#subscribe = createSubscriber((update) => {
      this.#current = this.#query.matches;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const changed = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          if (this.#query.matches === this.#current) return;
          this.#current = this.#query.matches;
          update();
        }, settleMs);
      };
      this.#query.addEventListener('change', changed);
      return () => {
        clearTimeout(timer);
        this.#query.removeEventListener('change', changed);
      };
    });
  }

  get current(): boolean {
    this.#subscribe();
    return this.#current;
  }
}

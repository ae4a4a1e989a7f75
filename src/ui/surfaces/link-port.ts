/**
 * Where the surfaces view model (surfaces-view.svelte.ts) reads and writes its link. It deals only in the
 * view's hash (no '#', no `tab=`); the browser port keeps the app's tab parameter and the MNIST tab's
 * `m.` keys as it finds them (tab-hash.ts) on every entry it writes. The view model decides when an entry is pushed (a committed
 * change) and when the current one is replaced (previews, the resting playback position); the port only
 * carries that out, so tests can hand it a fake history.
 */
import { viewPart, withShellOf } from '../tab-hash.ts';

export interface LinkPort {
  /** The view's hash now (what the address bar holds, without '#' and `tab`). */
  read(): string;
  /** A new history entry with this hash: Back returns to the entry before. */
  push(hash: string): void;
  /** This hash on the current history entry. */
  replace(hash: string): void;
}

/** The page's own address bar and history. */
export const browserLink: LinkPort = {
  read: () => viewPart(location.hash),
  push: (hash) => history.pushState(null, '', `#${withShellOf(hash, location.hash)}`),
  replace: (hash) => history.replaceState(history.state, '', `#${withShellOf(hash, location.hash)}`),
};

/** Reads the page's link and never writes it: an embedded view must not add entries to (or rewrite) the
 * history of the page that embeds it. */
export const readOnlyLink: LinkPort = {
  read: () => viewPart(location.hash),
  push: () => {},
  replace: () => {},
};

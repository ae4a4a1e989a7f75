/**
 * Which app tab is open, kept in the URL hash next to the surfaces view: `#s=rosenbrock&…&tab=mnist`.
 * The surfaces tab is the default and is written as no `tab` parameter, so surfaces links stay as they
 * were. Only `tab` is touched; every other parameter keeps its text and order (the hash is the view's
 * state, see src/view/link.ts).
 */
export type Tab = 'surfaces' | 'mnist';

/** The tab a hash asks for; anything but `tab=mnist` (absent, repeated junk, unknown names) is the surfaces tab. */
export function tabOf(hash: string): Tab {
  return new URLSearchParams(hash.replace(/^#/, '')).get('tab') === 'mnist' ? 'mnist' : 'surfaces';
}

/** The hash (without '#') with its `tab` parameter set to `tab`, or removed for the default tab. */
export function withTab(hash: string, tab: Tab): string {
  const parts = hash
    .replace(/^#/, '')
    .split('&')
    .filter((part) => part !== '' && !/^tab(=|$)/.test(part));
  if (tab !== 'surfaces') parts.push(`tab=${tab}`);
  return parts.join('&');
}

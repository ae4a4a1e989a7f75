/**
 * Which app tab is open, kept in the URL hash next to the surfaces view: `#s=rosenbrock&…&tab=mnist`
 * (or `tab=lessons`).
 * The surfaces tab is the default and is written as no `tab` parameter, so surfaces links stay as they
 * were. Only `tab` is touched; every other parameter keeps its text and order (the hash is the view's
 * state, see src/view/link.ts).
 */
export type Tab = 'surfaces' | 'mnist' | 'lessons';

const OTHER_TABS: readonly Tab[] = ['mnist', 'lessons'];

/** The tab a hash asks for; anything but `tab=mnist` or `tab=lessons` (absent, repeated junk, unknown names) is the surfaces tab. */
export function tabOf(hash: string): Tab {
  const asked = new URLSearchParams(hash.replace(/^#/, '')).get('tab');
  return OTHER_TABS.find((t) => t === asked) ?? 'surfaces';
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

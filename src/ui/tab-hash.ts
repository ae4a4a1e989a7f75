/**
 * Which app tab is open, kept in the URL hash next to the surfaces view: `#s=rosenbrock&…&tab=mnist`
 * (or `tab=lessons`).
 * The surfaces tab is the default and is written as no `tab` parameter, so surfaces links stay as they
 * were. Only `tab` is touched; every other parameter keeps its text and order (the hash is the view's
 * state, see src/view/link.ts).
 *
 * The MNIST tab's options share the hash under `m.` keys (src/view/mnist-link.ts): withMnistPart sets
 * them, and withShellOf carries them and the tab over when the surfaces view writes its own hash, so
 * neither tab's link erases the other's.
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

const isMnistKey = (part: string): boolean => part.startsWith('m.');
const parts = (hash: string): string[] => hash.replace(/^#/, '').split('&').filter((p) => p !== '');

/** The hash's `m.` parameters, verbatim and in order. */
export const mnistPart = (hash: string): string => parts(hash).filter(isMnistKey).join('&');

/** The hash (without '#') with its `m.` parameters replaced by `part` (already encoded), before `tab`. */
export function withMnistPart(hash: string, part: string): string {
  const rest = parts(hash).filter((p) => !isMnistKey(p));
  const tab = rest.filter((p) => /^tab(=|$)/.test(p));
  return [...rest.filter((p) => !/^tab(=|$)/.test(p)), ...parts(part), ...tab].join('&');
}

/** `hash` (a view's own) with the app shell's parameters of `current` (its `m.` keys and tab). */
export const withShellOf = (hash: string, current: string): string => withTab(withMnistPart(hash, mnistPart(current)), tabOf(current));

/** The surfaces view's own part of a hash: without the app shell's parameters (tab, `m.` keys). */
export const viewPart = (hash: string): string => withMnistPart(withTab(hash, 'surfaces'), '');

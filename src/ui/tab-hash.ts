/**
 * Which app tab is open, kept in the URL hash next to the surfaces view: `#s=rosenbrock&…&tab=mnist`
 * (or `tab=lessons`).
 * The surfaces tab is the default and is written as no `tab` parameter, so surfaces links stay as they
 * were. Only `tab` is touched; every other parameter keeps its text and order (the hash is the view's
 * state, see src/view/link.ts).
 *
 * The Lessons tab's open lesson is `lesson=<id>` (`#tab=lessons&lesson=ewa`), present only with
 * `tab=lessons` and absent for the first lesson, as the default tab is; leaving the tab drops it.
 *
 * The MNIST tab's options share the hash under `m.` keys (src/view/mnist-link.ts): withMnistPart sets
 * them, and withShellOf carries them and the tab over when the surfaces view writes its own hash, so
 * neither tab's link erases the other's.
 */
export type Tab = 'surfaces' | 'mnist' | 'lessons';

const parts = (hash: string): string[] => hash.replace(/^#/, '').split('&').filter((p) => p !== '');
const isMnistKey = (part: string): boolean => part.startsWith('m.');

const OTHER_TABS: readonly Tab[] = ['mnist', 'lessons'];

/** The tab a hash asks for; anything but `tab=mnist` or `tab=lessons` (absent, repeated junk, unknown names) is the surfaces tab. */
export function tabOf(hash: string): Tab {
  const asked = new URLSearchParams(hash.replace(/^#/, '')).get('tab');
  return OTHER_TABS.find((t) => t === asked) ?? 'surfaces';
}

const isKey = (key: string) => (part: string): boolean => part === key || part.startsWith(`${key}=`);
const isTab = isKey('tab');
const isLesson = isKey('lesson');

/** The hash (without '#') with its `tab` parameter set to `tab`, or removed for the default tab; any tab but lessons drops `lesson`. */
export function withTab(hash: string, tab: Tab): string {
  const kept = parts(hash).filter((part) => !isTab(part) && (tab === 'lessons' || !isLesson(part)));
  if (tab !== 'surfaces') kept.push(`tab=${tab}`);
  return kept.join('&');
}

/** The lesson id a hash asks for on the Lessons tab, as written (the tab checks it), or null: the first lesson. */
export function lessonOf(hash: string): string | null {
  return tabOf(hash) === 'lessons' ? new URLSearchParams(hash.replace(/^#/, '')).get('lesson') : null;
}

/** The hash (without '#') with `lesson=<id>` just before `tab`, or without it for null (the first lesson). */
export function withLesson(hash: string, id: string | null): string {
  const rest = parts(hash).filter((p) => !isLesson(p));
  if (id === null) return rest.join('&');
  const at = rest.findIndex(isTab);
  rest.splice(at < 0 ? rest.length : at, 0, `lesson=${encodeURIComponent(id)}`);
  return rest.join('&');
}

/** The hash's `m.` parameters, verbatim and in order. */
export const mnistPart = (hash: string): string => parts(hash).filter(isMnistKey).join('&');

/** The hash (without '#') with its `m.` parameters replaced by `part` (already encoded), before `tab`. */
export function withMnistPart(hash: string, part: string): string {
  const rest = parts(hash).filter((p) => !isMnistKey(p));
  return [...rest.filter((p) => !isTab(p)), ...parts(part), ...rest.filter(isTab)].join('&');
}

/** `hash` (a view's own) with the app shell's parameters of `current` (its `m.` keys, tab and lesson). */
export const withShellOf = (hash: string, current: string): string => withLesson(withTab(withMnistPart(hash, mnistPart(current)), tabOf(current)), lessonOf(current));

/** The surfaces view's own part of a hash: without the app shell's parameters (tab, lesson, `m.` keys). */
export const viewPart = (hash: string): string => withMnistPart(withTab(hash, 'surfaces'), '');

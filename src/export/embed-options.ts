/**
 * The embed page's own options, in the query string of embed.html (the view itself travels in the hash,
 * written by src/view/link.ts, so an embed link is `embed.html?controls=playback&autoplay=1#s=bowl&…`):
 *   controls = none | playback | all   (figure only; figure + play/scrub + scoreboard; the full app view)
 *   autoplay = 0 | 1,  loop = 0 | 1
 * Unknown or malformed values fall back to the defaults (playback, no autoplay, no loop).
 * embedSnippet writes the <iframe> for a page: every interpolated value is escaped for an attribute.
 */
import { escapeXml } from './escape.ts';

export type Controls = 'none' | 'playback' | 'all';
export const CONTROLS: readonly Controls[] = ['none', 'playback', 'all'];

export interface EmbedOptions {
  readonly controls: Controls;
  readonly autoplay: boolean;
  readonly loop: boolean;
}

export const DEFAULT_EMBED: EmbedOptions = { controls: 'playback', autoplay: false, loop: false };

export function encodeEmbedOptions(o: EmbedOptions): string {
  const p = new URLSearchParams({ controls: o.controls });
  if (o.autoplay) p.set('autoplay', '1');
  if (o.loop) p.set('loop', '1');
  return p.toString();
}

export function decodeEmbedOptions(search: string): EmbedOptions {
  const p = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const c = p.get('controls');
  return {
    controls: CONTROLS.includes(c as Controls) ? (c as Controls) : DEFAULT_EMBED.controls,
    autoplay: p.get('autoplay') === '1',
    loop: p.get('loop') === '1',
  };
}

/** `base` is the directory URL the app is served from (ending in '/'); `hash` is encodeView's output. */
export function embedUrl(base: string, options: EmbedOptions, hash: string): string {
  return `${base}embed.html?${encodeEmbedOptions(options)}#${hash}`;
}

export function embedSnippet(url: string, width: number, height: number, title: string): string {
  return (
    `<iframe src="${escapeXml(url)}" width="${Math.round(width)}" height="${Math.round(height)}" ` +
    `title="${escapeXml(title)}" loading="lazy" style="border:0;max-width:100%"></iframe>`
  );
}

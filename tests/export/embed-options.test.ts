import { describe, expect, it } from 'vitest';
import { decodeEmbedOptions, DEFAULT_EMBED, embedSnippet, embedUrl, encodeEmbedOptions } from '../../src/export/embed-options.ts';
import { elements, wellFormed } from './svg-inspect.ts';

describe('embed options', () => {
  it('round-trips every combination through the query string', () => {
    for (const controls of ['none', 'playback', 'all'] as const) {
      for (const autoplay of [false, true]) {
        for (const loop of [false, true]) {
          const o = { controls, autoplay, loop };
          expect(decodeEmbedOptions(`?${encodeEmbedOptions(o)}`)).toEqual(o);
        }
      }
    }
    expect(encodeEmbedOptions({ controls: 'none', autoplay: true, loop: true })).toBe('controls=none&autoplay=1&loop=1');
  });

  it('falls back to the defaults for anything it does not know', () => {
    expect(decodeEmbedOptions('')).toEqual(DEFAULT_EMBED);
    expect(decodeEmbedOptions('?controls=%3Cscript%3E&autoplay=yes&loop=true')).toEqual(DEFAULT_EMBED);
  });

  it('builds embed.html next to the app with the options in the query and the view in the hash', () => {
    expect(embedUrl('https://example.org/play/', { controls: 'playback', autoplay: true, loop: false }, 's=bowl&steps=50')).toBe(
      'https://example.org/play/embed.html?controls=playback&autoplay=1#s=bowl&steps=50',
    );
  });

  it('writes an iframe whose attributes cannot be broken out of', () => {
    const url = 'https://x/embed.html?controls=none#f=x"><script>alert(1)</script>';
    const html = embedSnippet(url, 640.4, 480, `Race on "<b>" & co`);
    expect(html).toBe(
      '<iframe src="https://x/embed.html?controls=none#f=x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" width="640" height="480" ' +
        'title="Race on &quot;&lt;b&gt;&quot; &amp; co" loading="lazy" style="border:0;max-width:100%"></iframe>',
    );
    expect(wellFormed(html)).toBe(true);
    const [iframe] = elements(html);
    expect(iframe.attrs.src).toBe(url);
    expect(Object.keys(iframe.attrs)).toEqual(['src', 'width', 'height', 'title', 'loading', 'style']);
  });
});

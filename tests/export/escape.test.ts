import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../src/export/escape.ts';
import { elements, wellFormed } from './svg-inspect.ts';

describe('escapeXml', () => {
  it('turns the five markup characters into entities', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;');
  });

  it('replaces characters XML 1.0 forbids with U+FFFD and keeps tab, newline and astral characters', () => {
    expect(escapeXml('a\u0000b\u0008c\u001Fd\uFFFEe\uFFFF')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFD');
    expect(escapeXml('lone \uD800 high, lone \uDC00 low')).toBe('lone \uFFFD high, lone \uFFFD low');
    expect(escapeXml('tab\tnl\ncr\r 😀 ∇f')).toBe('tab\tnl\ncr\r 😀 ∇f');
  });

  it('yields text that stays text inside an element and inside either kind of attribute quote', () => {
    const hostile = `</svg><script>alert(1)</script>" onload="alert(2)' onclick='x'`;
    const doc = `<svg xmlns="http://www.w3.org/2000/svg"><title>${escapeXml(hostile)}</title><text a="${escapeXml(hostile)}" b='${escapeXml(hostile)}'/></svg>`;
    expect(wellFormed(doc)).toBe(true);
    const els = elements(doc);
    expect(els.map((e) => e.name)).toEqual(['svg', 'title', 'text']);
    expect(els[1].text).toBe(hostile);
    expect(Object.keys(els[2].attrs)).toEqual(['a', 'b']);
    expect(els[2].attrs.a).toBe(hostile);
  });
});

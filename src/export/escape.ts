/**
 * XML escaping for every piece of user-controlled text (an expression, a title) that goes into an
 * exported SVG or the embed page. After escaping, text can only ever be character data: `<` and `&`
 * cannot open markup, and quotes cannot end an attribute. Characters XML 1.0 forbids outright (C0 controls
 * other than tab/newline/CR, lone surrogates, U+FFFE/U+FFFF) would make the whole file malformed, so they
 * become U+FFFD. Source: XML 1.0 (Fifth Edition) §2.2 Char, §2.4 Character Data.
 */
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

// Not XML 1.0 Chars: C0 controls except \t \n \r, unpaired surrogates, U+FFFE, U+FFFF.
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe both as element content and inside a double- or single-quoted attribute value. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '\uFFFD').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

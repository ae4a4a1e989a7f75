/**
 * Test helper: a strict XML well-formedness check (fast-xml-parser's validator) and a flat list of the
 * elements of an SVG string with their attributes and own text, for structural assertions.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface Element {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly text: string;
  readonly depth: number;
  readonly ancestors: readonly Element[];
}

/** true, or the validator's error message. */
export function wellFormed(xml: string): true | string {
  const r = XMLValidator.validate(xml);
  return r === true ? true : `${r.err.code}: ${r.err.msg} (line ${r.err.line})`;
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

export function elements(xml: string): Element[] {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
    processEntities: true,
  });
  const out: Element[] = [];
  const walk = (nodes: OrderedNode[], ancestors: Element[]): void => {
    for (const node of nodes) {
      const name = Object.keys(node).find((k) => k !== ':@');
      if (name === undefined || name === '#text') continue;
      const children = node[name] as OrderedNode[];
      const text = children.filter((c) => '#text' in c).map((c) => String(c['#text'])).join('');
      const el: Element = { name, attrs: node[':@'] ?? {}, text, depth: ancestors.length, ancestors };
      out.push(el);
      walk(children, [...ancestors, el]);
    }
  };
  walk(parser.parse(xml) as OrderedNode[], []);
  return out;
}

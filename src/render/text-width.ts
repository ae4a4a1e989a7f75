/**
 * Text measurement without a DOM, for laying out figures that must fit their viewBox in any reader's
 * font. Widths are the advance widths of DejaVu Sans (Sans Mono for 'mono'), the widest of the fonts a
 * figure's generic families commonly resolve to (Helvetica, Arial, Segoe UI and San Francisco are all
 * narrower), so an estimate is an upper bound in practice. Bold adds 10 %.
 *
 * wrapText breaks at spaces, and inside a long word after an operator or comma, never mid-number when it
 * can help it; fitText tries each font size, largest first, for one that wraps into maxLines, and at the
 * smallest size ends the last line with "…" (figures keep the full text in their <desc>).
 */
export type FontFamily = 'sans' | 'mono';

export interface TextFont {
  readonly size: number;
  readonly family?: FontFamily;
  readonly bold?: boolean;
}

// DejaVu Sans advance widths in em for printable ASCII, from U+0020 (space) to U+007E (~).
const ASCII = [
  0.318, 0.401, 0.46, 0.838, 0.636, 0.95, 0.78, 0.275, 0.39, 0.39, 0.5, 0.838, 0.318, 0.361, 0.318, 0.337,
  0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.337, 0.337, 0.838, 0.838, 0.838, 0.531,
  1.0, 0.684, 0.686, 0.698, 0.77, 0.632, 0.575, 0.775, 0.752, 0.295, 0.295, 0.656, 0.557, 0.863, 0.748, 0.787,
  0.603, 0.787, 0.695, 0.635, 0.611, 0.732, 0.684, 0.989, 0.685, 0.611, 0.685, 0.39, 0.337, 0.39, 0.838, 0.5,
  0.5, 0.613, 0.635, 0.55, 0.635, 0.615, 0.352, 0.635, 0.634, 0.278, 0.278, 0.579, 0.278, 0.974, 0.634, 0.612,
  0.635, 0.635, 0.411, 0.521, 0.392, 0.634, 0.592, 0.818, 0.592, 0.592, 0.525, 0.636, 0.337, 0.636, 0.838,
];
const OTHER: Readonly<Record<string, number>> = {
  '−': 0.838, '≤': 0.838, '≥': 0.838, '×': 0.838, '…': 1.0, '·': 0.318, '∞': 0.833, 'β': 0.636, 'ρ': 0.635,
  'ε': 0.541, 'η': 0.634, 'σ': 0.634, '₁': 0.4, '₂': 0.4, '\uFFFD': 1.0,
};

function charWidth(c: string): number {
  const code = c.codePointAt(0)!;
  if (code >= 0x20 && code <= 0x7e) return ASCII[code - 0x20];
  return OTHER[c] ?? (code >= 0x2e80 ? 1.0 : 0.75);
}

export function textWidth(text: string, font: TextFont): number {
  if (font.family === 'mono') return [...text].length * 0.602 * font.size;
  let em = 0;
  for (const c of text) em += charWidth(c);
  return em * font.size * (font.bold ? 1.1 : 1);
}

/** Where a long word may break: after an operator, comma or closing bracket. */
const BREAK_AFTER = /[-+*/=,)−]/;

function splitWord(word: string, maxWidth: number, font: TextFont): string[] {
  const chars = [...word];
  const out: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let end = start + 1;
    while (end < chars.length && textWidth(chars.slice(start, end + 1).join(''), font) <= maxWidth) end++;
    if (end < chars.length) {
      for (let b = end - 1; b > start + (end - start) / 2; b--) {
        if (BREAK_AFTER.test(chars[b])) {
          end = b + 1;
          break;
        }
      }
    }
    out.push(chars.slice(start, end).join(''));
    start = end;
  }
  return out;
}

/** Greedy line breaking into lines no wider than maxWidth (whitespace runs collapse to one space). */
export function wrapText(text: string, maxWidth: number, font: TextFont): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    if (word === '') continue;
    const joined = line === '' ? word : `${line} ${word}`;
    if (textWidth(joined, font) <= maxWidth) {
      line = joined;
      continue;
    }
    if (line !== '') lines.push(line);
    const parts = textWidth(word, font) <= maxWidth ? [word] : splitWord(word, maxWidth, font);
    lines.push(...parts.slice(0, -1));
    line = parts[parts.length - 1];
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** `text` cut to fit maxWidth, ending in "…" when anything was cut. */
export function ellipsize(text: string, maxWidth: number, font: TextFont): string {
  if (textWidth(text, font) <= maxWidth) return text;
  const chars = [...text];
  let n = chars.length;
  while (n > 0 && textWidth(`${chars.slice(0, n).join('').trimEnd()}…`, font) > maxWidth) n--;
  return `${chars.slice(0, n).join('').trimEnd()}…`;
}

export interface FittedText {
  readonly size: number;
  readonly lines: readonly string[];
}

/** The largest of `sizes` (descending) at which `text` wraps into maxLines; else the smallest, cut with "…". */
export function fitText(text: string, maxWidth: number, maxLines: number, sizes: readonly number[], family: FontFamily = 'sans', bold = false): FittedText {
  for (const size of sizes) {
    const lines = wrapText(text, maxWidth, { size, family, bold });
    if (lines.length <= maxLines) return { size, lines };
  }
  const size = sizes[sizes.length - 1];
  const font = { size, family, bold };
  const lines = wrapText(text, maxWidth, font);
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = ellipsize(`${kept[maxLines - 1]} ${lines.slice(maxLines).join(' ')}`, maxWidth, font);
  return { size, lines: kept };
}

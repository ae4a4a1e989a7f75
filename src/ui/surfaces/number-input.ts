/**
 * Reading numbers people type into settings fields, and the log-slider mapping. A field's text is read by
 * the view's one number reader (src/view/numbers.ts) against the field's range (for race settings, the
 * field table's); this module words its verdict for the form: the field shows the message and the view
 * keeps its last good value. Log sliders run over log10(value), so each decade of a learning rate gets
 * the same slider length.
 */
import { readNumber, type NumberRange } from '../../view/numbers.ts';

export type NumberRule = NumberRange;

export type Parsed = { ok: true; value: number } | { ok: false; message: string };

export function parseNumberField(text: string, rule: NumberRule): Parsed {
  const r = readNumber(text, rule);
  if (r.ok) return r;
  switch (r.error) {
    case 'syntax':
      return { ok: false, message: 'Enter a number, like 0.01 or 1e-3.' };
    case 'infinite':
      return { ok: false, message: 'Enter a finite number.' };
    case 'fraction':
      return { ok: false, message: 'Enter a whole number.' };
    case 'range':
      return { ok: false, message: `Enter a number from ${rule.min} to ${rule.max}.` };
  }
}

/** Slider position for a value: log10(v) on log scales (values ≤ 0 sit at the bottom), v otherwise. */
export function toSlider(v: number, rule: NumberRule, log: boolean): number {
  if (!log) return v;
  return Math.log10(Math.max(v, rule.min > 0 ? rule.min : 1e-12));
}

/** Value for a slider position, rounded to 3 significant digits on log scales so URLs stay short. */
export function fromSlider(s: number, rule: NumberRule, log: boolean): number {
  const v = log ? Number((10 ** s).toPrecision(3)) : s;
  return Math.min(rule.max, Math.max(rule.min, v));
}

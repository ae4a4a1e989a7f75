/**
 * Reading numbers people type into settings fields, and the log-slider mapping. A field's text is
 * accepted only if it is a plain finite number inside [min, max] (and whole where asked); otherwise the
 * field shows the returned message and the view keeps its last good value.
 * Log sliders run over log10(value), so each decade of a learning rate gets the same slider length.
 */
export interface NumberRule {
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
}

export type Parsed = { ok: true; value: number } | { ok: false; message: string };

export function parseNumberField(text: string, rule: NumberRule): Parsed {
  const t = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return { ok: false, message: 'Enter a number, like 0.01 or 1e-3.' };
  const v = Number(t);
  if (!Number.isFinite(v)) return { ok: false, message: 'Enter a finite number.' };
  if (rule.integer && !Number.isInteger(v)) return { ok: false, message: 'Enter a whole number.' };
  if (v < rule.min || v > rule.max) return { ok: false, message: `Enter a number from ${rule.min} to ${rule.max}.` };
  return { ok: true, value: v };
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

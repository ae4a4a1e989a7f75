/**
 * Reading a number typed by a person (a link value, a CLI argument, a form field): a plain finite decimal,
 * optionally signed, with an optional exponent. No hex, no "Infinity", no empty string; "-0" is 0. A NumberRange is
 * also what the form shows as a field's limits, so the limits are declared once, in the field table.
 */
import { fail, ok, type Result } from './result.ts';

export interface NumberRange {
  readonly min: number;
  readonly max: number;
  /** Whole numbers only (the form's step of 1). */
  readonly integer?: boolean;
}

/** Any finite number. */
export const ANY_NUMBER: NumberRange = { min: -Infinity, max: Infinity };

/** Why a text is not a number in range: for the form, which words each case (src/ui/surfaces/number-input.ts). */
export type NumberProblem = 'syntax' | 'infinite' | 'fraction' | 'range';

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export function readNumber(text: string, range: NumberRange = ANY_NUMBER): Result<number, NumberProblem> {
  const t = text.trim();
  if (!DECIMAL.test(t)) return fail('syntax');
  const v = Number(t);
  if (!Number.isFinite(v)) return fail('infinite');
  if (range.integer && !Number.isInteger(v)) return fail('fraction');
  if (v < range.min || v > range.max) return fail('range');
  // −0 reads as 0: String() writes −0 as "0", so a link could not carry it back.
  return ok(v === 0 ? 0 : v);
}

/** "a whole number from 0 to 1000000", "a number from 0 to 1000", "a number". */
export function describeRange(range: NumberRange): string {
  const noun = range.integer ? 'a whole number' : 'a number';
  if (Number.isFinite(range.min) && Number.isFinite(range.max)) return `${noun} from ${range.min} to ${range.max}`;
  if (Number.isFinite(range.min)) return `${noun} ≥ ${range.min}`;
  if (Number.isFinite(range.max)) return `${noun} ≤ ${range.max}`;
  return noun;
}

/** `count` comma-separated numbers, each in `range`; null when the text is not that. */
export function readNumberList(text: string, count: number, range: NumberRange): number[] | null {
  const parts = text.split(',');
  if (parts.length !== count) return null;
  const out: number[] = [];
  for (const part of parts) {
    const r = readNumber(part, range);
    if (!r.ok) return null;
    out.push(r.value);
  }
  return out;
}

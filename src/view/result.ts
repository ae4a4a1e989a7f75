/**
 * Errors are data. Parsing user input of the view (a link, CLI flags, a form field) never throws and never
 * words a message: it yields a Result, and a failure carries a Reason saying what was wrong in terms of
 * the input (what was expected, which word is unknown). Each caller words a FieldError once, in its own
 * voice: the link codec as a notice (src/view/link-notice.ts), the CLI as `--flag: …`
 * (src/cli/view-options.ts), the form under its field.
 */
import type { ViewState } from './state.ts';

export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value });
export const fail = <E>(error: E): { readonly ok: false; readonly error: E } => ({ ok: false, error });

export type Reason =
  /** The text is not in the field's form; `expected` says what is, e.g. "a whole number from 0 to 1000000". */
  | { readonly kind: 'expected'; readonly expected: string }
  /** A word outside a vocabulary (surface ids, optimizer ids, hyperparameter keys). */
  | { readonly kind: 'unknown'; readonly noun: string; readonly word: string; readonly choices: readonly string[] }
  /** A word listed twice. */
  | { readonly kind: 'repeated'; readonly noun: string; readonly word: string }
  /** A sub-parser's own one-line message (the expression compiler's, the schedule parser's). */
  | { readonly kind: 'rejected'; readonly message: string }
  | { readonly kind: 'too-long'; readonly max: number }
  /** Two fields that exclude each other were both given; this one was ignored. `other` is a field name. */
  | { readonly kind: 'conflict'; readonly other: string };

/**
 * A field's parse: a value, or the reason it was refused. A list may be read in part: `dropped` holds the
 * reasons for the words left out (a link then keeps the rest with a notice; the CLI refuses the flag).
 */
export type Parsed<T> = { readonly ok: true; readonly value: T; readonly dropped?: readonly Reason[] } | { readonly ok: false; readonly error: Reason };

/** The surfaces view's field names. */
export type FieldName = keyof ViewState;

export interface FieldError {
  /** The field's name in its table ("steps", "hyper"). */
  readonly field: string;
  /** For the hyperparameter family: the entry, e.g. "adam.lr". */
  readonly entry?: string;
  /** The field's noun phrase from the table, e.g. "the step budget", "adam learning rate". */
  readonly label: string;
  /** The offending input, as given. */
  readonly text: string;
  readonly reason: Reason;
}

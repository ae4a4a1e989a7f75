/**
 * How a link words a FieldError: as a notice saying what of the link was ignored and why, shown as text
 * (never markup) above the view. Quoted text is cut to 40 characters. A refused source (surface or
 * expression) means the whole link fell back to the default view, and the notice says so. A notice is one
 * line of plain text: control characters and line or paragraph separators, in the quoted text or in a
 * checker's message, are written as \uXXXX escapes.
 */
import type { FieldError, Reason } from './result.ts';

const quote = (s: string): string => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
const sentence = (s: string): string => (/[.!?]$/.test(s) ? s : `${s}.`);

const RESET = 'The default view is shown instead.';
export const NO_SOURCE = `The link names no surface (s=…) or expression (f=…). ${RESET}`;

function why(reason: Reason): string {
  switch (reason.kind) {
    case 'expected':
      return `expected ${reason.expected}`;
    case 'rejected':
      return reason.message;
    case 'too-long':
      return `longer than ${reason.max} characters`;
    case 'conflict':
      return `the link names a ${reason.other} too`;
    case 'unknown':
      return `unknown ${reason.noun} ${quote(reason.word)}`;
    case 'repeated':
      return `${reason.noun} ${quote(reason.word)} listed twice`;
  }
}

const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const plain = (s: string): string => s.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export function linkNotice(e: FieldError, reset: boolean): string {
  return plain(wording(e, reset));
}

function wording(e: FieldError, reset: boolean): string {
  const r = e.reason;
  if (reset) {
    if (r.kind === 'unknown') return `The link names an unknown ${r.noun} ${quote(r.word)}. ${RESET}`;
    if (r.kind === 'too-long') return `The link's ${e.label.replace(/^the /, '')} is longer than ${r.max} characters. ${RESET}`;
    return `${sentence(`The link's ${e.label.replace(/^the /, '')} ${quote(e.text)} was rejected: ${why(r)}`)} ${RESET}`;
  }
  if (e.field === 'hyper' && r.kind === 'unknown') return `Ignored the unknown setting ${quote(e.entry ?? e.text)}.`;
  if (r.kind === 'unknown' || r.kind === 'repeated') return `Ignored the ${r.kind} ${r.noun} ${quote(r.word)}.`;
  return sentence(`Ignored ${e.label} ${quote(e.text)}: ${why(r)}`);
}

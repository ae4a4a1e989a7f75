/**
 * The CLI's view options, generated from the field table (src/view/fields.ts): every field with a flag
 * becomes `--flag ARG` with the table's help, and `--set OPT.PARAM=VALUE` (repeatable) carries the
 * hyperparameter family. `race` takes the fields a race depends on (and --domain, so one option set works
 * for every subcommand); `render` also takes the figure-only ones (--k). The options are read by the same
 * reader as a link (readView), so the CLI accepts exactly what a link accepts, with the same defaults,
 * and `race`, `render` and the app's Export data give the same race for the same options.
 *
 * Anything a link would ignore with a notice is an error here, worded once as `--flag: …`. Two rules are
 * the command line's own: an expression needs --start (its default start lies off its plot), and --set
 * must name a racing optimizer (a typo otherwise passes silently).
 */
import { FIELD, FIELDS } from '../view/fields.ts';
import { readView } from '../view/read-view.ts';
import { fail, ok, type FieldError, type FieldName, type Result } from '../view/result.ts';
import type { ViewState } from '../view/state.ts';
import { VOCABULARY } from '../view/vocabulary.ts';
import type { FlagDecl, ParsedFlags } from './args.ts';

/** 'race': the options a race takes; 'figure': those too, and what only a drawing uses. */
export type ViewScope = 'race' | 'figure';

export function viewFlags(scope: ViewScope): FlagDecl[] {
  return FIELDS.flatMap((f): FlagDecl[] => {
    if (!f.flag || (f.flag.figureOnly && scope !== 'figure')) return [];
    return [{ name: f.flag.name, kind: f.kind === 'family' ? 'list' : 'value', arg: f.flag.arg, help: f.help }];
  });
}

const flagOf = (name: FieldName): string => `--${name === 'hyper' ? 'set' : (FIELD[name].flag?.name ?? name)}`;

/** A FieldError as the command line says it: one line, naming the flag. */
export function cliMessage(e: FieldError): string {
  const flag = flagOf(e.field);
  const r = e.reason;
  switch (r.kind) {
    case 'expected':
      return `${flag}${e.entry === undefined ? '' : ` ${e.entry}`}: expected ${r.expected}, got ${JSON.stringify(e.text)}`;
    case 'unknown':
      return `${flag}: unknown ${r.noun} ${JSON.stringify(r.word)} (choose from ${r.choices.join(', ')})`;
    case 'repeated':
      return `${flag}: ${r.word} listed twice`;
    case 'rejected':
      return `${flag}: ${r.message}`;
    case 'too-long':
      return `${flag}: longer than ${r.max} characters`;
    case 'conflict':
      return `give either ${flagOf(r.other)} or ${flag}, not both`;
  }
}

export function readViewFlags(flags: ParsedFlags, scope: ViewScope): Result<ViewState, string> {
  const texts: Partial<Record<FieldName, string>> = {};
  for (const f of FIELDS) {
    if (f.kind === 'scalar' && f.flag && (!f.flag.figureOnly || scope === 'figure') && f.flag.name in flags.values) {
      texts[f.name] = flags.values[f.flag.name];
    }
  }
  const entries: [string, string][] = [];
  for (const text of flags.lists.set ?? []) {
    const eq = text.indexOf('=');
    if (eq < 0) return fail(`--set: expected OPT.PARAM=VALUE, got ${JSON.stringify(text)}`);
    entries.push([text.slice(0, eq), text.slice(eq + 1)]);
  }
  const { view, errors } = readView({ texts, entries }, VOCABULARY);
  if (errors.length > 0) return fail(cliMessage(errors[0]));
  if (texts.expr !== undefined && texts.start === undefined) return fail('--expr needs --start X,Y');
  for (const [entry, text] of entries) {
    const id = entry.slice(0, entry.indexOf('.'));
    if (!(view.optimizers as readonly string[]).includes(id)) return fail(`--set ${entry}=${text}: ${id} is not in this race`);
  }
  return ok(view);
}

/**
 * The CLI's options for the surfaces view: the field table's flags (src/view/fields.ts, via
 * field-flags.ts). `race` takes the fields a race depends on (and --domain, so one option set works for
 * every subcommand); `render` also takes the figure-only ones (--layout, --k). The options are read by the same
 * reader as a link (readView), so the CLI accepts exactly what a link accepts, with the same defaults,
 * and `race`, `render` and the app's Export data give the same race for the same options.
 *
 * Anything a link would ignore with a notice is an error here. Two rules are the command line's own: an
 * expression needs --start (its default start lies off its plot), and --set must name the optimizer of an
 * entrant (it sets that optimizer's value for every entrant of it that does not set its own).
 */
import { VIEW_TABLE } from '../view/fields.ts';
import { readView } from '../view/read-view.ts';
import { fail, ok, type Result } from '../view/result.ts';
import type { ViewState } from '../view/state.ts';
import { VOCABULARY } from '../view/vocabulary.ts';
import type { FlagDecl, ParsedFlags } from './args.ts';
import { cliMessage, rawFromFlags, setsAmong, tableFlags } from './field-flags.ts';

/** 'race': the options a race takes; 'figure': those too, and what only a drawing uses. */
export type ViewScope = 'race' | 'figure';

export function viewFlags(scope: ViewScope): FlagDecl[] {
  return tableFlags(VIEW_TABLE, scope === 'figure');
}

export function readViewFlags(flags: ParsedFlags, scope: ViewScope): Result<ViewState, string> {
  const raw = rawFromFlags(VIEW_TABLE, flags, scope === 'figure');
  if (!raw.ok) return raw;
  const { view, errors } = readView(raw.value, VOCABULARY);
  if (errors.length > 0) return fail(cliMessage(VIEW_TABLE, errors[0]));
  if (raw.value.texts.expr !== undefined && raw.value.texts.start === undefined) return fail('--expr needs --start X,Y');
  const sets = setsAmong(raw.value, view.entrants.map((e) => e.optimizer));
  return sets.ok ? ok(view) : sets;
}

/**
 * A field table on the command line (src/view/field.ts): every field with a flag becomes `--flag ARG` with
 * the table's help line, the hyperparameter family becomes `--set OPT.PARAM=VALUE` (repeatable), and a
 * flag declared with `present` takes no value (`--batchnorm`). The flags are read into the same raw texts a link gives, for the
 * table's one reader, and its errors are worded once, here, as `--flag: …`.
 */
import type { FieldTable } from '../view/field.ts';
import type { RawFields } from '../view/read-fields.ts';
import { fail, ok, type FieldError, type Result } from '../view/result.ts';
import type { FlagDecl, ParsedFlags } from './args.ts';

/** The table's flags; figure-only ones (render's --k) when `figure` is set. */
export function tableFlags<S, C>(table: FieldTable<S, C>, figure = false): FlagDecl[] {
  return table.fields.flatMap((f): FlagDecl[] => {
    if (!f.flag || (f.flag.figureOnly && !figure)) return [];
    const kind = f.kind === 'family' ? 'list' : f.flag.present !== undefined ? 'boolean' : 'value';
    return [{ name: f.flag.name, kind, arg: f.flag.arg, help: f.help }];
  });
}

export function rawFromFlags<S, C>(table: FieldTable<S, C>, flags: ParsedFlags, figure = false): Result<RawFields, string> {
  const texts: Record<string, string> = {};
  const entries: [string, string][] = [];
  for (const f of table.fields) {
    if (!f.flag || (f.flag.figureOnly && !figure)) continue;
    if (f.kind === 'family') {
      for (const text of flags.lists[f.flag.name] ?? []) {
        const eq = text.indexOf('=');
        if (eq < 0) return fail(`--${f.flag.name}: expected ${f.keyForm}=VALUE, got ${JSON.stringify(text)}`);
        entries.push([text.slice(0, eq), text.slice(eq + 1)]);
      }
    } else if (f.flag.present !== undefined) {
      if (flags.booleans.has(f.flag.name)) texts[String(f.name)] = f.flag.present;
    } else if (Object.hasOwn(flags.values, f.flag.name)) {
      texts[String(f.name)] = flags.values[f.flag.name];
    }
  }
  return ok({ texts, entries });
}

/** A FieldError as the command line says it: one line, naming the flag. */
export function cliMessage<S, C>(table: FieldTable<S, C>, e: FieldError): string {
  const flagOf = (name: string): string => `--${table.fields.find((f) => String(f.name) === name)?.flag?.name ?? name}`;
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

/** `--set` must name a chosen optimizer: a typo would otherwise pass silently. */
export function setsAmong(raw: RawFields, optimizers: readonly string[]): Result<null, string> {
  for (const [entry, text] of raw.entries) {
    const id = entry.slice(0, entry.indexOf('.'));
    if (!optimizers.includes(id)) return fail(`--set ${entry}=${text}: ${id} is not among --optimizers`);
  }
  return ok(null);
}

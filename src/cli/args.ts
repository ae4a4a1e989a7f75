/**
 * Command-line flags for every subcommand: declared as data (name, kind, value placeholder, one-line
 * help), so the same declarations parse argv and print --help. Flags are `--name value`, `--name=value` or
 * boolean `--name`; a value is taken verbatim even when it starts with "-" (so `--start -1.2,1` works).
 * Parsing yields a Result whose error is a one-line message; UsageError is only the boundary a subcommand
 * throws for main.ts, which prints it and exits with status 2.
 */
import { fail, ok, type Result } from '../view/result.ts';

export class UsageError extends Error {}

/** 'value': one value (given twice is an error); 'list': repeatable; 'boolean': no value. */
export type FlagKind = 'value' | 'list' | 'boolean';

export interface FlagDecl {
  /** Without the dashes. */
  readonly name: string;
  readonly kind: FlagKind;
  /** The value's placeholder in help ('' for a boolean). */
  readonly arg: string;
  readonly help: string;
}

export interface ParsedFlags {
  readonly values: Readonly<Record<string, string>>;
  readonly lists: Readonly<Record<string, readonly string[]>>;
  readonly booleans: ReadonlySet<string>;
}

export function parseFlags(argv: readonly string[], decls: readonly FlagDecl[]): Result<ParsedFlags, string> {
  const values: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  const booleans = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const match = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/s.exec(arg);
    if (!match) return fail(`unexpected argument ${JSON.stringify(arg)}`);
    const [, name, inline] = match;
    const decl = decls.find((d) => d.name === name);
    if (!decl) return fail(`unknown option --${name}`);
    if (decl.kind === 'boolean') {
      if (inline !== undefined) return fail(`--${name} takes no value`);
      booleans.add(name);
      continue;
    }
    let value = inline;
    if (value === undefined) {
      if (i + 1 >= argv.length) return fail(`--${name} needs a value`);
      value = argv[++i];
    }
    if (decl.kind === 'list') (lists[name] ??= []).push(value);
    else if (name in values) return fail(`--${name} given twice`);
    else values[name] = value;
  }
  return ok({ values, lists, booleans });
}

/** The value or throw the CLI's exit-2 boundary. */
export function orUsageError<T>(result: Result<T, string>): T {
  if (!result.ok) throw new UsageError(result.error);
  return result.value;
}

/** --help text: the usage line(s), then each group of flags with its help, aligned. */
export function helpText(usage: string, groups: readonly (readonly [string, readonly FlagDecl[]])[]): string {
  const left = (d: FlagDecl) => `  --${d.name}${d.arg ? ` ${d.arg}` : ''}${d.kind === 'list' ? ' …' : ''}`;
  const width = Math.max(...groups.flatMap(([, ds]) => ds.map((d) => left(d).length))) + 2;
  const sections = groups.map(([title, ds]) => [`${title}:`, ...ds.map((d) => `${left(d).padEnd(width)}${d.help}`)].join('\n'));
  return [usage, ...sections].join('\n\n');
}


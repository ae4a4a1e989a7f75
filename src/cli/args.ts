/**
 * Small shared argument parsing for the CLI subcommands. Flags are `--name value`, `--name=value` or
 * boolean `--name`; a value is taken verbatim even when it starts with "-" (so `--start -1.2,1` works).
 * Every problem is a UsageError with a one-line message; main.ts prints it and exits with status 2.
 */
export class UsageError extends Error {}

/** 'value': one value (last wins is refused: given twice is an error); 'list': repeatable; 'boolean': no value. */
export type FlagKind = 'value' | 'list' | 'boolean';

export interface ParsedFlags {
  readonly values: Readonly<Record<string, string>>;
  readonly lists: Readonly<Record<string, readonly string[]>>;
  readonly booleans: ReadonlySet<string>;
}

export function parseFlags(argv: readonly string[], spec: Readonly<Record<string, FlagKind>>): ParsedFlags {
  const values: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  const booleans = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const match = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/s.exec(arg);
    if (!match) throw new UsageError(`unexpected argument ${JSON.stringify(arg)}`);
    const [, name, inline] = match;
    const kind = spec[name];
    if (!kind) throw new UsageError(`unknown option --${name}`);
    if (kind === 'boolean') {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      booleans.add(name);
      continue;
    }
    let value = inline;
    if (value === undefined) {
      if (i + 1 >= argv.length) throw new UsageError(`--${name} needs a value`);
      value = argv[++i];
    }
    if (kind === 'list') (lists[name] ??= []).push(value);
    else if (name in values) throw new UsageError(`--${name} given twice`);
    else values[name] = value;
  }
  return { values, lists, booleans };
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A finite decimal number (no hex, no "Infinity", no empty string). */
export function parseNumber(flag: string, text: string): number {
  const value = Number(text.trim());
  if (!NUMBER.test(text.trim()) || !Number.isFinite(value)) {
    throw new UsageError(`${flag} expects a number, got ${JSON.stringify(text)}`);
  }
  return value;
}

/** A whole number in [min, max]. */
export function parseWhole(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new UsageError(`${flag} expects a whole number from ${min} to ${max}, got ${JSON.stringify(text)}`);
  }
  return value;
}

/** "X,Y" as two finite numbers. */
export function parsePoint(flag: string, text: string): [number, number] {
  const parts = text.split(',');
  if (parts.length !== 2) throw new UsageError(`${flag} expects X,Y, got ${JSON.stringify(text)}`);
  return [parseNumber(flag, parts[0]), parseNumber(flag, parts[1])];
}

/** A comma-separated list of distinct words drawn from `allowed`. */
export function parseChoiceList<T extends string>(flag: string, text: string, allowed: readonly T[]): T[] {
  const words = text.split(',').map((w) => w.trim());
  const out: T[] = [];
  for (const word of words) {
    if (!(allowed as readonly string[]).includes(word)) {
      throw new UsageError(`${flag}: unknown ${JSON.stringify(word)} (choose from ${allowed.join(', ')})`);
    }
    if (out.includes(word as T)) throw new UsageError(`${flag}: ${word} listed twice`);
    out.push(word as T);
  }
  return out;
}

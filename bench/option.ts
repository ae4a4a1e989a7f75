/**
 * The benches' one command-line reader: `--NAME VALUE` as a whole number ≥ `min`, or `fallback` when the
 * flag is absent; anything else stops the bench with a message naming the flag.
 */
export function wholeOption(name: string, fallback: number, min = 1): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!(Number.isInteger(value) && value >= min)) throw new Error(`--${name} needs a whole number ≥ ${min}, got ${process.argv[at + 1]}`);
  return value;
}

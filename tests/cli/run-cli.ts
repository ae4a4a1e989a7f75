/**
 * The one way tests run the command line as a child process: `node dist-cli/cli.mjs …`, the bundle that
 * `npm run build:cli` writes and that `optimizer-playground` and `npm run cli` run. `npm test` builds it
 * before the unit tests; after editing src/, run `npm run build:cli` before running these tests alone.
 * A missing or stale bundle fails the test with that advice rather than test old code.
 * (Tests that import src/cli modules directly run in-process and need no bundle.)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { BUNDLE, ROOT, staleReason } from '../../scripts/build-cli.mjs';

let fresh = false;

/** dist-cli/cli.mjs, once checked to be there and newer than its sources. */
export function bundle(): string {
  if (!fresh) {
    const reason = staleReason();
    if (reason !== null) throw new Error(`${reason}: run \`npm run build:cli\` first (npm test does), so the tests run the current code`);
    fresh = true;
  }
  return BUNDLE;
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bundled CLI from the repository root (with Node options before it, if given); never throws on a non-zero exit status. */
export function runCli(args: readonly string[], nodeOptions: readonly string[] = []): CliResult {
  const r = spawnSync(process.execPath, [...nodeOptions, bundle(), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The bundled CLI's standard output; like execFileSync, throws an error carrying `status` and `stderr` on a non-zero exit. */
export function cliStdout(args: readonly string[]): string {
  return execFileSync(process.execPath, [bundle(), ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
}

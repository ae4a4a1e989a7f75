// @ts-check
/**
 * `npm run cli -- …`: runs the bundled command line (dist-cli/cli.mjs), building it first when it is
 * missing or older than its sources (about a second), so it never runs stale code.
 */
import { pathToFileURL } from 'node:url';
import { BUNDLE, buildCli, staleReason } from './build-cli.mjs';

if (staleReason() !== null) {
  try {
    await buildCli();
  } catch (err) {
    process.stderr.write(`npm run cli: could not build dist-cli/cli.mjs: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
// The bundle reads process.argv.slice(2): the arguments after this script's path, as when run directly.
await import(pathToFileURL(BUNDLE).href);

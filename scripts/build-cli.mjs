// @ts-check
/**
 * Builds the command line into one ES module, dist-cli/cli.mjs: the package's `bin`
 * (`optimizer-playground`), what `npm run cli` runs, and what the spawned CLI tests exercise.
 *
 *   node scripts/build-cli.mjs           build it (`npm run build:cli`; `npm test` and `npm install` do)
 *   node scripts/build-cli.mjs --check   exit 1, saying why, if it is missing or older than its sources
 *
 * Why: `tsx src/cli/main.ts` transpiles the CLI's 85 TypeScript files and loads about 300 modules at
 * every start (1.4–3 s on this machine); the bundle starts in about 0.2 s. It is built by rolldown, Vite 8's bundler, for node20: every dependency
 * is inlined except @resvg/resvg-js (a native addon that `render --out x.png` imports on demand). The
 * subcommands stay lazy: main.ts imports each with import(), which rolldown inlines as a module that is
 * initialised on first use, so `race` never runs render's or mnist's code. (esbuild was tried: in one
 * file it keeps all of mathjs behind `import { create } from 'mathjs'` and builds its full instance at
 * start-up, 0.5 s; rolldown tree-shakes it to the factories we import.)
 *
 * Beside the bundle, dist-cli/inputs.json lists the project files it was built from. The bundle is
 * stale when one of them, package-lock.json (dependency changes) or this script is newer than it;
 * `npm run cli` then rebuilds it first, and the test helper (tests/cli/run-cli.ts) refuses to run it.
 */
import { mkdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const OUT_DIR = join(ROOT, 'dist-cli');
export const BUNDLE = join(OUT_DIR, 'cli.mjs');
const INPUTS = join(OUT_DIR, 'inputs.json');
const ENTRY = join(ROOT, 'src/cli/main.ts');
/** Imported at run time from node_modules, never bundled. */
const EXTERNAL = ['@resvg/resvg-js'];
/** Besides the bundled modules, what a bundle depends on. */
const ALSO_INPUTS = ['package-lock.json', 'scripts/build-cli.mjs'];

/**
 * Builds dist-cli/cli.mjs and dist-cli/inputs.json (each written whole, then renamed into place, so a
 * concurrent `npm run cli` never reads half a file).
 * @returns {Promise<{ bytes: number, modules: number, seconds: number }>}
 */
export async function buildCli() {
  const started = Date.now();
  const { rolldown } = await import('rolldown');
  const bundle = await rolldown({
    input: ENTRY,
    platform: 'node',
    external: (id) => EXTERNAL.some((name) => id === name || id.startsWith(`${name}/`)),
    transform: { target: 'node20' },
    logLevel: 'warn',
  });
  let output;
  try {
    ({ output } = await bundle.generate({
      format: 'esm',
      codeSplitting: false,
      banner: '#!/usr/bin/env node\n// Built by scripts/build-cli.mjs from src/cli/main.ts (npm run build:cli); do not edit.',
    }));
  } finally {
    await bundle.close();
  }
  if (output.length !== 1 || output[0].type !== 'chunk') throw new Error(`build-cli: expected one chunk, got ${output.map((o) => o.fileName).join(', ')}`);
  const chunk = output[0];
  const inputs = chunk.moduleIds
    .filter((id) => isAbsolute(id))
    .map((id) => relative(ROOT, id))
    .filter((path) => !path.startsWith('..') && !path.split(sep).includes('node_modules'))
    .map((path) => path.split(sep).join('/'))
    .sort();
  mkdirSync(OUT_DIR, { recursive: true });
  writeAtomically(INPUTS, `${JSON.stringify(inputs, null, 1)}\n`, 0o644);
  writeAtomically(BUNDLE, chunk.code, 0o755);
  // Date the bundle by when the build started, so a source saved during the build counts as newer.
  utimesSync(BUNDLE, started / 1000, started / 1000);
  return { bytes: Buffer.byteLength(chunk.code), modules: chunk.moduleIds.length, seconds: (Date.now() - started) / 1000 };
}

/**
 * @param {string} path
 * @param {string} text
 * @param {number} mode
 */
function writeAtomically(path, text, mode) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode });
  renameSync(temporary, path);
}

/**
 * Why dist-cli/cli.mjs must be rebuilt before use ("dist-cli/cli.mjs is older than src/cli/race.ts"),
 * or null when it is up to date.
 * @returns {string | null}
 */
export function staleReason() {
  /** @param {string} path */
  const mtime = (path) => {
    try {
      return statSync(join(ROOT, path)).mtimeMs;
    } catch {
      return null;
    }
  };
  const built = mtime('dist-cli/cli.mjs');
  if (built === null) return 'dist-cli/cli.mjs is missing';
  /** @type {string[]} */
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(INPUTS, 'utf8'));
  } catch {
    return 'dist-cli/inputs.json, the list of its sources, is missing';
  }
  for (const path of [...inputs, ...ALSO_INPUTS]) {
    const changed = mtime(path);
    if (changed === null) return `dist-cli/cli.mjs was built from ${path}, which is gone`;
    if (changed > built) return `dist-cli/cli.mjs is older than ${path}`;
  }
  return null;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--check')) {
    const reason = staleReason();
    if (reason !== null) {
      process.stderr.write(`${reason}: run npm run build:cli\n`);
      process.exitCode = 1;
    }
  } else {
    try {
      const { bytes, modules, seconds } = await buildCli();
      process.stdout.write(`dist-cli/cli.mjs: ${(bytes / 1e6).toFixed(2)} MB from ${modules} modules in ${seconds.toFixed(1)} s\n`);
    } catch (err) {
      process.stderr.write(`could not build dist-cli/cli.mjs: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    }
  }
}

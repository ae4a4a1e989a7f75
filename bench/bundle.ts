/**
 * The lab benches time the engine bundled, as it ships (the CLI is a rolldown bundle, the app a Vite one),
 * not through tsx: tsx compiles each module on its own and reaches every imported function through a
 * getter, which the hot loops pay for (measured: the old engine's map took about twice the CPU time under
 * tsx that it took in the CLI bundle). rolldown (Vite 8's bundler, as scripts/build-cli.mjs uses) bundles
 * an entry into one script: an ES module written to the temp directory and imported (Node), or an IIFE
 * (the Chromium page).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rolldown } from 'rolldown';

export async function bundle(entry: URL, format: 'esm' | 'iife', platform: 'node' | 'browser'): Promise<string> {
  const b = await rolldown({ input: entry.pathname, platform, logLevel: 'warn' });
  try {
    const { output } = await b.generate({ format, codeSplitting: false });
    if (output.length !== 1 || output[0].type !== 'chunk') throw new Error(`expected one chunk from ${entry.pathname}`);
    return output[0].code;
  } finally {
    await b.close();
  }
}

/** bench/lab-workloads.ts, bundled and imported. */
export async function bundledWorkloads(): Promise<typeof import('./lab-workloads.ts')> {
  const file = join(mkdtempSync(join(tmpdir(), 'lab-bench-')), 'lab-workloads.mjs');
  writeFileSync(file, await bundle(new URL('./lab-workloads.ts', import.meta.url), 'esm', 'node'));
  return import(pathToFileURL(file).href);
}

/** CPU milliseconds of this process (user + system, every thread). */
export function cpuClock(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

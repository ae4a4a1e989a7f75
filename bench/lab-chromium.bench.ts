/**
 * The batched engine in Chromium (Debian's /usr/bin/chromium, headless): bench/lab-page.ts bundled by
 * rolldown into one script, loaded into a blank page, run on the page's main thread (no Web Worker).
 *   npx tsx bench/lab-chromium.bench.ts [--grid 128] [--steps 1000]
 * Prints the same batched-against-scalar table as bench/batch.bench.ts, then the map of the 7 classics
 * (mapRuns, one thread) in wall seconds and point-steps per second. Numbers for the README and
 * bench/results/lab-speed.md, never asserted; the load average is printed before and after.
 */
import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { rolldown } from 'rolldown';
import { CHROMIUM } from '../playwright.config.ts';
import { formatBatchVsScalar, type BatchVsScalar } from './lab-workloads.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const grid = arg('grid', 128);
const steps = arg('steps', 1000);
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

const bundle = await rolldown({ input: new URL('./lab-page.ts', import.meta.url).pathname, platform: 'browser', logLevel: 'warn' });
const { output } = await bundle.generate({ format: 'iife', codeSplitting: false });
await bundle.close();
const script = output[0].type === 'chunk' ? output[0].code : '';

const browser = await chromium.launch(CHROMIUM);
try {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><title>lab bench</title>');
  await page.addScriptTag({ content: script });
  console.log(`Chromium ${browser.version()}, page main thread; load average ${load()}`);
  type Lab = { labBench: { batchVsScalar: (g: number, s: number) => BatchVsScalar; mapTime: (g: number, s: number) => { ms: number; pointSteps: number } } };
  const table = await page.evaluate(([g, s]) => (globalThis as unknown as Lab).labBench.batchVsScalar(g, s), [grid, steps]);
  console.log(formatBatchVsScalar(table));
  const map = await page.evaluate(([g, s]) => (globalThis as unknown as Lab).labBench.mapTime(g, s), [grid, steps]);
  console.log(`map (mapRuns, 7 classics × ${grid}² × ${steps}): ${(map.ms / 1000).toFixed(2)} s, ${(map.pointSteps / map.ms / 1e3).toFixed(1)} M point-steps/s`);
  console.log(`load average ${load()}`);
} finally {
  await browser.close();
}

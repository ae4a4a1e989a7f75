/**
 * The batched engine in Chromium (Debian's /usr/bin/chromium, headless): bench/lab-page.ts bundled by
 * rolldown into one script, loaded into a blank page, run on the page's main thread (no Web Worker).
 *   npx tsx bench/lab-chromium.bench.ts [--grid 128] [--steps 1000]
 * Prints the same batched-against-scalar table as bench/batch.bench.ts, then the map of the 7 classics
 * (mapRuns, one thread) in wall seconds and point-steps per second, and the sweep's time. Numbers for the README and
 * bench/results/lab-speed.md, never asserted; the load average is printed before and after.
 */
import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { CHROMIUM } from '../playwright.config.ts';
import { bundle } from './bundle.ts';
import { formatBatchVsScalar, type BatchVsScalar } from './lab-workloads.ts';
import { wholeOption } from './option.ts';

const grid = wholeOption('grid', 128);
const steps = wholeOption('steps', 1000);
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

const script = await bundle(new URL('./lab-page.ts', import.meta.url), 'iife', 'browser');

const browser = await chromium.launch(CHROMIUM);
try {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><title>lab bench</title>');
  await page.addScriptTag({ content: script });
  console.log(`Chromium ${browser.version()}, page main thread; load average ${load()}`);
  type Lab = {
    labBench: {
      batchVsScalar: (g: number, s: number) => BatchVsScalar;
      mapTime: (g: number, s: number) => { ms: number; pointSteps: number };
      sweepTime: (points: number, s: number) => { ms: number; steps: number };
    };
  };
  const table = await page.evaluate(([g, s]) => (globalThis as unknown as Lab).labBench.batchVsScalar(g, s), [grid, steps]);
  console.log(formatBatchVsScalar(table, 'wall'));
  const map = await page.evaluate(([g, s]) => (globalThis as unknown as Lab).labBench.mapTime(g, s), [grid, steps]);
  console.log(`map (mapRuns, 7 classics × ${grid}² × ${steps}): ${(map.ms / 1000).toFixed(2)} s, ${(map.pointSteps / map.ms / 1e3).toFixed(1)} M point-steps/s`);
  const sw = await page.evaluate(() => (globalThis as unknown as Lab).labBench.sweepTime(61, 5000));
  console.log(`sweep (7 classics × 61 values × 5000 updates): ${(sw.ms / 1000).toFixed(2)} s`);
  console.log(`load average ${load()}`);
} finally {
  await browser.close();
}

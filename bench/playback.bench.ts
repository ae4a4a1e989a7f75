/**
 * Playback frame rate of the surfaces tab in headless Chromium (Debian's /usr/bin/chromium), on the
 * production build: 7 optimizers × 5,000 recorded steps, playing at 1,000 iterations per second, frame
 * times taken from requestAnimationFrame timestamps over 4 s. Scenarios: Rosenbrock overlaid, the same
 * with gradient noise σ = 3 (jittery paths, so path decimation saves little), small multiples, zoomed in
 * on the valley floor (a committed `dom=`), and overlaid while a Ctrl + wheel gesture zooms in and out
 * throughout (a wheel event every 16 ms: the drawn layers are transformed, nothing is traced until the
 * gesture ends, which is after the measurement), and the 3-D view (plot=3d: a three.js render per frame, in
 * SwiftShader's software WebGL on this machine).
 *
 *   npx vite build && npx tsx bench/playback.bench.ts
 *
 * Prints mean and 5th-percentile fps (p95 frame time) per scenario. Numbers depend on the machine and
 * its load; record them with the date in the README.
 */
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { CHROMIUM } from '../playwright.config.ts';

const SCENARIOS = [
  // Baseline: the same page, not playing, so the rAF rate the machine gives an idle page under its current load.
  { name: 'idle page (baseline)', hash: 's=rosenbrock&steps=5000', idle: true },
  { name: 'Rosenbrock, overlaid', hash: 's=rosenbrock&steps=5000' },
  { name: 'Rosenbrock, noise σ=3', hash: 's=rosenbrock&steps=5000&noise=3&seed=1' },
  { name: 'Rosenbrock, small multiples', hash: 's=rosenbrock&steps=5000&layout=grid' },
  { name: 'Rosenbrock, zoomed in', hash: 's=rosenbrock&steps=5000&dom=0,1.5,0,1.5' },
  { name: 'Rosenbrock, during Ctrl+wheel', hash: 's=rosenbrock&steps=5000', zooming: true },
  // The 3-D view (three.js in SwiftShader's software WebGL here): one render per frame while playing.
  { name: 'Rosenbrock, 3-D view', hash: 's=rosenbrock&steps=5000&plot=3d', three: true },
];
// Ctrl + wheel over the plot's centre every 16 ms, 10 events in (×2^0.1 each), 10 out, and so on.
const ZOOMING = `(() => {
  const el = document.querySelector('[role=img][aria-label^="Contour plot"]');
  const r = el.getBoundingClientRect();
  let n = 0;
  return setInterval(() => el.dispatchEvent(new WheelEvent('wheel', {
    ctrlKey: true, deltaY: Math.floor(n++ / 10) % 2 ? 20 : -20,
    clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, bubbles: true, cancelable: true,
  })), 16);
})()`;
const MEASURE_MS = 4000;

const server = await preview({ preview: { port: 4191, strictPort: false }, build: { outDir: process.env.E2E_OUT_DIR ?? 'dist' }, logLevel: 'silent' });
const base = server.resolvedUrls?.local[0] ?? 'http://localhost:4191/';
const browser = await chromium.launch(CHROMIUM);
try {
  for (const s of SCENARIOS) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}#${s.hash}`);
    if ('three' in s) await page.locator('[data-testid=plot-3d][data-status=ready]').waitFor({ timeout: 30_000 });
    else await page.locator('path.marker').first().waitFor();
    const n = 'three' in s ? await page.getByRole('table', { name: /Iterations to target/ }).locator('tbody tr').count() : await page.locator('path.marker').count();
    const recorded = await page.getByTestId('iteration').textContent();
    await page.getByLabel('Speed').selectOption('1000');
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    if (!('idle' in s)) await page.getByRole('button', { name: 'Play' }).click();
    const zooming = 'zooming' in s ? ((await page.evaluate(ZOOMING)) as number) : null;
    // A string, not a function: tsx's name-keeping helpers do not exist in the page.
    const frames = (await page.evaluate(`new Promise((resolve) => {
      const times = [];
      let first = -1, last = -1;
      const tick = (t) => {
        if (last >= 0) times.push(t - last);
        if (first < 0) first = t;
        last = t;
        if (t - first < ${MEASURE_MS}) requestAnimationFrame(tick);
        else resolve(times);
      };
      requestAnimationFrame(tick);
    })`)) as number[];
    const shown = await page.getByTestId('iteration').textContent();
    // Proof the gesture was previewing while measured: the bands carry its transform.
    const preview = zooming === null ? '' : ((await page.evaluate(`document.querySelector('[data-testid=contours]').style.transform`)) as string);
    if (zooming !== null) await page.evaluate(`clearInterval(${zooming})`);
    const sorted = [...frames].sort((a, b) => a - b);
    const mean = frames.reduce((a, b) => a + b, 0) / frames.length;
    const p95 = sorted[Math.floor(sorted.length * 0.95)];
    console.log(
      `${s.name.padEnd(30)} ${n} paths, budget ${recorded?.split('/')[1].trim()}: ${frames.length} frames, ` +
        `mean ${(1000 / mean).toFixed(1)} fps (${mean.toFixed(2)} ms), p95 frame ${p95.toFixed(2)} ms = ${(1000 / p95).toFixed(1)} fps; playhead reached ${shown}${zooming === null ? '' : `; preview ${preview || 'none'}`}`,
    );
    await page.close();
  }
} finally {
  await browser.close();
  await new Promise<void>((r) => server.httpServer.close(() => r()));
}

// @ts-check
/**
 * Memory of the MNIST tab's renderer process (its workers run inside it) while a race trains on full data,
 * sampled every 100 ms from /proc (Linux), in two measures:
 *   rss:       resident set size, as `ps` shows it; it also counts the pages of Chromium's own binary and
 *              shared libraries that the renderer has touched (about 135 MB here), which other processes share;
 *   footprint: the renderer's own anonymous memory (/proc/PID/smaps_rollup "Anonymous"; no swap here), what
 *              Chromium's task manager calls the memory footprint of a tab on Linux.
 * Serves a production build with `vite preview`; opens the app on the Surfaces tab and clicks MNIST, as a
 * visitor does (the Surfaces tab stays mounted), or with `direct` opens the MNIST link itself.
 *
 *   npx vite build --outDir DIR && node bench/mnist-renderer-memory.mjs ENTRANTS EPOCHS CORES [DIR] [PORT] [click|direct] [landscape]
 *   e.g. node bench/mnist-renderer-memory.mjs sgd,momentum,nag,adagrad,adadelta,rmsprop,adam 1 2
 *
 * CORES overrides navigator.hardwareConcurrency, which caps the workers running at once. Prints, in MB,
 * {"loaded" (data loaded, before training), "peak", "after" (every run done, a second later), "afterGc"}, each
 * {"rss", "footprint"}, as JSON. With `landscape`, the visitor then computes the race's landscape (the panel's
 * defaults: PCA, 31 × 31 on 2,000 images) and "landscape" is the peak from the click to the figure.
 */
import { chromium } from '@playwright/test';
import { spawn, execSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
const [opt, epochs, cores, out = 'dist', port = '4173', flow = 'click', then = ''] = process.argv.slice(2);
const root = fileURLToPath(new URL('..', import.meta.url));
const server = spawn(`${root}node_modules/.bin/vite`, ['preview', '--outDir', out, '--port', port, '--strictPort'], { cwd: root, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 3000));
const dir = `/tmp/mnist-memory-profile-${Date.now()}`;
const ctx = await chromium.launchPersistentContext(dir, {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
/** The renderers of this profile (not Chromium's own UI): [pid, rss MB]. */
const renderers = () =>
  execSync('ps -eo pid,rss,args --no-headers').toString().trim().split('\n').map((l) => l.trim().split(/\s+/))
    .filter((p) => { const a = p.slice(2).join(' '); return a.includes(`--user-data-dir=${dir}`) && a.includes('--type=renderer') && !a.includes('--top-chrome-webui'); })
    .map((p) => [p[0], Number(p[1]) / 1024]);
let tab = '';
const measure = () => {
  try {
    const t = readFileSync(`/proc/${tab}/smaps_rollup`, 'utf8');
    const kb = (k) => Number(t.match(new RegExp(`^${k}:\\s+(\\d+)`, 'm'))?.[1] ?? NaN);
    return { rss: Math.round(kb('Rss') / 1024), footprint: Math.round(kb('Anonymous') / 1024) };
  } catch {
    return { rss: 0, footprint: 0 };
  }
};
const page = await ctx.newPage();
const cdp = await ctx.newCDPSession(page);
await page.addInitScript((n) => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => n }), Number(cores));
const link = `#m.opt=${encodeURIComponent(opt)}&m.epochs=${epochs}`;
if (flow === 'direct') {
  await page.goto(`http://localhost:${port}/${link}&tab=mnist`);
} else {
  await page.goto(`http://localhost:${port}/${link}`);
  await page.waitForTimeout(2000);
  await page.getByRole('tab', { name: 'MNIST' }).click();
}
await page.waitForSelector('[data-phase="ready"]', { timeout: 120000 });
await page.waitForTimeout(1000);
tab = String(renderers().reduce((a, b) => (b[1] > a[1] ? b : a))[0]);
const loaded = measure();
/** Samples every 100 ms into a peak, until stopped. */
const sampling = () => {
  const peak = measure();
  const timer = setInterval(() => {
    const m = measure();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.footprint = Math.max(peak.footprint, m.footprint);
  }, 100);
  return { peak, stop: () => clearInterval(timer) };
};
const race = sampling();
const peak = race.peak;
await page.getByTestId('train').click();
const n = opt.split(',').length;
await page.waitForFunction((n) => document.querySelectorAll('[data-testid="mnist-scoreboard"] [data-testid="status"].done').length === n, n, { timeout: 900000, polling: 200 });
await page.waitForTimeout(1000);
race.stop();
const after = measure();
let landscape;
if (then === 'landscape') {
  const drawing = sampling();
  await page.getByTestId('landscape-compute').click();
  await page.waitForSelector('[data-testid="landscape-figure"] svg', { timeout: 600000 });
  await page.waitForTimeout(1000);
  drawing.stop();
  landscape = drawing.peak;
}
await cdp.send('HeapProfiler.collectGarbage');
await page.waitForTimeout(500);
console.log(JSON.stringify({ opt, epochs, cores, flow, loaded, peak, after, landscape, afterGc: measure() }));
await ctx.close();
rmSync(dir, { recursive: true, force: true });
server.kill();

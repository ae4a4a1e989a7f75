// @ts-check
/**
 * Peak RSS of the MNIST tab's renderer process (its workers run inside it) while a race trains on full data,
 * sampled every 200 ms from `ps` (Linux). Serves a production build with `vite preview`.
 *
 *   npx vite build --outDir DIR && node bench/mnist-renderer-memory.mjs ENTRANTS EPOCHS CORES [DIR] [PORT]
 *   e.g. node bench/mnist-renderer-memory.mjs sgd,momentum,nag,adagrad,adadelta,rmsprop,adam 1 7
 *
 * CORES overrides navigator.hardwareConcurrency, which caps the workers running at once. Prints
 * {"loadedMB" (data loaded, before training), "peakMB", "afterMB"} as JSON.
 */
import { chromium } from '@playwright/test';
import { spawn, execSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
const [opt, epochs, cores, out = 'dist', port = '4173'] = process.argv.slice(2);
const root = fileURLToPath(new URL('..', import.meta.url));
const server = spawn(`${root}node_modules/.bin/vite`, ['preview', '--outDir', out, '--port', port, '--strictPort'], { cwd: root, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 3000));
const dir = `/tmp/mnist-memory-profile-${Date.now()}`;
const ctx = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium' });
// The renderers of this profile (not Chromium's own UI), by pid: RSS in MB.
const renderers = () =>
  execSync('ps -eo pid,rss,args --no-headers').toString().trim().split('\n').map((l) => l.trim().split(/\s+/))
    .filter((p) => { const a = p.slice(2).join(' '); return a.includes(`--user-data-dir=${dir}`) && a.includes('--type=renderer') && !a.includes('--top-chrome-webui'); })
    .map((p) => [p[0], Number(p[1]) / 1024]);
let tab = null;
const rss = () => { const r = renderers().find(([pid]) => pid === tab); return r ? r[1] : 0; };
const page = await ctx.newPage();
await page.addInitScript((n) => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => n }), Number(cores));
await page.goto(`http://localhost:${port}/#m.opt=${encodeURIComponent(opt)}&m.epochs=${epochs}&tab=mnist`);
await page.waitForSelector('[data-phase="ready"]', { timeout: 120000 });
await page.waitForTimeout(1000);
tab = renderers().reduce((a, b) => (b[1] > a[1] ? b : a))[0];
const loaded = rss();
let peak = loaded;
const timer = setInterval(() => (peak = Math.max(peak, rss())), 200);
await page.getByTestId('train').click();
const n = opt.split(',').length;
await page.waitForFunction((n) => document.querySelectorAll('[data-testid="mnist-scoreboard"] .status.done').length === n, n, { timeout: 900000 });
clearInterval(timer);
console.log(JSON.stringify({ opt, epochs, cores, loadedMB: Math.round(loaded), peakMB: Math.round(peak), afterMB: Math.round(rss()) }));
await ctx.close();
rmSync(dir, { recursive: true, force: true });
server.kill();

// Peak RSS of this browser's renderer processes (the tab, its workers included) while a race trains.
import { chromium } from '@playwright/test';
import { spawn, execSync } from 'node:child_process';
const [opt, epochs, cores] = process.argv.slice(2);
const server = spawn('/work/wt-mnist-honest/node_modules/.bin/vite', ['preview', '--outDir', '/tmp/dist-mnist-honest', '--port', '4314', '--strictPort'], { cwd: '/work/wt-mnist-honest', stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 3000));
const dir = `/tmp/mnist-honest-profile-${Date.now()}`;
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
await page.goto(`http://localhost:4314/#m.opt=${encodeURIComponent(opt)}&m.epochs=${epochs}&tab=mnist`);
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
server.kill();

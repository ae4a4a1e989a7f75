/**
 * Issue 4 in Chromium: the app's exports equal the CLI's for the same state, the animated SVG is static
 * under reduced motion, PNG and data downloads carry real content, and the embed snippet reproduces the
 * app's race summary. Issue 8: small multiples on screen export (SVG and PNG) and embed as small multiples.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Download, type Page } from '@playwright/test';
import { decodePng, pixelStats } from '../tests/export/png-pixels.ts';
import { elements } from '../tests/export/svg-inspect.ts';
import { scoreboard } from './helpers.ts';
import { cliStdout } from '../tests/cli/run-cli.ts';

const HASH = 's=himmelblau&steps=80&opt=sgd,nag,adam&adam.lr=0.05&k=40';
const CLI_STATE = ['--surface', 'himmelblau', '--steps', '80', '--optimizers', 'sgd,nag,adam', '--set', 'adam.lr=0.05'];

/** The bundled CLI (`npm run build:cli`; npm test builds it before the e2e tests). */
const cli = (args: string[]): string => cliStdout(args);

async function downloadOf(page: Page, click: () => Promise<void>): Promise<{ download: Download; text: () => string; bytes: () => Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  // Read at once: another Playwright run on this machine may clear test-results/ meanwhile.
  const bytes = readFileSync(await download.path());
  return { download, text: () => bytes.toString('utf8'), bytes: () => bytes };
}

// Generous: the shared 2-core machine is slow at times.
test.describe.configure({ timeout: 120_000 });

test.beforeEach(async ({ page }) => {
  await page.goto(`/#${HASH}`);
  await expect(scoreboard(page).locator('tbody tr')).toHaveCount(3);
});

test('Export SVG downloads exactly the SVG `cli render` writes for the same state', async ({ page }) => {
  const file = await downloadOf(page, () => page.getByRole('button', { name: 'Export SVG', exact: true }).click());
  expect(file.download.suggestedFilename()).toBe('himmelblau.svg');
  const expected = cli(['render', ...CLI_STATE, '--k', '40', '--out', '-']);
  expect(file.text()).toBe(expected);
  expect(file.text()).toContain('<desc id="opf-desc">');
});

test('the animated SVG draws itself, and is the finished, static figure under prefers-reduced-motion', async ({ page, browser }) => {
  const file = await downloadOf(page, () => page.getByRole('button', { name: 'Export animated SVG' }).click());
  expect(file.download.suggestedFilename()).toBe('himmelblau-animated.svg');
  expect(file.text()).toBe(cli(['render', ...CLI_STATE, '--k', '40', '--animated', '--out', '-']));
  // Opened as an .svg file on its own, the way a reader's browser shows a downloaded figure.
  const path = join(mkdtempSync(join(tmpdir(), 'opf-e2e-')), 'himmelblau-animated.svg');
  writeFileSync(path, file.bytes());

  const moving = await browser.newPage();
  await moving.emulateMedia({ reducedMotion: 'no-preference' });
  await moving.goto(`file://${path}`);
  const styleOf = (p: Page) =>
    p.evaluate(() =>
      Array.from(document.querySelectorAll('mask path, path.opf-anim'), (el) => {
        const cs = getComputedStyle(el);
        return { name: cs.animationName, offset: cs.strokeDashoffset, opacity: cs.opacity };
      }),
    );
  const animated = await styleOf(moving);
  expect(animated.length).toBe(6); // 3 masks + 3 end markers
  expect(animated.map((s) => s.name)).toEqual(['opf-m0', 'opf-m1', 'opf-m2', 'opf-e0', 'opf-e1', 'opf-e2']);
  await moving.close();

  const still = await browser.newPage();
  await still.emulateMedia({ reducedMotion: 'reduce' });
  await still.goto(`file://${path}`);
  for (const s of await styleOf(still)) {
    expect(s.name).toBe('none');
    expect(s.offset).toBe('0px');
    expect(s.opacity).toBe('1');
  }
  await still.close();
});

test('Export PNG at 2× gives a 1440 × 960 image with real content', async ({ page }) => {
  await page.getByRole('combobox', { name: 'PNG scale' }).selectOption('2');
  const file = await downloadOf(page, () => page.getByRole('button', { name: 'Export PNG' }).click());
  expect(file.download.suggestedFilename()).toBe('himmelblau@2x.png');
  const px = decodePng(file.bytes());
  expect([px.width, px.height]).toEqual([1440, 960]);
  const stats = pixelStats(px);
  expect(stats.nonWhite).toBeGreaterThan(400_000);
  expect(stats.distinct).toBeGreaterThan(200);
});

test('Export data writes the `cli race --json` JSON and a CSV of every iterate', async ({ page }) => {
  const json = await downloadOf(page, () => page.getByRole('button', { name: 'Export data' }).click());
  expect(json.download.suggestedFilename()).toBe('himmelblau-race.json');
  // Byte-equal to the CLI: the race is computed with the same code in Node and in Chromium, and nothing in
  // it depends on an engine's Math.pow rounding (Adam keeps β^t as a running product for that reason).
  expect(json.text()).toBe(cli(['race', ...CLI_STATE, '--json']));

  await page.getByRole('combobox', { name: 'Data format' }).selectOption('csv');
  const csv = await downloadOf(page, () => page.getByRole('button', { name: 'Export data' }).click());
  const lines = csv.text().trimEnd().split('\n');
  expect(lines[0]).toBe('optimizer,iteration,x,y,loss');
  const runs = JSON.parse(json.text()).runs as { optimizer: string; path: number[][] }[];
  expect(lines).toHaveLength(1 + runs.reduce((n, r) => n + r.path.length, 0));
  expect(lines[1]).toBe(`sgd,0,${runs[0].path[0].join(',')}`);
});

test('Copy link gives the full app URL of this view', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.getByRole('textbox', { name: 'Link to this view' }).inputValue();
  expect(link).toBe(page.url());
});

test("the embed snippet shows the app's race summary under the figure, responsive in its iframe", async ({ page, browser }) => {
  // Issue 8: the embedded scoreboard is the app's summary sentence; the figure's legend has the rest.
  const appSummary = await page.getByText(/settled within the target first/).innerText();
  await page.getByText('Embed', { exact: true }).click();
  const snippet = await page.getByTestId('embed-snippet').inputValue();
  expect(snippet).toMatch(/^<iframe src="http:\/\/localhost:\d+\/embed\.html\?controls=playback#v=2&amp;s=himmelblau&amp;/);

  const host = await browser.newPage({ viewport: { width: 900, height: 800 } });
  const requests: string[] = [];
  host.on('request', (r) => requests.push(r.url()));
  await host.setContent(`<!doctype html><body style="margin:0">${snippet}</body>`);
  const frame = host.frameLocator('iframe');
  await expect(frame.getByText(appSummary, { exact: true })).toBeVisible();
  await expect(frame.getByRole('table')).toHaveCount(0);
  // The figure fills the iframe's width (700 px wide snippet, 8 px padding each side) rather than overflowing it.
  const box = await frame.getByRole('img', { name: /^Himmelblau/ }).boundingBox();
  expect(box!.width).toBeGreaterThan(680);
  expect(box!.width).toBeLessThanOrEqual(700);
  // Everything it loaded is its own page and bundle; once loaded it works offline (scrubbing re-renders).
  const origin = new URL(page.url()).origin;
  for (const url of requests) expect(url.startsWith(`${origin}/embed.html`) || url.startsWith(`${origin}/assets/`), url).toBe(true);
  const before = requests.length;
  await host.context().setOffline(true);
  await frame.getByRole('slider', { name: 'Iteration' }).fill('10');
  await expect(frame.getByText('By iteration 10, no optimizer has settled within the target.')).toBeVisible();
  expect(requests.length).toBe(before);
  await host.close();
});

test('a hostile embed link shows text, never markup or script', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto('/embed.html?controls=%3Cscript%3Ealert(1)%3C%2Fscript%3E#f=x%3C%2Fsvg%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&start=%22%20onload%3D%22alert(2)');
  await expect(page.getByTestId('notice')).toContainText('was rejected');
  await expect(page.getByRole('img', { name: /^Elongated bowl/ })).toBeVisible();
  expect(await page.locator('img, script:not([src]), foreignObject').count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test('small multiples on screen export as small multiples: one titled panel per run, same domain', async ({ page }) => {
  await page.getByLabel('Small multiples').check();
  await expect(page.locator('.multiples figure')).toHaveCount(3);
  const file = await downloadOf(page, () => page.getByRole('button', { name: 'Export SVG', exact: true }).click());
  // Opened as the reader's browser opens a downloaded .svg.
  const path = join(mkdtempSync(join(tmpdir(), 'opf-e2e-')), 'himmelblau-grid.svg');
  writeFileSync(path, file.bytes());
  const figure = await page.context().newPage();
  await figure.goto(`file://${path}`);
  const panels = await figure.evaluate(() =>
    Array.from(document.querySelectorAll('clipPath[id^="opf-plot"] rect'), (r) => {
      const b = (r as SVGRectElement).getBBox();
      return [b.width, b.height];
    }),
  );
  expect(panels).toHaveLength(3);
  for (const p of panels) expect(p).toEqual(panels[0]);
  expect(await figure.locator('g[data-optimizer]').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-optimizer')))).toEqual(['sgd', 'nag', 'adam']);
  const texts = await figure.locator('text').allTextContents();
  for (const name of ['SGD', 'Nesterov', 'Adam']) expect(texts.filter((t) => t === name).length).toBe(2); // panel title + legend row
  expect(texts).toContain('iteration 40 of 80');
  expect(texts).toContain('start');
  expect(texts).toContain('lr=0.05 β1=0.9 β2=0.999 ε=1e-8');
  await figure.screenshot({ path: 'e2e/artifacts/export-small-multiples.png' });
  await figure.close();
});

test('small multiples export as a PNG of the same panels: the expected pixel size, a filled plot per panel, white between', async ({ page }) => {
  await page.getByLabel('Small multiples').check();
  await expect(page.locator('.multiples figure')).toHaveCount(3);
  const svg = await downloadOf(page, () => page.getByRole('button', { name: 'Export SVG', exact: true }).click());
  const panels = elements(svg.text())
    .filter((e) => e.name === 'rect' && /^opf-plot\d$/.test(e.ancestors.at(-1)?.attrs.id ?? ''))
    .map((r) => ({ x: Number(r.attrs.x), y: Number(r.attrs.y), w: Number(r.attrs.width), h: Number(r.attrs.height) }));
  expect(panels).toHaveLength(3);
  await page.getByRole('combobox', { name: 'PNG scale' }).selectOption('2');
  const file = await downloadOf(page, () => page.getByRole('button', { name: 'Export PNG' }).click());
  expect(file.download.suggestedFilename()).toBe('himmelblau@2x.png');
  const px = decodePng(file.bytes());
  expect([px.width, px.height]).toEqual([1440, 960]);
  const stats = pixelStats(px);
  expect(stats.nonWhite).toBeGreaterThan(200_000);
  expect(stats.distinct).toBeGreaterThan(200);
  /** Share of non-white pixels in a box of figure pixels (the PNG is at 2×). */
  const inked = (x0: number, y0: number, w: number, h: number): number => {
    let n = 0;
    let ink = 0;
    for (let y = Math.round(2 * y0); y < Math.round(2 * (y0 + h)); y++) {
      for (let x = Math.round(2 * x0); x < Math.round(2 * (x0 + w)); x++) {
        const i = (y * px.width + x) * px.channels;
        n += 1;
        if (px.data[i] < 245 || px.data[i + 1] < 245 || px.data[i + 2] < 245) ink += 1;
      }
    }
    return ink / n;
  };
  // Each panel is filled by its contour bands; the gutter between the first two panels is white.
  for (const p of panels) expect(inked(p.x + 2, p.y + 2, p.w - 4, p.h - 4)).toBeGreaterThan(0.95);
  const [a, b] = panels.filter((p) => p.y === panels[0].y);
  expect(b.x).toBeGreaterThan(a.x + a.w + 4);
  expect(inked(a.x + a.w + 2, a.y, b.x - a.x - a.w - 4, a.h * 0.9)).toBeLessThan(0.02);
});

test('layout=grid works in embed.html: the embedded figure is the small multiples, and plays back', async ({ page }) => {
  await page.goto(`/embed.html?controls=playback#${HASH}&layout=grid`);
  const figure = page.getByRole('img', { name: /^Himmelblau/ });
  await expect(figure).toBeVisible();
  await expect(figure.locator('g.start')).toHaveCount(3);
  await expect(figure.locator('text', { hasText: /^iteration 40 of 80$/ })).toHaveCount(1);
  await page.getByRole('slider', { name: 'Iteration' }).fill('10');
  await expect(figure.locator('text', { hasText: /^iteration 10 of 80$/ })).toHaveCount(1);
  await expect(figure.locator('g.start')).toHaveCount(3);
  await page.screenshot({ path: 'e2e/artifacts/embed-small-multiples.png', fullPage: true });
});

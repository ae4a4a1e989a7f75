/**
 * Issue 8: the embed snippet as a blogger pastes it, into a page whose text column is 700 px wide. For
 * every embed option (controls none, playback, all) and both layouts (overlaid, small multiples), the
 * snippet's default height fits the embedded page: nothing scrolls inside the iframe, the "Open in …"
 * link is within its viewport, and less than a line of white is left under it; the same for a sweep's
 * and a start-point map's finished figure. Screenshots of each go to e2e/artifacts/embed-700-*.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { scoreboard } from './helpers.ts';

const HASH = 's=himmelblau&steps=80&opt=sgd,nag,adam&adam.lr=0.05&k=40';
const COLUMN = 700;
/** The summary's line (0.95rem × 1.4): a fitted height leaves less than this under the link. */
const LINE = 21.28;

// Generous: "Everything" loads the whole app three times (the app, the panel's measurement, the embed).
test.describe.configure({ timeout: 120_000 });

/** The snippet once its height has stopped changing (the whole app's is measured as the page settles). */
async function settledSnippet(page: Page): Promise<string> {
  const box = page.getByTestId('embed-snippet');
  await expect(box).toHaveValue(/^<iframe /, { timeout: 30_000 });
  let last = await box.inputValue();
  for (;;) {
    await page.waitForTimeout(1000);
    const now = await box.inputValue();
    if (now === last) return now;
    last = now;
  }
}

const CASES = [
  { controls: 'none', label: 'None' },
  { controls: 'playback', label: 'Playback' },
  { controls: 'all', label: 'Everything' },
] as const;

for (const { controls, label } of CASES) {
  for (const layout of ['overlay', 'grid'] as const) {
    test(`controls=${controls}, ${layout}: the snippet's default height fits the page in a ${COLUMN} px column`, async ({ page, browser }) => {
      await page.goto(`/#${HASH}${layout === 'grid' ? '&layout=grid' : ''}`);
      await expect(scoreboard(page).locator('tbody tr')).toHaveCount(3);
      await page.getByText('Embed', { exact: true }).click();
      await page.getByLabel(label, { exact: true }).check();
      const snippet = await settledSnippet(page);
      expect(snippet).toContain(`embed.html?controls=${controls}#`);
      expect(snippet).toContain(` width="${COLUMN}" `);
      const height = Number(/ height="(\d+)"/.exec(snippet)![1]);

      const host = await browser.newPage({ viewport: { width: 1000, height: 900 } });
      await host.setContent(`<!doctype html><body style="margin:0"><article style="width:${COLUMN}px;margin:0 auto">${snippet}</article></body>`);
      const frame = host.frameLocator('iframe');
      const link = frame.getByRole('link', { name: 'Open in Optimizer playground' });
      await expect(link).toBeAttached();
      await expect(frame.getByRole('img', { name: /^Himmelblau/ }).or(frame.getByRole('table', { name: /Iterations to target/ }))).toBeVisible();
      const embedded = host.frames().find((f) => f.url().includes('/embed.html'))!;
      await embedded.evaluate(() => document.fonts.ready);
      const fit = await embedded.evaluate(() => {
        const root = document.documentElement;
        const a = document.querySelector('.credit a')!.getBoundingClientRect();
        return { width: innerWidth, height: innerHeight, scroll: root.scrollHeight, content: root.getBoundingClientRect().height, linkTop: a.top, linkBottom: a.bottom };
      });
      expect([fit.width, fit.height]).toEqual([COLUMN, height]);
      expect(fit.scroll).toBeLessThanOrEqual(height);
      expect(fit.linkTop).toBeGreaterThanOrEqual(0);
      expect(fit.linkBottom).toBeLessThanOrEqual(height);
      // Fitted, not merely generous: less than a line of white under the link.
      expect(height - fit.content).toBeLessThan(LINE);
      await host.screenshot({ path: `e2e/artifacts/embed-${COLUMN}-${controls}-${layout}.png`, fullPage: true });
      await host.close();
    });
  }
}

for (const { name, hash, drawn } of [
  { name: 'sweep', hash: 's=bowl&opt=sgd,momentum&lab=sweep:points=11', drawn: 'lr < 2/λmax = 1' },
  { name: 'map', hash: 's=himmelblau&opt=sgd,nag,adam&steps=80&lab=map:res=32:colour=basins', drawn: 'Minimum the run ends in' },
]) {
  test(`lab=${name}: the snippet's default height fits the finished figure in a ${COLUMN} px column`, async ({ page, browser }) => {
    await page.goto(`/#${hash}`);
    await page.getByText('Embed', { exact: true }).click();
    const snippet = await settledSnippet(page);
    const height = Number(/ height="(\d+)"/.exec(snippet)![1]);
    // embed-size.test.ts works these out: the sweep at the race figure's 720 × 480, the map at 960 × 720.
    expect(height).toBe(name === 'map' ? 556 : 499);

    const host = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    await host.setContent(`<!doctype html><body style="margin:0"><article style="width:${COLUMN}px;margin:0 auto">${snippet}</article></body>`);
    const frame = host.frameLocator('iframe');
    await expect(frame.locator('svg text', { hasText: drawn }).first()).toBeAttached({ timeout: 30_000 });
    await expect(frame.getByRole('status')).toHaveCount(0, { timeout: 30_000 });
    const embedded = host.frames().find((f) => f.url().includes('/embed.html'))!;
    await embedded.evaluate(() => document.fonts.ready);
    const fit = await embedded.evaluate(() => {
      const root = document.documentElement;
      const a = document.querySelector('.credit a')!.getBoundingClientRect();
      return { height: innerHeight, scroll: root.scrollHeight, content: root.getBoundingClientRect().height, linkBottom: a.bottom };
    });
    expect(fit.height).toBe(height);
    expect(fit.scroll).toBeLessThanOrEqual(height);
    expect(fit.linkBottom).toBeLessThanOrEqual(height);
    expect(height - fit.content).toBeLessThan(LINE);
    await host.screenshot({ path: `e2e/artifacts/embed-${COLUMN}-lab-${name}.png`, fullPage: true });
    await host.close();
  });
}

test('the embedded scoreboard is the summary alone: the figure legend names the runs, the table would repeat it', async ({ page }) => {
  await page.goto(`/embed.html?controls=playback#${HASH}`);
  const figure = page.getByRole('img', { name: /^Himmelblau/ });
  await expect(figure).toBeVisible();
  // The legend: each run's name, hyperparameters and iterations to target (SGD 21; Nesterov touched the target
  // at 38 and is above it at 40, settling at 48; Adam not yet).
  for (const text of ['SGD', 'Nesterov', 'Adam', 'lr=0.05 β1=0.9 β2=0.999 ε=1e-8', '21', 'touched at 38, then left it', 'not reached']) {
    await expect(figure.locator('text').filter({ hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).first()).toBeAttached();
  }
  await expect(page.getByRole('table')).toHaveCount(0);
  const summary = page.getByText(/settled within the target/);
  // Issue 9: Nesterov touched the target at 38 but is above it at 40, so only SGD counts.
  await expect(summary).toHaveText('SGD settled within the target first, in 21 iterations; 1 of 3 has settled by iteration 40.');
  // Below the figure nothing repeats the legend: no run is named but in the summary's "who was first".
  const below = (await page.locator('main > :not(.figure)').allInnerTexts()).join('\n');
  expect(below).not.toMatch(/Nesterov|Adam|lr=|not reached/);
  await page.getByRole('slider', { name: 'Iteration' }).fill('10');
  await expect(summary).toHaveText('By iteration 10, no optimizer has settled within the target.');
  await page.getByRole('slider', { name: 'Iteration' }).fill('80');
  await expect(summary).toHaveText('SGD settled within the target first, in 21 iterations; 2 of 3 have settled by iteration 80.');
});

test('the height follows the width, and a height typed in stays until "Fit height"', async ({ page }) => {
  await page.goto(`/#${HASH}`);
  await page.getByText('Embed', { exact: true }).click();
  const snippet = page.getByTestId('embed-snippet');
  const panel = page.locator('details.embed');
  await expect(snippet).toHaveValue(/ width="700" height="601" /);
  await panel.getByLabel('Width').fill('1000');
  await expect(snippet).toHaveValue(/ width="1000" height="773" /);
  await panel.getByLabel('Height').fill('500');
  await expect(snippet).toHaveValue(/ width="1000" height="500" /);
  await panel.getByLabel('None', { exact: true }).check();
  await expect(snippet).toHaveValue(/ width="1000" height="500" /);
  await panel.getByRole('button', { name: 'Fit height' }).click();
  await expect(snippet).toHaveValue(/ width="1000" height="699" /);
  await expect(panel.getByRole('button', { name: 'Fit height' })).toHaveCount(0);
  await panel.getByLabel('Width').fill('200');
  await expect(panel.getByRole('alert')).toHaveText('Width must be whole pixels, 360–4000.');
  await expect(snippet).toHaveValue('');
  await expect(panel.getByRole('button', { name: 'Copy snippet' })).toBeDisabled();
});

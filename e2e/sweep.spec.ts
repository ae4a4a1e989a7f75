/**
 * The Sweep view in Chromium (issue 10): a small sweep of the bowl (21 grid values) runs on Web Workers with
 * a progress bar, then shows one curve per entrant, SGD's stability rule at lr = 2/λmax = 1 and the table;
 * clicking a point races that entrant at that value; the lab switch works from the keyboard and with Back;
 * Cancel stops a sweep; the embed page draws a `lab=sweep` link's sweep; Export SVG downloads the figure;
 * the view reads at 375 px without sideways scrolling of the page; an axe audit (WCAG 2.1 A/AA) finds no
 * serious or critical violation in it.
 */
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const SWEEP = '/#s=bowl&lab=sweep:points=21';
const plot = (page: Page) => page.getByTestId('sweep-plot');
const table = (page: Page) => page.getByTestId('sweep-table');
const labRadio = (page: Page, name: string) => page.getByRole('group', { name: 'What to show of this race' }).getByRole('radio', { name });

test('runs the sweep with progress, then shows curves, the SGD limit and the table', async ({ page }) => {
  await page.goto(SWEEP);
  await expect(page.getByTestId('sweep-progress')).toBeVisible();
  // Six entrants × 21 values, and AdaDelta's 17 (ε ≤ 1): 143 runs.
  await expect(page.getByTestId('sweep-progress')).toContainText(/Sweeping: \d+ of 143 runs/);
  await expect(table(page)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('sweep-progress')).toHaveCount(0);
  await expect(labRadio(page, 'Sweep')).toBeChecked();
  // One line per entrant (seven), drawn in their colours.
  await expect(plot(page).locator('path.p[stroke="#000000"]').first()).toBeVisible();
  await expect(plot(page).locator('svg text', { hasText: 'lr < 2/λmax = 1' })).toHaveCount(1);
  await expect(table(page).locator('tbody tr')).toHaveCount(7);
  const sgd = table(page).locator('tbody tr').first();
  await expect(sgd).toContainText('SGD');
  await expect(sgd).toContainText('lr < 2/λmax: 1 at the start, 1 at the minimum');
  // AdaDelta sweeps ε, clipped to ε ≤ 1: 17 of the 21 values.
  await expect(table(page).locator('tbody tr', { hasText: 'AdaDelta' })).toContainText('17 of 21 values');
  await expect(page.getByRole('table', { name: 'Best value on the grid, iterations there and window per entrant' })).toBeVisible();
  // The grid's best, said as such: the race's own lr 0.9 lies between grid values (0.562 settles in 36, 0.9 in 23).
  await expect(table(page).locator('thead')).toContainText('Best on the grid');
  await expect(sgd.locator('td').nth(2)).toHaveText('0.562');
  await expect(plot(page).locator('svg text', { hasText: 'best on the grid 0.562: 36 iterations' })).toHaveCount(1);
  // At 1280 px the table fits the race column: every row's Race button shows without scrolling sideways,
  // its words on one line.
  const region = page.getByRole('region', { name: 'Sweep results' });
  expect(await region.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  const buttons = table(page).getByRole('button', { name: /^Race at / });
  await expect(buttons).toHaveCount(7);
  const lines = await buttons.evaluateAll((bs) =>
    bs.map((b) => {
      const range = document.createRange();
      range.selectNodeContents(b);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    }),
  );
  expect(lines).toEqual([1, 1, 1, 1, 1, 1, 1]);
});

test('clicking a point races that entrant at that value', async ({ page }) => {
  await page.goto(SWEEP);
  await expect(table(page)).toBeVisible({ timeout: 30_000 });
  // SGD's run at lr = 10^-0.5 ≈ 0.316 (grid value 14 of 21).
  const point = plot(page).locator('circle[data-e="0"][data-v="0.31622776601683794"]');
  const box = (await point.boundingBox())!;
  await point.hover();
  await expect(page.getByText(/SGD, lr 0\.316: \d+ iterations\. Click to race with it\./)).toBeVisible();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(labRadio(page, 'Race')).toBeChecked();
  await expect(page).toHaveURL(/opt=sgd%3Alr%3D0\.31622776601683794|opt=sgd:lr=0\.31622776601683794/);
  await expect(page).not.toHaveURL(/lab=/);
  await expect(page.getByRole('table', { name: /Iterations to target/ })).toContainText('SGD lr=0.3162');
  // Back returns to the sweep, shown at once from the cache.
  await page.goBack();
  await expect(labRadio(page, 'Sweep')).toBeChecked();
  await expect(table(page)).toBeVisible();
  await expect(page.getByTestId('sweep-progress')).toHaveCount(0);
});

test('the lab switch is a radio group the keyboard drives, and Back undoes a switch', async ({ page }) => {
  await page.goto('/#s=bowl');
  await labRadio(page, 'Race').focus();
  await page.keyboard.press('ArrowRight');
  await expect(labRadio(page, 'Sweep')).toBeChecked();
  await expect(page).toHaveURL(/lab=sweep/);
  await expect(table(page)).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('ArrowLeft');
  await expect(labRadio(page, 'Race')).toBeChecked();
  await expect(page).not.toHaveURL(/lab=/);
  await page.goBack();
  await expect(labRadio(page, 'Sweep')).toBeChecked();
});

test('Cancel stops a sweep, which stays cancelled until it is run again', async ({ page }) => {
  // Rosenbrock's 3,000-step budget makes a sweep long enough to cancel: 6 × 61 values and AdaDelta's 49 (ε ≤ 1).
  await page.goto('/#s=rosenbrock&lab=sweep');
  const progress = page.getByTestId('sweep-progress');
  await expect(progress).toBeVisible();
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText(/Sweep cancelled after \d+ of 415 runs\./)).toBeVisible();
  await page.waitForTimeout(1000);
  await expect(progress).toHaveCount(0);
  await expect(table(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Run it' }).click();
  await expect(progress).toBeVisible();
});

test('the Swept select sweeps beta for a Momentum-only race: the x axis, the table and the link say so', async ({ page }) => {
  await page.goto('/#s=bowl&opt=momentum,nag&lab=sweep:points=11');
  await expect(table(page)).toBeVisible({ timeout: 30_000 });
  const swept = page.getByLabel('Swept');
  await expect(swept.locator('option')).toHaveText(['step parameter (lr / ε)', 'beta (momentum)']);
  await expect(plot(page).locator('svg text', { hasText: 'lr (log scale)' })).toHaveCount(1);
  await swept.selectOption({ label: 'beta (momentum)' });
  await expect(page).toHaveURL(/lab=sweep(%3A|:)points(%3D|=)11(%3A|:)param(%3D|=)beta/);
  await expect(plot(page).locator('svg text', { hasText: 'beta (log scale)' })).toHaveCount(1, { timeout: 30_000 });
  // β ∈ [0, 0.9999]: the grid's values up to 10^-0.5 (1 is past 0.9999), 8 of 11; no stability limit but for lr.
  await expect(table(page).locator('tbody tr')).toHaveCount(2);
  await expect(table(page).locator('tbody tr').first()).toContainText('beta');
  await expect(table(page).locator('tbody tr').first()).toContainText('8 of 11 values');
  await expect(plot(page).locator('svg text', { hasText: 'λmax' })).toHaveCount(0);
  // Back to the default, through the link too.
  await page.goBack();
  await expect(swept).toHaveValue('');
});

test('the embed page draws the sweep of its link', async ({ page }) => {
  await page.goto('/embed.html?controls=playback#s=bowl&lab=sweep:points=21');
  const figure = page.getByTestId('embed').locator('svg[aria-labelledby="ops-title ops-desc"]');
  await expect(figure).toBeVisible({ timeout: 30_000 });
  await expect(figure.locator('text', { hasText: 'lr < 2/λmax = 1' })).toHaveCount(1);
  await expect(page.getByRole('button', { name: /Play/ })).toHaveCount(0);
});

test('Export SVG downloads the sweep figure', async ({ page }) => {
  await page.goto(SWEEP);
  await expect(table(page)).toBeVisible({ timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export SVG', exact: true }).click()]);
  const svg = readFileSync(await download.path(), 'utf8');
  expect(svg).toContain('<title id="ops-title">Learning-rate sweep on Elongated bowl</title>');
  expect(svg).toContain('>lr &lt; 2/λmax = 1</text>');
  expect(svg).toContain('grid 1e-4 … 10, 21 log-spaced values');
  await expect(page.getByRole('button', { name: 'Export animated SVG' })).toHaveCount(0);
});

test.describe('at 375 px', () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });
  test('the sweep fits the width and its table scrolls in its own region', async ({ page }) => {
    await page.goto(SWEEP);
    await expect(table(page)).toBeVisible({ timeout: 30_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const figure = (await plot(page).locator('svg').first().boundingBox())!;
    expect(figure.width).toBeLessThanOrEqual(375);
    expect(figure.width).toBeGreaterThan(320);
    // The figure is drawn at its on-screen width: its text stays at its own size, not scaled down.
    expect(Number(await plot(page).locator('svg').first().getAttribute('width'))).toBeCloseTo(figure.width, -1);
    // The table's title stays outside its scrolling region, whole on the screen.
    const title = (await page.getByText('Best value on the grid, iterations there and window per entrant').boundingBox())!;
    expect(title.x + title.width).toBeLessThanOrEqual(375);
    // SGD's and Momentum's stability labels (lr 1 and 1.9) as drawn in the page's font: both shown, apart.
    const labels = await plot(page).locator('svg text[transform]', { hasText: 'λmax' }).evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect().toJSON()));
    expect(labels).toHaveLength(2);
    expect(labels[1].left - labels[0].right).toBeGreaterThanOrEqual(4);
    await page.screenshot({ path: 'e2e/artifacts/sweep-375.png', fullPage: false });
  });
});

test('axe finds no serious or critical WCAG 2.1 A/AA violation in the Sweep view', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(SWEEP);
  await expect(table(page)).toBeVisible({ timeout: 30_000 });
  const { violations } = await new AxeBuilder({ page }).include('section.sweep').include('.lab-switch').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('without Web Workers the sweep runs on the main thread, says so and finishes', async ({ page }) => {
  await page.addInitScript(() => {
    Reflect.deleteProperty(window, 'Worker');
    // The progress line may come and go between two polls of the test: a recorder sees every text it had.
    const seen: string[] = [];
    Object.assign(window, { progressSeen: seen });
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="sweep-progress"]')?.textContent;
      if (text) seen.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  // Seven entrants × 61 values × 3,000 steps of Rosenbrock, one entrant per task (Cancel between them: vitest).
  await page.goto('/#s=rosenbrock&lab=sweep');
  await expect(table(page).locator('tbody tr')).toHaveCount(7, { timeout: 60_000 });
  await expect(page.getByTestId('sweep-progress')).toHaveCount(0);
  const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
  expect(seen.some((t) => t.includes('on the main thread (Web Workers are unavailable here)'))).toBe(true);
});

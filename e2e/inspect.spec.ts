/**
 * Issue 11's update inspector in Chromium: a link with insp= opens the panel on that entrant, its θ_k is the
 * exported JSON's point at k, its arrows are on the plot, Step moves them and t increases; clicking a
 * scoreboard row inspects that entrant; the panel fits a 375 px screen.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { scoreboard } from './helpers.ts';

const HASH = 's=bowl&steps=80&opt=sgd,momentum,adam&k=5&insp=1';
const panel = (page: Page) => page.getByTestId('inspector');
const six = (v: number): number => Number(v.toPrecision(6));

test.describe.configure({ timeout: 120_000 });

test('a link with insp= shows the entrant\'s state at k, equal to the exported data, and Step moves it on', async ({ page }) => {
  await page.goto(`/#${HASH}`);
  await expect(scoreboard(page).locator('tbody tr')).toHaveCount(3);
  await expect(panel(page).getByTestId('inspector-pick')).toHaveValue('1');
  await expect(panel(page).getByTestId('inspector-t')).toHaveText('5');
  await expect(panel(page).locator('tr[data-key=v]')).toBeVisible();
  await expect(panel(page).getByTestId('inspector-rule').locator('.katex').first()).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export data' }).click()]);
  const runs = JSON.parse(readFileSync(await download.path(), 'utf8')).runs as { optimizer: string; path: number[][] }[];
  const momentum = runs.find((r) => r.optimizer === 'momentum')!;
  const [x, y] = momentum.path[5];
  expect(Number(await panel(page).getByTestId('inspector-theta-x').textContent())).toBe(six(x));
  expect(Number(await panel(page).getByTestId('inspector-theta-y').textContent())).toBe(six(y));

  const taken = page.locator('[data-testid=inspector-marks] [data-arrow=taken] line');
  await expect(page.locator('[data-testid=inspector-marks] [data-arrow=carry]')).toHaveCount(1);
  const before = await taken.getAttribute('x1');
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(panel(page).getByTestId('inspector-t')).toHaveText('6');
  const [x6, y6] = momentum.path[6];
  expect(Number(await panel(page).getByTestId('inspector-theta-x').textContent())).toBe(six(x6));
  expect(Number(await panel(page).getByTestId('inspector-theta-y').textContent())).toBe(six(y6));
  expect(await taken.getAttribute('x1')).not.toBe(before);
  await expect(page).toHaveURL(/insp=1/);
});

test('clicking a scoreboard row inspects that entrant; the adaptive one draws its ellipse', async ({ page }) => {
  await page.goto('/#s=bowl&steps=80&opt=sgd,momentum,adam&k=5');
  await expect(panel(page).getByTestId('inspector-pick')).toHaveValue('');
  await scoreboard(page).locator('tbody tr').nth(2).click();
  await expect(panel(page).getByTestId('inspector-pick')).toHaveValue('2');
  await expect(page.locator('[data-testid=inspector-marks] ellipse')).toHaveCount(1);
  await expect(page).toHaveURL(/insp=2/);
});

test('at 375 px the panel does not make the page scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(`/#${HASH}`);
  await expect(panel(page).getByTestId('inspector-t')).toHaveText('5');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

// The inspector and the lens sit on the page's grey, not in white cards: their .scroll-region covers take that
// grey (--scroll-cover), or a white band would show at each region's edges.
test('the scroll regions of the inspector and the lens are covered in the page\'s own colour', async ({ page }) => {
  await page.goto(`/#${HASH}&lens=start`);
  await expect(panel(page).getByTestId('inspector-rule')).toBeVisible();
  const regions = page.locator('[data-testid=inspector] .scroll-region, [data-testid=curvature-lens] .scroll-region');
  await expect(regions).toHaveCount(4);
  const pageColour = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  for (const image of await regions.evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundImage))) {
    expect(image.startsWith(`linear-gradient(to right, ${pageColour} 30%`)).toBe(true);
  }
});

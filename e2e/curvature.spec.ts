/**
 * Issue 11's curvature lens in Chromium: on the elongated bowl the panel reads κ = 10 and lr < 1 and the
 * plot shows the cross and ellipse; the toggle is view state (lens= in the link); at the current point it
 * follows Step; the saddle names its descending direction; the panel sits beside the plot (its right at
 * 1280 px, under the playback at 375 px); the panel fits a 375 px screen and axe (WCAG
 * 2.1 A/AA) finds no serious or critical violation in it. The exported SVG and the embed figure draw the same
 * marks, and the SVG is byte for byte `cli render --lens start`.
 */
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { noSideScroll, scoreboard, shot } from './helpers.ts';
import { cliStdout } from '../tests/cli/run-cli.ts';

const lensPanel = (page: Page) => page.getByTestId('curvature-lens');

test.describe.configure({ timeout: 120_000 });

for (const width of [1280, 375]) {
  test(`on the bowl the lens reads κ = 10 and lr < 1 at ${width} px`, async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/#s=bowl');
    await expect(page.getByTestId('lens-marks')).toHaveCount(0);
    await lensPanel(page).getByLabel('At the start').check();
    await expect(page).toHaveURL(/lens=start/);
    await expect(lensPanel(page).getByTestId('lens-kappa')).toHaveText('10');
    await expect(lensPanel(page).getByTestId('lens-text')).toContainText('SGD is stable here for lr < 2/λmax = 1.');
    await expect(lensPanel(page).getByTestId('lens-where')).toContainText('at the start (−7, 2)');
    await expect(page.locator('[data-testid=lens-marks] line')).toHaveCount(2);
    await expect(page.locator('[data-testid=lens-marks] path')).toHaveCount(1);
    expect(await noSideScroll(page)).toBe(true);
    // It reads beside the plot: at its right on a wide screen, right under the playback (before the scoreboard) on a phone.
    const plot = (await page.getByTestId('contours').boundingBox())!;
    const panel = (await lensPanel(page).boundingBox())!;
    if (width === 1280) {
      expect(panel.x).toBeGreaterThan(plot.x + plot.width);
      expect(panel.y).toBeLessThan(plot.y + plot.height);
    } else {
      expect(panel.y).toBeGreaterThan(plot.y + plot.height);
      expect(panel.y + panel.height).toBeLessThan((await scoreboard(page).boundingBox())!.y);
    }
    await lensPanel(page).scrollIntoViewIfNeeded();
    await shot(page, `curvature-bowl-${width}`);
    const { violations } = await new AxeBuilder({ page }).include('[data-testid=curvature-lens]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('at the current point the lens follows the shown entrant and Step', async ({ page }) => {
  await page.goto('/#s=rosenbrock&opt=adam&steps=50&k=0&lens=current');
  const where = lensPanel(page).getByTestId('lens-where');
  await expect(where).toContainText("at Adam's point at iteration 0, (−1.2, 1)");
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(where).toContainText('at iteration 1');
  await expect(lensPanel(page).getByTestId('lens-kappa')).not.toHaveText('');
});

test('on the saddle the lens names the descending direction', async ({ page }) => {
  await page.goto('/#s=saddle&start=0,0&lens=start');
  await expect(lensPanel(page).getByTestId('lens-text')).toContainText('A saddle: along ±(0, 1) the curvature is negative (λ = −2)');
  await expect(lensPanel(page).getByTestId('lens-kappa')).toContainText('undefined');
  await expect(page.locator('[data-testid=lens-marks] line[data-arm=down]')).toHaveCount(1);
  await expect(page.getByTestId('notice')).toHaveCount(0);
});

test('works for a typed function: x² + 4y² reads κ = 4 and lr < 0.25, in small multiples too', async ({ page }) => {
  await page.goto('/#f=x%5E2%20%2B%204*y%5E2&start=1,1&opt=sgd,adam&layout=grid&lens=start');
  await expect(lensPanel(page).getByTestId('lens-kappa')).toHaveText('4');
  await expect(lensPanel(page).getByTestId('lens-text')).toContainText('SGD is stable here for lr < 2/λmax = 0.25.');
  await expect(page.getByTestId('lens-marks')).toHaveCount(2);
  await expect(page.getByTestId('notice')).toHaveCount(0);
});

test('the exported SVG and the embed figure draw the lens, as `cli render --lens start` does', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/#s=bowl&lens=start');
  await expect(page.locator('[data-testid=lens-marks] line')).toHaveCount(2);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export SVG', exact: true }).click()]);
  const svg = readFileSync(await download.path(), 'utf8');
  expect([...svg.matchAll(/<g class="lens"[^>]*>.*?<\/g>/g)]).toHaveLength(1);
  expect([...svg.matchAll(/data-arm="(\w+)"/g)].map((m) => m[1])).toEqual(['up', 'up']);
  expect(svg).toContain('Curvature lens at the start (−7, 2): κ = 10, SGD stable for lr &lt; 1');
  expect(svg).toBe(cliStdout(['render', '--surface', 'bowl', '--lens', 'start', '--out', '-']));

  await page.goto('/embed.html?controls=none#s=bowl&lens=start');
  await expect(page.getByRole('img', { name: /^Elongated bowl/ })).toBeVisible();
  await expect(page.locator('g.lens line[data-arm=up]')).toHaveCount(2);
  await expect(page.getByText('Curvature lens at the start (−7, 2): κ = 10, SGD stable for lr < 1', { exact: true })).toBeVisible();
});

/**
 * The start-point map view (issue 10) in Chromium, opened from a link: progress, then one heatmap panel
 * per entrant computed in Web Workers; a coarse map first when the res is above 32; hover reads out a
 * pixel's run; clicking a pixel (or Enter on a focused panel) goes back to the race from that start;
 * at 375 px the panels stack in one column without overflowing the page; the export panel exports the map
 * as the CLI draws it; an embed shows that figure; axe finds no serious or critical WCAG 2.1 A/AA violation.
 */
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { cliStdout } from '../tests/cli/run-cli.ts';
import { scoreboard, shot } from './helpers.ts';

const panels = (page: Page) => page.getByTestId('map-panel');
const plotOf = (page: Page, k: number) => panels(page).nth(k).getByRole('button');
const hashParam = (page: Page, key: string) => new URLSearchParams(new URL(page.url()).hash.slice(1)).get(key);

/** The pixel position of cell (i, j)'s centre on a res × res panel (row j counted from the bottom). */
async function cellPosition(page: Page, k: number, res: number, i: number, j: number) {
  const box = (await plotOf(page, k).boundingBox())!;
  return { x: ((i + 0.5) / res) * box.width, y: (1 - (j + 0.5) / res) * box.height };
}

test('a basins map from a link: progress, seven panels, hover readout, click races from that start', async ({ page }) => {
  await page.goto('/#s=himmelblau&lab=map:res=32:colour=basins');
  await expect(page.getByTestId('map-progress')).toBeVisible();
  await expect(panels(page)).toHaveCount(7, { timeout: 20_000 });
  await expect(page.getByTestId('map-progress')).toHaveCount(0, { timeout: 20_000 });
  await expect(panels(page).first()).toContainText('SGD');
  await expect(panels(page).nth(2)).toContainText('Nesterov');
  await expect(page.getByRole('group', { name: 'Colour' }).getByLabel('Basin (minimum reached)')).toBeChecked();
  await expect(page.getByLabel('Colour key')).toContainText('1: (3, 2) global');
  await shot(page, 'map-basins');

  // Cell (24, 8) of 32 over [−5, 5]²: start (−5 + 24.5·10/32, −5 + 8.5·10/32) = (2.65625, −2.34375), by the minimum (3.58, −1.85).
  const at = await cellPosition(page, 6, 32, 24, 8);
  await plotOf(page, 6).hover({ position: at });
  const tip = page.getByTestId('map-tooltip');
  await expect(tip).toContainText('start (2.65625, -2.34375)');
  await expect(tip).toContainText(/settles after \d+ iterations/);
  await expect(tip).toContainText(/ends at \(3\.58\d*, −1\.84\d*\), minimum 4/);

  await plotOf(page, 6).click({ position: at });
  await expect(scoreboard(page)).toBeVisible();
  await expect(page.getByTestId('map-view')).toHaveCount(0);
  expect(hashParam(page, 'lab')).toBeNull();
  expect(hashParam(page, 'start')).toBe('2.65625,-2.34375');
  await expect(page.getByLabel('Start x')).toHaveValue('2.65625');
  await expect(page.getByLabel('Start y')).toHaveValue('-2.34375');
  // Back returns to the map, shown at once from the cache.
  await page.goBack();
  await expect(panels(page)).toHaveCount(7);
  await expect(page.getByTestId('map-progress')).toHaveCount(0);
});

test('above 32 per side the coarse map shows first, then the full one; the keyboard picks a start too', async ({ page }) => {
  await page.goto('/#s=bowl&opt=sgd,adam&lab=map:res=96');
  await expect(page.getByTestId('map-progress')).toContainText('Coarse 32×32 preview shown; computing 96×96 starts', { timeout: 20_000 });
  await expect(panels(page)).toHaveCount(2);
  expect(await panels(page).first().locator('canvas').getAttribute('width')).toBe('32');
  await expect(page.getByTestId('map-progress')).toHaveCount(0, { timeout: 30_000 });
  await expect(panels(page).first().locator('canvas')).toHaveAttribute('width', '96');
  await expect(page.getByLabel('Colour key')).toContainText('not reached');

  // Focus puts the cursor on the race's start (−7, 2): cell (14, 67) of 96 over [−10, 10] × [−5, 5]; → moves one cell right.
  await plotOf(page, 0).focus();
  await expect(page.getByTestId('map-tooltip')).toContainText('start (-6.97917, 2.03125)');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('map-tooltip')).toContainText('start (-6.77083, 2.03125)');
  await page.keyboard.press('Enter');
  await expect(scoreboard(page)).toBeVisible();
  expect(hashParam(page, 'start')).toBe('-6.770833333333334,2.03125');
});

test('cancel keeps the coarse map and offers the full one', async ({ page }) => {
  await page.goto('/#s=rosenbrock&lab=map:res=256');
  await expect(page.getByTestId('map-progress')).toContainText('Coarse 32×32 preview shown', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Stopped: the map shown is the coarse 32×32 one.')).toBeVisible();
  await expect(panels(page)).toHaveCount(7);
  await expect(page.getByRole('button', { name: 'Compute 256×256' })).toBeVisible();
});

test('at 375 px the panels stack in one column and the page does not scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/#s=himmelblau&opt=sgd,adam&lab=map:res=32');
  await expect(panels(page)).toHaveCount(2, { timeout: 20_000 });
  await expect(page.getByTestId('map-progress')).toHaveCount(0, { timeout: 20_000 });
  const [a, b] = [(await plotOf(page, 0).boundingBox())!, (await plotOf(page, 1).boundingBox())!];
  expect(b.x).toBe(a.x);
  expect(b.y).toBeGreaterThan(a.y + a.height);
  expect(a.width).toBeGreaterThan(300);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await shot(page, 'map-375');
  await plotOf(page, 1).click({ position: await cellPosition(page, 1, 32, 5, 5) });
  await expect(scoreboard(page)).toBeVisible();
  expect(hashParam(page, 'start')).toBe('-3.28125,-3.28125');
});

test('an embedded map link shows the map figure without the app controls', async ({ page }) => {
  await page.goto('/embed.html#s=himmelblau&opt=sgd,adam&lab=map:res=16:colour=basins');
  const figure = page.getByTestId('embed').locator('svg[viewBox="0 0 960 720"]');
  await expect(figure.locator('text', { hasText: 'Minimum the run ends in' })).toHaveCount(1, { timeout: 20_000 });
  await expect(figure.locator('text').filter({ hasText: /^Adam$/ })).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Back to the race' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Open in Optimizer playground' })).toHaveAttribute('href', /lab=map/);
});

test('the export panel exports the map: the SVG of cli render --lab map, the JSON of cli map --json', async ({ page }) => {
  await page.goto('/#s=himmelblau&opt=sgd,nag,adam&steps=80&lab=map:res=16');
  await expect(panels(page)).toHaveCount(3, { timeout: 20_000 });
  await expect(page.getByTestId('map-progress')).toHaveCount(0, { timeout: 20_000 });
  const saved = async (name: string) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    return readFileSync(await download.path(), 'utf8');
  };
  const state = ['--surface', 'himmelblau', '--optimizers', 'sgd,nag,adam', '--steps', '80'];
  expect(await saved('Export SVG')).toBe(cliStdout(['render', ...state, '--lab', 'map:res=16', '--out', '-']));
  await expect(page.getByRole('button', { name: 'Export animated SVG' })).toHaveCount(0);
  expect(await saved('Export data')).toBe(cliStdout(['map', ...state, '--grid', '16', '--json']));
});

test('axe, WCAG 2.1 A/AA: no serious or critical violation on the map view', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/#s=himmelblau&opt=sgd,adam&lab=map:res=32:colour=basins');
  await expect(page.getByTestId('map-progress')).toHaveCount(0, { timeout: 20_000 });
  await expect(panels(page)).toHaveCount(2);
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  expect(serious).toEqual([]);
});

test('without Web Workers the map is computed on the main thread, and says so', async ({ page }) => {
  await page.addInitScript(() => Reflect.deleteProperty(window, 'Worker'));
  await page.goto('/#s=himmelblau&opt=sgd,adam&steps=200&lab=map:res=64');
  await expect(page.getByTestId('map-progress')).toContainText('on the main thread (Web Workers are unavailable here)');
  await expect(page.getByTestId('map-progress')).toHaveCount(0, { timeout: 30_000 });
  await expect(panels(page)).toHaveCount(2);
  await expect(panels(page).first()).toContainText(/\d+% .*\d+% diverge/);
});

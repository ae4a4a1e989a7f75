/**
 * Issue 8, zoom and domain in the app, in Chromium: Ctrl + wheel, pinch and the − / + buttons zoom,
 * Shift-drag and two fingers pan, a plain wheel scrolls the page and a plain drag moves the start; each
 * gesture ends as one new `dom=` in the link, with the contours traced once after it; Reset view and the
 * x/y range fields; small multiples zoom together; Export SVG draws the zoomed domain.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { cliStdout } from '../tests/cli/run-cli.ts';
import { contourSignature, shot } from './helpers.ts';

// The bowl: x ∈ [−10, 10], y ∈ [−5, 5], start (−7, 2).
const param = (page: Page, key: string): string | null => new URLSearchParams(new URL(page.url()).hash.slice(1)).get(key);
const dom = (page: Page): number[] | null => param(page, 'dom')?.split(',').map(Number) ?? null;
const plot = (page: Page): Locator => page.getByRole('img', { name: /Contour plot of f/ });
const bands = (page: Page): Locator => page.getByTestId('contours').first();
/** The app's x-axis tick labels of the first panel. */
const xTicks = (page: Page): Promise<string[]> => page.locator('.plot svg.base').first().locator('.axis').first().locator('g text').allTextContents();

/**
 * Logs each update of the contour bands (one per flush of the page): "p" while a gesture's preview
 * transform is on, "t" when the grid's domain changed (contours traced), "e" when the preview ended.
 */
async function watchContours(page: Page): Promise<() => Promise<string[]>> {
  await bands(page).evaluate((el) => {
    const log: string[] = [];
    (window as unknown as { contourLog: string[] }).contourLog = log;
    new MutationObserver((records) => {
      const previewing = (el as HTMLElement).style.transform !== '';
      const traced = records.some((r) => r.attributeName === 'data-domain');
      const styled = records.some((r) => r.attributeName === 'style');
      log.push(`${previewing ? 'p' : ''}${traced ? 't' : ''}${styled && !previewing ? 'e' : ''}`);
    }).observe(el, { attributes: true, attributeFilter: ['data-domain', 'style'] });
  });
  return () => page.evaluate(() => (window as unknown as { contourLog: string[] }).contourLog);
}

/**
 * Ctrl + wheel notches (100 px each, up to zoom in) at a point: real input events, sent in one burst as a
 * quick flick of the wheel would be. A gesture ends 150 ms after its last wheel event (d3-zoom), so on a
 * loaded machine a burst may still arrive as two gestures.
 */
/** Waits until the link's x span is the bowl's 20 divided by `factor`. */
async function zoomedBy(page: Page, factor: number): Promise<void> {
  await expect.poll(() => (dom(page) ?? [-10, 10])[1] - (dom(page) ?? [-10, 10])[0]).toBeCloseTo(20 / factor, 1);
}

async function ctrlWheel(page: Page, at: { x: number; y: number }, notches: number): Promise<void> {
  await page.mouse.move(at.x, at.y);
  const cdp = await page.context().newCDPSession(page);
  const CTRL = 2;
  const one = { type: 'mouseWheel' as const, x: at.x, y: at.y, deltaX: 0, deltaY: notches > 0 ? -100 : 100, modifiers: CTRL };
  await Promise.all(Array.from({ length: Math.abs(notches) }, () => cdp.send('Input.dispatchMouseEvent', one)));
  await cdp.detach();
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('path.marker')).toHaveCount(7);
});

test('Ctrl + wheel zooms about the pointer: the link gets dom=, the ticks change, the contours are traced once after the gesture', async ({ page }) => {
  expect(dom(page)).toBeNull();
  const ticks = await xTicks(page);
  expect(ticks).toEqual(['−10', '−8', '−6', '−4', '−2', '0', '2', '4', '6', '8', '10']);
  const contours = await contourSignature(page);
  const seen = await watchContours(page);
  const box = (await bands(page).boundingBox())!;
  // The pointer over the data point (5, 2.5): three notches of √2 zoom in 2√2 about it.
  await ctrlWheel(page, { x: box.x + box.width * 0.75, y: box.y + box.height * 0.25 }, 3);
  await zoomedBy(page, 2 ** 1.5);
  const [x0, x1, y0, y1] = dom(page)!;
  expect(y1 - y0).toBeCloseTo(10 / 2 ** 1.5, 1);
  // (5, 2.5) stays under the pointer: three quarters across, a quarter down.
  expect((5 - x0) / (x1 - x0)).toBeCloseTo(0.75, 2);
  expect((y1 - 2.5) / (y1 - y0)).toBeCloseTo(0.25, 2);
  await expect.poll(() => xTicks(page)).not.toEqual(ticks);
  for (const t of await xTicks(page)) {
    const v = Number(t.replace('−', '-'));
    expect(v).toBeGreaterThanOrEqual(x0);
    expect(v).toBeLessThanOrEqual(x1);
  }
  expect(await contourSignature(page)).not.toBe(contours);
  // The layers were moved while the wheel turned; the contours were traced once per gesture (one, unless
  // the machine split the burst), as its preview ended, never while previewing.
  const log = (await seen()).join(',');
  expect(log).toMatch(/^(p,)+te(,(p,)+te){0,2}$/);
  await expect(bands(page)).toHaveAttribute('data-domain', param(page, 'dom')!);
  await expect(page.getByLabel('x from')).toHaveValue(String(x0));
  await shot(page, 'zoom-wheel');
});

test('a plain wheel over the plot scrolls the page and leaves the domain', async ({ page }) => {
  const box = (await plot(page).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 300);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
  await page.waitForTimeout(300);
  expect(dom(page)).toBeNull();
  await expect(bands(page)).toHaveAttribute('data-domain', '-10,10,-5,5');
});

test('Shift-drag pans without moving the start; a plain drag then moves the start in the new domain', async ({ page }) => {
  const box = (await bands(page).boundingBox())!;
  const perUnit = box.width / 20;
  await page.keyboard.down('Shift');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 150, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect.poll(() => dom(page)).not.toBeNull();
  // Dragged 150 px left: the domain moves 150 px worth of x to the right; y and the start stay.
  const [x0, x1, y0, y1] = dom(page)!;
  expect(x0).toBeCloseTo(-10 + 150 / perUnit, 1);
  expect(x1 - x0).toBeCloseTo(20, 1);
  expect([y0, y1]).toEqual([-5, 5]);
  expect(param(page, 'start')).toBe('-7,2');

  // A plain click at the frame's centre puts the start at the centre of the panned domain.
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect.poll(() => param(page, 'start')).not.toBe('-7,2');
  const [sx, sy] = param(page, 'start')!.split(',').map(Number);
  expect(sx).toBeCloseTo((x0 + x1) / 2, 0);
  expect(sy).toBeCloseTo(0, 0);
  expect(dom(page)).toEqual([x0, x1, y0, y1]);
});

test('+ and − zoom about the centre by 2, Reset view goes back to the surface’s domain', async ({ page }) => {
  const reset = page.getByRole('button', { name: 'Reset view' });
  await expect(reset).toBeDisabled();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(() => dom(page)).toEqual([-5, 5, -2.5, 2.5]);
  await expect(page.getByLabel('x to')).toHaveValue('5');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(() => dom(page)).toEqual([-2.5, 2.5, -1.25, 1.25]);
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await expect.poll(() => dom(page)).toEqual([-5, 5, -2.5, 2.5]);
  await expect(reset).toBeEnabled();
  await reset.click();
  await expect.poll(() => param(page, 'dom')).toBeNull();
  await expect(bands(page)).toHaveAttribute('data-domain', '-10,10,-5,5');
  await expect(page.getByLabel('x from')).toHaveValue('-10');
  await expect(reset).toBeDisabled();
});

test('typing an x range redraws the plot and the link; a bad range says why at the field and changes nothing', async ({ page }) => {
  const from = page.getByLabel('x from');
  await from.fill('-2');
  await from.press('Enter');
  await expect.poll(() => param(page, 'dom')).toBe('-2,10,-5,5');
  await expect(bands(page)).toHaveAttribute('data-domain', '-2,10,-5,5');
  await expect.poll(() => xTicks(page)).toContain('−2');
  expect(await xTicks(page)).not.toContain('−4');

  const contours = await contourSignature(page);
  const to = page.getByLabel('x to');
  for (const [text, message] of [
    ['-3', 'x to must be greater than x from (-2).'],
    ['ten', 'Enter a number, like 0.01 or 1e-3.'],
    ['2e6', 'Enter a number from -1000000 to 1000000.'],
  ]) {
    await to.fill(text);
    await to.press('Enter');
    await expect(to).toHaveAttribute('aria-invalid', 'true');
    await expect(to).toHaveAccessibleDescription(message);
    await expect(page.getByText(message)).toBeVisible();
    await to.blur();
    expect(param(page, 'dom')).toBe('-2,10,-5,5');
    expect(await contourSignature(page)).toBe(contours);
  }
  await shot(page, 'zoom-range-error');
  // Another change of the view (the start moved) leaves the refused draft and its message alone.
  await plot(page).click({ position: { x: 200, y: 100 } });
  await expect.poll(() => param(page, 'start')).not.toBe('-7,2');
  await expect(to).toHaveValue('2e6');
  await expect(page.getByText('Enter a number from -1000000 to 1000000.')).toBeVisible();
  await to.fill('4');
  await to.press('Tab');
  await expect.poll(() => param(page, 'dom')).toBe('-2,4,-5,5');
  await expect(to).toHaveAttribute('aria-invalid', 'false');
});

test('in small multiples a gesture over one panel zooms every panel', async ({ page }) => {
  await page.goto('/#s=bowl&layout=grid');
  const panels = page.getByTestId('contours');
  await expect(panels).toHaveCount(7);
  const box = (await panels.nth(2).boundingBox())!;
  await ctrlWheel(page, { x: box.x + box.width / 2, y: box.y + box.height / 2 }, 2);
  await zoomedBy(page, 2);
  const d = param(page, 'dom')!;
  for (let i = 0; i < 7; i++) await expect(panels.nth(i)).toHaveAttribute('data-domain', d);
  await shot(page, 'zoom-multiples');
});

test('Export SVG after zooming draws the zoomed domain, exactly as `cli render --domain` does', async ({ page }) => {
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(() => param(page, 'dom')).toBe('-5,5,-2.5,2.5');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export SVG', exact: true }).click()]);
  const svg = readFileSync(await download.path(), 'utf8');
  expect(svg).toBe(cliStdout(['render', '--surface', 'bowl', '--domain', '-5,5,-2.5,2.5', '--out', '-']));
  // The x axis's tick labels (centred, in the axis row) are the zoomed domain's: −4 … 4, no −10.
  const labels = [...svg.matchAll(/<text class="t n" x="[\d.]+" y="([\d.]+)" font-size="11" text-anchor="middle">([^<]+)<\/text>/g)];
  const row = labels[0][1];
  expect(labels.filter((m) => m[1] === row).map((m) => m[2])).toEqual(['−4', '−2', '0', '2', '4']);
  expect(svg).not.toContain('>−10<');
});

test.describe('on a touch screen', () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true });

  test('two fingers pinch to zoom and leave the start where it was', async ({ page }) => {
    const box = (await bands(page).boundingBox())!;
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: [number, number][]) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
    // The first finger lands (and would start a drag), the second joins: a pinch spreading 30 px to 120 px.
    await touch('touchStart', [[cx - 15, cy]]);
    await touch('touchStart', [[cx - 15, cy], [cx + 15, cy]]);
    for (let s = 1; s <= 6; s++) await touch('touchMove', [[cx - 15 - 7.5 * s, cy], [cx + 15 + 7.5 * s, cy]]);
    await touch('touchEnd', []);
    await expect.poll(() => dom(page)).not.toBeNull();
    const [x0, x1, y0, y1] = dom(page)!;
    expect(x1 - x0).toBeCloseTo(20 / 4, 1);
    expect(y1 - y0).toBeCloseTo(10 / 4, 1);
    expect(param(page, 'start')).toBe('-7,2');
    await shot(page, 'zoom-pinch-375');
  });
});

test('a zoom is one history entry: Back returns to the domain before it, Forward redoes it', async ({ page }) => {
  // The + button rather than a wheel burst: a loaded machine may split a burst into two gestures.
  const before = await page.evaluate(() => history.length);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(() => dom(page)).toEqual([-5, 5, -2.5, 2.5]);
  expect(await page.evaluate(() => history.length)).toBe(before + 1);
  await page.goBack();
  await expect.poll(() => dom(page)).toBeNull();
  await expect(bands(page)).toHaveAttribute('data-domain', '-10,10,-5,5');
  await expect(page.getByLabel('x from')).toHaveValue('-10');
  await page.goForward();
  await expect.poll(() => dom(page)).toEqual([-5, 5, -2.5, 2.5]);
  await expect(bands(page)).toHaveAttribute('data-domain', '-5,5,-2.5,2.5');
});

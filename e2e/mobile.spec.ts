/**
 * The app on a phone, 375 × 740 with touch (issue 9): a vertical swipe on the plot scrolls the page and
 * leaves the start alone; touch and hold, then drag, moves it; Play is on the first screen and the surface
 * picker comes before the scoreboard and the loss chart; no page scrolls sideways in either tab; MNIST's
 * Train stays reachable while the form scrolls. Then the small fixes at desktop size: playback pauses on
 * the MNIST tab, the linear-regression surface's axes are w and b, and the minimum's label is not hidden by
 * the markers that gather on it. Touches are real input events sent through the DevTools protocol.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { iteration, markers, noSideScroll, shot, shownIteration, touchscreen } from './helpers.ts';

const PHONE = { viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true };
const param = (page: Page, key: string): string | null => new URLSearchParams(new URL(page.url()).hash.slice(1)).get(key);
const plot = (page: Page) => page.getByRole('img', { name: /Contour plot of f/ });
const startMark = (page: Page) => page.getByTestId('start');
const scrollY = (page: Page): Promise<number> => page.evaluate(() => window.scrollY);

test.describe('at 375 × 740 with touch', () => {
  test.use(PHONE);

  test.beforeEach(async ({ page }) => {
    await page.goto('/');
    await expect(markers(page)).toHaveCount(7);
  });

  test('the page works: the plot fits, Play is on the first screen, nothing scrolls sideways', async ({ page }) => {
    expect(await noSideScroll(page)).toBe(true);
    const box = (await plot(page).boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    expect(box.height).toBeGreaterThan(120);
    // Play right under the plot, inside the first screen.
    const play = (await page.getByRole('button', { name: 'Play' }).boundingBox())!;
    expect(play.y).toBeGreaterThan(box.y + box.height - 40);
    expect(play.y + play.height).toBeLessThanOrEqual(740);
    await shot(page, 'mobile-375');
    await page.screenshot({ path: 'e2e/artifacts/mobile-375-viewport.png' });
    await page.getByRole('button', { name: 'Reset', exact: true }).tap();
    await expect(iteration(page)).toHaveText(/^0 \//);
    await page.getByRole('button', { name: 'Play' }).tap();
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  });

  test('the surface picker and Play come before the scoreboard and the loss chart', async ({ page }) => {
    const top = async (name: string) => (await page.getByRole(name === 'Surface' ? 'combobox' : 'button', { name, exact: true }).boundingBox())!.y;
    const picker = await top('Surface');
    const play = await top('Play');
    const table = (await page.getByRole('table', { name: /Iterations to target/ }).boundingBox())!.y;
    const chart = (await page.getByText('Loss per iteration').boundingBox())!.y;
    expect(play).toBeLessThan(picker);
    expect(picker).toBeLessThan(table);
    expect(table).toBeLessThan(chart);
    // The same order for a screen reader and the Tab key: the picker is before the table in the document.
    const order = await page.evaluate(() => {
      const pick = document.getElementById('surface-pick')!;
      const board = document.querySelector('[data-testid=scoreboard]')!;
      return pick.compareDocumentPosition(board) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBeTruthy();
  });

  test('keyboard hints are hidden; the touch hint says how to move the start', async ({ page }) => {
    await expect(page.getByText('Space plays or pauses')).toBeHidden();
    await expect(page.getByText(/Zoom: Ctrl/)).toBeHidden();
    await expect(page.getByText('Touch and hold the plot to move the start.')).toBeVisible();
  });

  test('a vertical swipe on the plot scrolls the page and does not move the start', async ({ page }) => {
    const before = await startMark(page).getAttribute('transform');
    const box = (await plot(page).boundingBox())!;
    const [x, y] = [box.x + box.width * 0.6, box.y + box.height * 0.8];
    expect(await scrollY(page)).toBe(0);
    const touch = await touchscreen(page);
    // A quick flick upwards: 200 px in 10 moves, well under the hold time.
    await touch.start(x, y);
    for (let i = 1; i <= 10; i++) await touch.move(x, y - 20 * i);
    await touch.end();
    await expect.poll(() => scrollY(page)).toBeGreaterThan(50);
    expect(await startMark(page).getAttribute('transform')).toBe(before);
    expect(param(page, 'start')).toBe('-7,2');
    await touch.detach();
  });

  test('touch and hold, then drag, moves the start; the page stays put meanwhile', async ({ page }) => {
    const box = (await plot(page).boundingBox())!;
    const touch = await touchscreen(page);
    const [x, y] = [box.x + box.width * 0.5, box.y + box.height * 0.5];
    await touch.start(x, y);
    // The held finger picks the start up where it is: a ring shows it.
    await expect(page.locator('circle.held')).toBeVisible();
    for (let i = 1; i <= 8; i++) await touch.move(x + 12 * i, y - 8 * i);
    await touch.end();
    await expect(page.locator('circle.held')).toHaveCount(0);
    expect(await scrollY(page)).toBe(0);
    await expect.poll(() => param(page, 'start')).not.toBe('-7,2');
    const [sx, sy] = param(page, 'start')!.split(',').map(Number);
    // The bowl's plot spans x ∈ [−10, 10], y ∈ [−5, 5]; the finger ended 96 px right of and 64 px above
    // the centre: right of 0 and above 0.
    expect(sx).toBeGreaterThan(2);
    expect(sy).toBeGreaterThan(1);
    await touch.detach();
  });

  test('a second finger after a hold is a pinch: the start goes back where the hold found it', async ({ page }) => {
    const box = (await plot(page).boundingBox())!;
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: [number, number][]) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
    await touch('touchStart', [[cx - 15, cy]]);
    // Held: the start is picked up under the finger (the plot's centre, (0, 0) on the bowl).
    await expect(page.locator('circle.held')).toBeVisible();
    await touch('touchStart', [[cx - 15, cy], [cx + 15, cy]]);
    for (let s = 1; s <= 6; s++) await touch('touchMove', [[cx - 15 - 7.5 * s, cy], [cx + 15 + 7.5 * s, cy]]);
    await touch('touchEnd', []);
    await expect.poll(() => param(page, 'dom')).not.toBeNull();
    await expect(page.locator('circle.held')).toHaveCount(0);
    expect(param(page, 'start')).toBe('-7,2');
    await cdp.detach();
  });

  test('a short tap does not move the start (the move is deliberate)', async ({ page }) => {
    const before = await startMark(page).getAttribute('transform');
    const box = (await plot(page).boundingBox())!;
    await page.touchscreen.tap(box.x + box.width * 0.8, box.y + box.height * 0.3);
    await page.waitForTimeout(700);
    expect(await startMark(page).getAttribute('transform')).toBe(before);
    expect(param(page, 'start')).toBe('-7,2');
  });

  test('no horizontal page scroll on the linear-regression surface or in small multiples', async ({ page }) => {
    await page.goto('/#s=linreg&layout=grid');
    await expect(markers(page)).toHaveCount(7);
    expect(await noSideScroll(page)).toBe(true);
  });

  test('MNIST: Train is on the first screen and stays on screen while the form scrolls; nothing scrolls sideways', async ({ page }) => {
    await page.getByRole('tab', { name: 'MNIST' }).tap();
    const train = page.getByTestId('train');
    await expect(train).toBeVisible();
    const inView = async () => {
      const b = (await train.boundingBox())!;
      return b.y >= 0 && b.y + b.height <= 740;
    };
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await inView()).toBe(true);
    // Halfway down the form (the Training fieldset), Train is still on screen.
    await page.getByTestId('epochs').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 300));
    expect(await scrollY(page)).toBeGreaterThan(300);
    expect(await inView()).toBe(true);
    expect(await noSideScroll(page)).toBe(true);
    await page.screenshot({ path: 'e2e/artifacts/mobile-375-mnist-form.png' });
  });
});

test.describe('small fixes', () => {
  test('playback pauses on the MNIST tab and resumes on the way back', async ({ page }) => {
    await page.goto('/#s=rosenbrock');
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => shownIteration(page)).toBeGreaterThan(0);
    await page.getByRole('tab', { name: 'MNIST' }).click();
    const away = await shownIteration(page);
    await page.waitForTimeout(600);
    expect(await shownIteration(page)).toBe(away);
    await page.getByRole('tab', { name: 'Surfaces' }).click();
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect.poll(() => shownIteration(page)).toBeGreaterThan(away);
  });

  test('the linear-regression surface names its axes w and b, in the app and the exported figure', async ({ page }) => {
    await page.goto('/#s=linreg');
    const names = page.locator('.plot svg.base text.axis-label');
    await expect(names).toHaveText(['w', 'b']);
    await expect(page.getByRole('columnheader', { name: 'Point (w, b)' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'f(x, y)', exact: true })).toHaveValue('0.5*(0.3365*x^2 + 1.014*x*y + y^2 - 4.411*x - 8.038*y + 16.55)');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export SVG' }).click();
    const text = readFileSync((await (await download).path())!, 'utf8');
    expect(text).toMatch(/font-style="italic">w<\/text>/);
    expect(text).toMatch(/font-style="italic">b<\/text>/);
    expect(text).not.toMatch(/font-style="italic">[xy]<\/text>/);
  });

  test('the "minimum" label is drawn above the markers that gather on the minimum', async ({ page }) => {
    await page.goto('/');
    await expect(markers(page)).toHaveCount(7);
    const label = page.locator('svg.minimum-label text');
    await expect(label).toHaveText('minimum');
    // At the end of the race the markers sit on the minimum; the label's layer is painted after theirs.
    const above = await page.evaluate(() => {
      const markerLayer = document.querySelector('.plot .markers')!;
      const labelLayer = document.querySelector('.plot svg.minimum-label')!;
      return markerLayer.compareDocumentPosition(labelLayer) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(above).toBeTruthy();
    // The label stands clear of the minimum's glyph, where the markers end: below and right of it.
    const glyph = (await page.locator('.plot svg.minima path').first().boundingBox())!;
    const b = (await label.boundingBox())!;
    expect(b.x).toBeGreaterThan(glyph.x + glyph.width / 2);
  });
});

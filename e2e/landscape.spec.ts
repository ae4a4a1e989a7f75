/**
 * The MNIST tab's Landscape panel in real Chromium: SGD and Adam train one epoch on 1,000 examples
 * (32 updates, a checkpoint after each), then the panel computes an 11 × 11 PCA plane in its worker and
 * draws contour bands and both projected paths; hovering a path names a checkpoint with both its losses,
 * and the plane's loss at the cursor (bilinear from the grid).
 * Screenshots (desktop and 375 px) go to e2e/artifacts/.
 */
import { expect, test } from '@playwright/test';

test('Landscape: after a race, contours and both projected paths; hover shows both losses', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./');
  await page.getByRole('tab', { name: 'MNIST' }).click();
  await expect(page.getByTestId('mnist-data-status')).toHaveAttribute('data-phase', 'ready', { timeout: 90_000 });
  await page.getByTestId('limit').fill('1000');
  await page.getByTestId('epochs').fill('1');
  await page.getByTestId('batch').fill('32');
  await page.getByTestId('train').click();
  const board = page.getByTestId('mnist-scoreboard');
  await expect(board.getByTestId('score-sgd')).toContainText('done', { timeout: 120_000 });
  await expect(board.getByTestId('score-adam')).toContainText('done', { timeout: 120_000 });

  const panel = page.getByTestId('landscape');
  await panel.getByTestId('landscape-grid').fill('11');
  await panel.getByTestId('landscape-compute').click();
  const figure = panel.getByTestId('landscape-figure');
  await expect(figure).toBeVisible({ timeout: 60_000 });
  expect(await figure.locator('path.b').count()).toBeGreaterThan(5);
  await expect(figure.locator('g[data-entrant]')).toHaveCount(2);
  await expect(figure.locator('g[data-entrant="sgd"] path.p')).toHaveAttribute('d', /l/);
  await expect(figure.locator('g[data-entrant="adam"] path.p')).toHaveAttribute('d', /l/);
  await expect(figure).toContainText('PC1');
  await expect(figure).toContainText('can differ from the loss on the plane');

  // The hover names the checkpoint under the pointer: Adam's last (its end marker).
  const marker = figure.locator('g[data-entrant="adam"] path.m');
  await marker.hover();
  await expect(panel).toContainText(/Adam at iteration 32: loss on the plane [\d.]+, the checkpoint's own loss [\d.]+/);
  // …and the plane's loss at the cursor, read off the grid.
  const cursor = panel.getByTestId('landscape-hover-cursor');
  await expect(cursor).toHaveText(/^α [−\d.e]+, β [−\d.e]+: loss on the plane ≈ [\d.]+ \(bilinear from the grid\)$/);
  // A corner of the plane, away from every path: the loss at the cursor, no checkpoint.
  const frame = (await figure.locator('rect.a').first().boundingBox())!;
  await page.mouse.move(frame.x + 4, frame.y + 4);
  await expect(cursor).toHaveText(/^α [−\d.e]+, β [−\d.e]+: loss on the plane ≈ [\d.]+ \(bilinear from the grid\)$/);
  await expect(panel.getByTestId('landscape-hover-checkpoint')).toHaveCount(0);
  await marker.hover();

  await figure.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e/artifacts/landscape-desktop.png', fullPage: false });
  await page.setViewportSize({ width: 375, height: 800 });
  await expect(figure.locator('g[data-entrant]')).toHaveCount(2);
  await figure.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e/artifacts/landscape-375.png', fullPage: false });

  // The checkpoints are lent to the worker, not copied: a cancelled computation hands them back, so a
  // recompute after it still has both runs' paths.
  await panel.getByTestId('landscape-grid').fill('61');
  await panel.getByTestId('landscape-compute').click();
  await expect(panel.getByRole('progressbar', { name: 'Landscape progress' })).toBeVisible();
  await panel.getByTestId('landscape-cancel').click();
  await expect(panel.getByTestId('landscape-compute')).toHaveText('Recompute');
  await panel.getByTestId('landscape-grid').fill('7');
  await panel.getByTestId('landscape-compute').click();
  await expect(figure).toContainText('grid 7×7', { timeout: 60_000 });
  await expect(figure.locator('g[data-entrant]')).toHaveCount(2);
  await expect(panel.locator('.error')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('Landscape during a pause: the paths end where the runs paused', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('./');
  await page.getByRole('tab', { name: 'MNIST' }).click();
  await expect(page.getByTestId('mnist-data-status')).toHaveAttribute('data-phase', 'ready', { timeout: 90_000 });
  await page.getByTestId('limit').fill('5000');
  await page.getByTestId('epochs').fill('50');
  await page.getByTestId('batch').fill('32');
  await page.getByTestId('train').click();
  const panel = page.getByTestId('landscape');
  await expect(panel).toContainText('Available once every run has finished, stopped or paused.');
  const board = page.getByTestId('mnist-scoreboard');
  await expect(board.getByTestId('score-adam')).toContainText(/[1-9][\d,]*\/7,850 it\./, { timeout: 60_000 });
  await page.getByTestId('pause').click();
  await expect(board.getByTestId('score-sgd')).toContainText('paused', { timeout: 30_000 });
  await expect(board.getByTestId('score-adam')).toContainText('paused', { timeout: 30_000 });
  const at = async (id: string) => Number(/([\d,]+)\/7,850 it\./.exec(await board.getByTestId(`score-${id}`).innerText())![1].replace(/,/g, ''));
  const [sgd, adam] = [await at('sgd'), await at('adam')];
  await panel.getByTestId('landscape-grid').fill('5');
  await panel.getByTestId('landscape-compute').click();
  const figure = panel.getByTestId('landscape-figure');
  await expect(figure).toBeVisible({ timeout: 60_000 });
  const ends = sgd === adam ? `paths to iteration ${sgd}` : `paths to iteration ${sgd} (SGD), ${adam} (Adam)`;
  await expect(figure).toContainText(ends);
  await expect(figure.locator('g[data-entrant]')).toHaveCount(2);
  await page.getByTestId('stop').click();
});

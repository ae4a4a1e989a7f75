import { expect, test } from '@playwright/test';
import { iteration, markers, shot } from './helpers.ts';

test.use({ viewport: { width: 375, height: 740 }, hasTouch: true });

test('the page works at 375×740', async ({ page }) => {
  await page.goto('/');
  await expect(markers(page)).toHaveCount(7);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const plot = (await page.getByRole('img', { name: /Contour plot of f/ }).boundingBox())!;
  expect(plot.x).toBeGreaterThanOrEqual(0);
  expect(plot.x + plot.width).toBeLessThanOrEqual(375);
  expect(plot.height).toBeGreaterThan(120);
  await shot(page, 'mobile-375');
  await page.getByRole('button', { name: 'Reset', exact: true }).tap();
  await expect(iteration(page)).toHaveText(/^0 \//);
  await page.getByRole('button', { name: 'Play' }).tap();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.screenshot({ path: 'e2e/artifacts/mobile-375-viewport.png' });
});

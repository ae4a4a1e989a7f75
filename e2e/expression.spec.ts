import { expect, test } from '@playwright/test';
import { contourSignature, scoreboard, shot } from './helpers.ts';

test('typing x^2 + 3*y^2 updates the plot and the scoreboard', async ({ page }) => {
  await page.goto('/');
  const contours = await contourSignature(page);
  const table = await scoreboard(page).innerText();
  await page.getByRole('textbox', { name: 'f(x, y)', exact: true }).fill('x^2 + 3*y^2');
  await expect(page.getByRole('heading', { name: 'Your expression' })).toBeVisible();
  await expect.poll(() => contourSignature(page)).not.toBe(contours);
  expect(await scoreboard(page).innerText()).not.toBe(table);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(new URL(page.url()).hash).toContain('f=x%5E2%20%2B%203*y%5E2');
  await shot(page, 'expression-x2-3y2');
});

test('typing x +* y shows an error and keeps the last good plot', async ({ page }) => {
  await page.goto('/');
  const field = page.getByRole('textbox', { name: 'f(x, y)', exact: true });
  await field.fill('x^2 + 3*y^2');
  await expect(page.getByRole('heading', { name: 'Your expression' })).toBeVisible();
  const good = await contourSignature(page);
  const table = await scoreboard(page).innerText();

  await field.fill('x +* y');
  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('position');
  // The caret sits under the offending '*' (index 3): three spaces, then '^'.
  await expect(alert.locator('pre')).toHaveText('x +* y\n   ^');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  expect(await contourSignature(page)).toBe(good);
  expect(await scoreboard(page).innerText()).toBe(table);
  await shot(page, 'expression-error');
});

/**
 * Issue 9, "a target that means something on any surface": the target is a gap f − f*, f* is shown with
 * where it came from, a typed function is applied on Enter, on leaving the field or after a typing pause
 * (never a half-typed prefix), and old links keep their meaning.
 */
import { expect, test } from '@playwright/test';
import { scoreboard, shot } from './helpers.ts';

const exprField = (page: import('@playwright/test').Page) => page.getByRole('textbox', { name: 'f(x, y)', exact: true });

test('typing sin(x)*cos(y) estimates f* ≈ −1.000 and no run "reaches" the target in 1 iteration', async ({ page }) => {
  await page.goto('/');
  await exprField(page).fill('sin(x)*cos(y)');
  await expect(page.getByRole('heading', { name: 'Your expression' })).toBeVisible();
  await expect(page.getByTestId('fstar-label')).toHaveText('f* ≈ −1.000 (estimated)');
  await expect(page).toHaveURL(/#v=2&f=sin%28x%29\*cos%28y%29&dom=-10%2C5%2C-5%2C5&start=-7%2C2&fstar=-1&target=0.001&steps=500&/);
  // A fresh race: registry learning rates (Adam 0.01, not the bowl's 0.3), 500 steps.
  await expect(page.getByLabel('Step budget')).toHaveValue('500');
  const summary = page.getByText(/settled within the target|no optimizer has settled/);
  await expect(summary).not.toContainText(/in 1 iteration\b/);
  const cells = await scoreboard(page).locator('tbody tr td:nth-child(2)').allInnerTexts();
  expect(cells).toHaveLength(7);
  for (const cell of cells) expect(cell).not.toMatch(/^1\b/);
  await expect(scoreboard(page).locator('caption')).toContainText('f − f* stays ≤ 0.001');
  await expect(page.locator('figure.loss g.target text')).toHaveText('target: f − f* ≤ 0.001');
  await shot(page, 'fstar-sin-cos');
});

test('a half-typed invalid expression keeps the last surface, scoreboard and URL, even after a pause and leaving the field', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Elongated bowl' })).toBeVisible();
  const url = page.url();
  const table = await scoreboard(page).innerText();
  const field = exprField(page);
  await field.fill('');
  // Typed key by key; no prefix of it parses, so however long the machine stalls between two keys (a
  // pause applies what compiles), nothing may be applied.
  await field.pressSequentially('*x + y', { delay: 60 });
  await expect(page.getByRole('alert')).toContainText('position');
  await page.waitForTimeout(1000);
  await field.blur();
  await page.waitForTimeout(300);
  expect(page.url()).toBe(url);
  await expect(page.getByRole('heading', { name: 'Elongated bowl' })).toBeVisible();
  expect(await scoreboard(page).innerText()).toBe(table);
  await expect(page.getByTestId('fstar-label')).toHaveText('f* = 0 (known)');
});

test('a typing pause applies a function that compiles; Enter makes it one history entry', async ({ page }) => {
  await page.goto('/');
  const url = page.url();
  const field = exprField(page);
  await field.fill('');
  await field.pressSequentially('x^4 - 2x^2 + y^2', { delay: 40 });
  // Just typed: not applied yet.
  expect(page.url()).toBe(url);
  // After the pause (600 ms) it is.
  await expect(page).toHaveURL(/f=x%5E4%20-%202x%5E2%20%2B%20y%5E2/, { timeout: 3000 });
  await expect(page.getByTestId('fstar-label')).toHaveText('f* ≈ −1.000 (estimated)');
  await field.press('Enter');
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Elongated bowl' })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('heading', { name: 'Your expression' })).toBeVisible();
  await expect(page.getByTestId('fstar-label')).toHaveText('f* ≈ −1.000 (estimated)');
});

test('an old saddle link keeps its meaning; f* can be edited and re-estimated', async ({ page }) => {
  await page.goto('/#s=saddle&start=-2,0.001&target=-0.9&steps=300');
  await expect(page.getByTestId('notice')).toHaveCount(0);
  await expect(page.getByLabel('Target gap f − f*')).toHaveValue('0.1');
  await expect(page.getByTestId('fstar-label')).toHaveText('f* = −1 (known)');
  await expect(page).toHaveURL(/#v=2&s=saddle&.*target=0.1&/);
  await expect(scoreboard(page).locator('tbody tr').first()).toContainText('131');

  await page.goto('/#v=2&f=sin(x)*cos(y)&start=1,1&fstar=-2&target=0.001');
  await expect(page.getByTestId('fstar-label')).toHaveText('f* = −2 (set)');
  await expect(page.getByText('By iteration 500, no optimizer has settled within the target.')).toBeVisible();
  await page.getByRole('button', { name: 'Re-estimate' }).click();
  await expect(page.getByTestId('fstar-label')).toHaveText('f* ≈ −1.000 (estimated)');
  await expect(page).toHaveURL(/fstar=-1&/);
  await expect(page.getByLabel('f* (minimum value)')).toHaveValue('-1');
});

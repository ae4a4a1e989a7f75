/**
 * The Back button undoes the last committed change and Forward redoes it: one history entry per decision
 * (a surface picked, a number committed with Enter, a start drag released), none per keystroke or drag frame.
 */
import { expect, test, type Page } from '@playwright/test';
import { shot } from './helpers.ts';

const historyLength = (page: Page): Promise<number> => page.evaluate(() => history.length);
const hashParam = (page: Page, key: string): string | null => new URLSearchParams(new URL(page.url()).hash.slice(1)).get(key);

test('Back undoes a committed learning rate, then the surface picked before it; Forward redoes', async ({ page }) => {
  await page.goto('/');
  const surface = page.getByRole('combobox', { name: 'Surface', exact: true });
  await expect(surface).toHaveValue('bowl');
  const entries = await historyLength(page);

  await surface.selectOption('himmelblau');
  await expect(page.getByRole('heading', { name: 'Himmelblau' })).toBeVisible();
  await page.getByText('Update rule and settings').nth(6).click(); // Adam's, the last of the seven classics
  const lr = page.getByLabel('Adam learning rate', { exact: true });
  await expect(lr).toHaveValue('0.1');
  // Typed one keystroke at a time: every valid prefix is previewed, only Enter makes an entry.
  await lr.fill('');
  await lr.pressSequentially('0.05');
  await expect.poll(() => hashParam(page, 'adam.lr')).toBe('0.05');
  expect(await historyLength(page)).toBe(entries + 1);
  await lr.press('Enter');
  await expect.poll(() => historyLength(page)).toBe(entries + 2);

  await page.goBack();
  await expect(lr).toHaveValue('0.1');
  await expect.poll(() => hashParam(page, 'adam.lr')).toBeNull();
  await expect(surface).toHaveValue('himmelblau');

  await page.goBack();
  await expect(surface).toHaveValue('bowl');
  await expect(page.getByRole('heading', { name: 'Elongated bowl' })).toBeVisible();
  expect(hashParam(page, 's')).toBe('bowl');

  await page.goForward();
  await expect(surface).toHaveValue('himmelblau');
  await page.goForward();
  await expect(page.getByLabel('Adam learning rate', { exact: true })).toHaveValue('0.05');
  await shot(page, 'history-forward');
});

test('a start drag is one entry: Back restores the start from before the drag', async ({ page }) => {
  await page.goto('/');
  const startX = page.getByLabel('Start x');
  await expect(startX).toHaveValue('-7');
  const before = hashParam(page, 'start');
  const entries = await historyLength(page);

  const plot = page.getByRole('img', { name: /Contour plot of f/ });
  const box = (await plot.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.3);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.3, { steps: 20 });
  // While the button is down, the link follows the start but no entry is added.
  await expect.poll(() => hashParam(page, 'start')).not.toBe(before);
  expect(await historyLength(page)).toBe(entries);
  await page.mouse.up();
  await expect.poll(() => historyLength(page)).toBe(entries + 1);
  const dragged = hashParam(page, 'start')!;
  expect(Number(dragged.split(',')[0])).toBeGreaterThan(0);
  await expect(startX).toHaveValue(dragged.split(',')[0]);

  await page.goBack();
  await expect(startX).toHaveValue('-7');
  expect(hashParam(page, 'start')).toBe(before);
  await page.goForward();
  await expect(startX).toHaveValue(dragged.split(',')[0]);
});

test('a slider moved and released is one entry, undone by Back', async ({ page }) => {
  await page.goto('/#s=bowl');
  await page.getByText('Update rule and settings').first().click();
  const entries = await historyLength(page);
  // Playwright's fill on a range input sets it and fires input then change (the release).
  await page.getByRole('slider', { name: 'SGD learning rate slider (log scale)' }).fill('-1');
  await expect(page.getByLabel('SGD learning rate', { exact: true })).toHaveValue('0.1');
  await expect.poll(() => historyLength(page)).toBe(entries + 1);
  expect(hashParam(page, 'sgd.lr')).toBe('0.1');
  await page.goBack();
  await expect(page.getByLabel('SGD learning rate', { exact: true })).toHaveValue('0.9');
  expect(hashParam(page, 'sgd.lr')).toBeNull();
});

test('scrubbing and playing write the iteration into the current entry, never a new one', async ({ page }) => {
  await page.goto('/#s=rosenbrock');
  const entries = await historyLength(page);
  await page.getByRole('slider', { name: 'Iteration' }).fill('25');
  await expect.poll(() => hashParam(page, 'k')).toBe('25');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(300);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect.poll(async () => Number(hashParam(page, 'k'))).toBeGreaterThan(25);
  expect(await historyLength(page)).toBe(entries);
});

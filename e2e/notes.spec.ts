/**
 * The optimizer cards' plain words (issue 11): each card's "Update rule and settings" opens on the
 * optimizer's note and, where the shown surface has one, what its default race shows of that optimizer.
 */
import { expect, test } from '@playwright/test';
import { adam } from '../src/optim/adam.ts';
import { bowl } from '../surfaces/bowl.ts';
import { shot } from './helpers.ts';

const adamCard = (page: import('@playwright/test').Page) => page.locator('li[data-optimizer=adam]');

test("the bowl's Adam card shows its note and the bowl's lesson; a surface without one shows the note alone", async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Surface', exact: true }).selectOption('bowl');
  await adamCard(page).getByText('Update rule and settings').click();
  await expect(adamCard(page).getByText(adam.note)).toBeVisible();
  await expect(adamCard(page).getByText(bowl.lessons!.adam!)).toBeVisible();
  await expect(adamCard(page).getByText('Elongated bowl, default settings:')).toBeVisible();

  await page.getByRole('combobox', { name: 'Surface', exact: true }).selectOption('himmelblau');
  await expect(adamCard(page).getByText(adam.note)).toBeVisible();
  await expect(adamCard(page).getByText('default settings:')).toHaveCount(0);
});

test.describe('at 375 × 740', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('the note and the lesson wrap within the card', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('combobox', { name: 'Surface', exact: true }).selectOption('bowl');
    await adamCard(page).getByText('Update rule and settings').click();
    const lesson = adamCard(page).getByText(bowl.lessons!.adam!);
    await lesson.scrollIntoViewIfNeeded();
    const box = (await lesson.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    await shot(page, 'notes-375');
  });
});

/**
 * The 'more' group on the MNIST tab: folded under "More optimizers", classics checked by default; Lion and
 * Schedule-Free SGD picked from there train one epoch on a 1,000-example subset in their workers, with
 * batch norm (Schedule-Free's evaluation recomputes its statistics at x). Screenshot in e2e/artifacts/.
 */
import { expect, test } from '@playwright/test';

test('MNIST tab: More optimizers offers the modern rules, unchecked; Lion and Schedule-Free SGD train', async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./');
  await page.getByRole('tab', { name: 'MNIST' }).click();
  await expect(page.getByTestId('mnist-data-status')).toHaveAttribute('data-phase', 'ready', { timeout: 60_000 });

  const more = page.getByTestId('more-optimizers');
  await expect(more).not.toHaveAttribute('open');
  await more.locator('summary').click();
  for (const id of ['adamw', 'nadam', 'amsgrad', 'radam', 'adabelief', 'lion', 'sfsgd']) {
    await expect(page.getByTestId(`opt-${id}`)).not.toBeChecked();
  }
  await page.getByTestId('opt-sgd').uncheck();
  await page.getByTestId('opt-adam').uncheck();
  await page.getByTestId('opt-lion').check();
  await page.getByTestId('hyper-lion-lr').fill('0.001');
  await page.getByTestId('opt-sfsgd').check();
  await expect(page.getByTestId('mnist-tab').getByText('Learning-rate schedules do not apply')).toBeVisible();
  await page.getByText('Batch normalisation').click();
  await page.getByTestId('limit').fill('1000');
  await page.getByTestId('epochs').fill('1');
  await page.getByTestId('batch').fill('32');
  await page.screenshot({ path: 'e2e/artifacts/mnist-more-form.png', fullPage: true });
  await page.getByTestId('train').click();

  const board = page.getByTestId('mnist-scoreboard');
  for (const id of ['lion', 'sfsgd']) {
    await expect(board.getByTestId(`score-${id}`)).toContainText('done', { timeout: 120_000 });
    await expect(board.getByTestId(`score-${id}`)).toContainText('32/32 it.');
  }
  await page.screenshot({ path: 'e2e/artifacts/mnist-more-trained.png', fullPage: true });
  expect(errors).toEqual([]);
});

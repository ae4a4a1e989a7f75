/**
 * The MNIST tab's link, entrants and diagnostics in real Chromium against the production build: a link's
 * `m.` keys open the form as they say and every edit is written back; a hostile link keeps the defaults
 * with a notice; entrants (`adam:lr=0.01`, `adam#2`) train and are labelled as on the surfaces; the
 * scoreboard says the epoch and seconds per epoch; a confusion-matrix cell filters the gallery (mouse and
 * keyboard) with every digit reachable; the gradient check names the network it checked.
 */
import { expect, test } from '@playwright/test';

test.describe.configure({ mode: 'default' });

const LINK = '#m.opt=sgd%2Cadam%2Cadam%3Alr%3D0.01%2Cadam&m.epochs=1&m.batch=50&m.hidden=32&m.act=relu&m.seed=3&m.limit=600&tab=mnist';

test('MNIST link: opens the race it names, writes edits back, trains entrants with their labels', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`./${LINK}`);
  await expect(page.getByTestId('mnist-data-status')).toHaveAttribute('data-phase', 'ready', { timeout: 60_000 });
  await expect(page.getByTestId('mnist-notice')).toHaveCount(0);
  await expect(page.getByTestId('entrants')).toHaveValue('sgd,adam,adam:lr=0.01,adam');
  await expect(page.getByTestId('epochs')).toHaveValue('1');
  await expect(page.getByTestId('limit')).toHaveValue('600');
  await expect(page.getByTestId('hidden')).toHaveValue('32');
  await expect(page.getByTestId('opt-adam')).toBeChecked();
  await expect(page.getByTestId('opt-momentum')).not.toBeChecked();

  // An edit goes into the link at once; the surfaces' keys and the tab stay.
  await page.getByTestId('epochs').fill('2');
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('m.epochs=2');
  await page.getByTestId('opt-momentum').check();
  await expect(page.getByTestId('entrants')).toHaveValue('sgd,momentum,adam,adam:lr=0.01,adam');
  await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash))).toContain('m.opt=sgd,momentum,adam,adam:lr=0.01,adam');
  await page.getByTestId('opt-momentum').uncheck();
  await page.getByTestId('epochs').fill('1');
  const hash = await page.evaluate(() => location.hash);
  expect(hash.endsWith('&tab=mnist')).toBe(true);
  expect(new URLSearchParams(hash.slice(1)).get('m.opt')).toBe('sgd,adam,adam:lr=0.01,adam');

  // A copied link reproduces the form in a fresh page.
  const copy = await page.context().newPage();
  await copy.goto(`./${hash}`);
  await expect(copy.getByTestId('entrants')).toHaveValue('sgd,adam,adam:lr=0.01,adam');
  await expect(copy.getByTestId('hidden')).toHaveValue('32');
  await expect(copy.getByTestId('limit')).toHaveValue('600');
  await copy.close();

  await page.getByTestId('train').click();
  const board = page.getByTestId('mnist-scoreboard');
  for (const key of ['sgd', 'adam', 'adam:lr=0.01', 'adam#2']) await expect(board.getByTestId(`score-${key}`)).toContainText('done', { timeout: 120_000 });
  // Rows are ranked by result: the labels, in any order.
  expect((await board.getByTestId('entrant-label').allInnerTexts()).sort()).toEqual(['adam', 'adam#2', 'adam:lr=0.01', 'sgd']);
  await expect(board.getByTestId('score-adam#2')).toContainText('Adam #2');
  // 600 images at batch 50: 12 updates, one epoch.
  await expect(board.getByTestId('score-adam:lr=0.01').getByTestId('epoch')).toHaveText('epoch 1/1 · 12/12 it.');
  await expect(board.getByTestId('score-sgd').getByTestId('per-epoch')).toHaveText(/^\d+\.\d\d s\/epoch$/);
  await expect(page.getByTestId('legend-adam#2')).toContainText('epoch 1/1');
  // Identical entrants train identically.
  const acc = (key: string) => board.getByTestId(`score-${key}`).getByTestId('test-acc').innerText();
  expect(await acc('adam#2')).toBe(await acc('adam'));

  // Confusion matrix → gallery: the fullest mistake cell, all of its digits reachable page by page.
  const cells = page.locator('[data-testid^="cell-"]');
  const counts = await cells.evaluateAll((els) => els.map((e) => [e.getAttribute('data-testid')!, Number(e.querySelector('text')!.textContent)] as const));
  const [fullest, n] = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  expect(n).toBeGreaterThan(48);
  const [, truth, predicted] = fullest.split('-');
  await page.getByTestId(fullest).click();
  await expect(page.getByTestId(fullest)).toHaveAttribute('aria-pressed', 'true');
  const gallery = page.getByTestId('misclassified');
  await expect(page.getByTestId('misclassified-note')).toContainText(`${n} test digits of true class ${truth} predicted as ${predicted}`);
  await expect(gallery.locator('figure')).toHaveCount(48);
  while (await page.getByTestId('show-more').count()) await page.getByTestId('show-more').click();
  await expect(gallery.locator('figure')).toHaveCount(n);
  for (const caption of await gallery.locator('figcaption').allInnerTexts()) expect(caption.replace(/\s/g, '')).toBe(`${truth}→${predicted}`);
  await page.screenshot({ path: '/tmp/mnist-honest-gallery.png', fullPage: true });
  await page.getByTestId('clear-pair').click();
  await expect(page.getByTestId('misclassified-note')).toContainText('test digits misclassified');
  await expect(gallery.locator('figure')).toHaveCount(48);
  // The keyboard: focus a cell and press Enter, then Space to clear.
  const other = counts.find(([id, c]) => id !== fullest && c > 0)!;
  await page.getByTestId(other[0]).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('misclassified-note')).toContainText(`${other[1]} test digit`);
  await page.keyboard.press(' ');
  await expect(page.getByTestId('misclassified-note')).toContainText('misclassified');

  // The gradient check runs on the form's network: 784-32-10 here.
  await page.getByTestId('gradcheck').click();
  await expect(page.getByTestId('gradcheck-result')).toContainText('excellent', { timeout: 30_000 });
  await expect(page.getByTestId('gradcheck-what')).toContainText('Network 784-32-10: checked');
  await expect(page.getByTestId('gradcheck-what')).toContainText('of its 25,450 parameters');
  expect(errors).toEqual([]);
});

test('MNIST link: a hostile link keeps the defaults and says what it ignored', async ({ page }) => {
  await page.goto('./#m.opt=foo%3Cscript%3E&m.epochs=-5&m.hidden=1e9&m.limit=%E0%A4%A&tab=mnist');
  const notice = page.getByTestId('mnist-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Ignored the unknown optimizer "foo<script>"');
  await expect(notice).toContainText('epochs');
  await expect(page.getByTestId('entrants')).toHaveValue('sgd,adam');
  await expect(page.getByTestId('epochs')).toHaveValue('10');
  await expect(page.getByTestId('hidden')).toHaveValue('64,16');
  await page.screenshot({ path: '/tmp/mnist-honest-notice.png' });
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
});

test('MNIST defaults: all 55,000 images, 10 epochs, target 95 %; the surfaces tab keeps the m. keys', async ({ page }) => {
  await page.goto('./#tab=mnist');
  await expect(page.getByTestId('limit')).toHaveValue('0');
  await expect(page.getByTestId('epochs')).toHaveValue('10');
  await expect(page.getByTestId('target')).toHaveValue('95');
  await expect(page.getByTestId('entrants')).toHaveValue('sgd,adam');
  // Defaults write no m. keys.
  expect(await page.evaluate(() => location.hash)).not.toContain('m.');
  await page.getByTestId('epochs').fill('3');
  await page.getByRole('tab', { name: 'Surfaces' }).click();
  await page.getByRole('tab', { name: 'MNIST' }).click();
  await page.getByRole('tab', { name: 'Surfaces' }).click();
  // The surfaces view writes its own link (playback rests at the end); the MNIST part survives it.
  await page.waitForTimeout(1500);
  await page.keyboard.press('End');
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('m.epochs=3');
  await page.reload();
  await page.getByRole('tab', { name: 'MNIST' }).click();
  await expect(page.getByTestId('epochs')).toHaveValue('3');
});

test('MNIST defaults: a first run on all 55,000 images reaches 95 % with both default entrants (SGD at epoch 8, Adam at epoch 2)', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('./#tab=mnist');
  await expect(page.getByTestId('mnist-data-status')).toHaveAttribute('data-phase', 'ready', { timeout: 60_000 });
  await page.getByTestId('train').click();
  const board = page.getByTestId('mnist-scoreboard');
  await expect(page.getByText(/2 runs on 55,000 training examples/)).toBeVisible({ timeout: 60_000 });
  for (const key of ['sgd', 'adam']) await expect(board.getByTestId(`score-${key}`)).toContainText('done', { timeout: 240_000 });
  // The same numbers as `cli mnist` on the defaults (seed 1, WebAssembly kernels): README, "MNIST defaults".
  await expect(board.getByTestId('score-sgd').getByTestId('to-target')).toContainText('3,440 it., epoch 8');
  await expect(board.getByTestId('score-adam').getByTestId('to-target')).toContainText('860 it., epoch 2');
  await expect(board.getByTestId('score-sgd').getByTestId('test-acc')).toHaveText('95.71%');
  await expect(board.getByTestId('score-adam').getByTestId('test-acc')).toHaveText('97.06%');
});

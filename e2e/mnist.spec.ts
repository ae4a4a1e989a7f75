/**
 * The MNIST tab in real Chromium against the production build: the data loads (real IDX files served
 * gzip-compressed), two optimizers train on a 1,000-example subset for one epoch in Web Workers, and
 * the curves, the scoreboard (with numbers) and the diagnostics appear. A second visit reads the
 * data from the Cache API without downloading it again. Screenshots go to e2e/artifacts/.
 */
import { expect, test } from '@playwright/test';

// In order, in one worker: the training tests would otherwise compete for the two cores.
test.describe.configure({ mode: 'default' });

test('MNIST tab: load data, train SGD and Adam side by side, see curves and scoreboard', async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const downloads: string[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('.gzip')) downloads.push(r.url());
  });

  await page.goto('./');
  await page.getByRole('tab', { name: 'MNIST' }).click();
  const status = page.getByTestId('mnist-data-status');
  await expect(status).toHaveAttribute('data-phase', 'ready', { timeout: 60_000 });
  await expect(status).toContainText('60,000 training and 10,000 test digits');
  expect(downloads).toHaveLength(4);

  await page.getByTestId('limit').fill('1000');
  await page.getByTestId('epochs').fill('1');
  await page.getByTestId('batch').fill('32');
  await expect(page.getByTestId('opt-sgd')).toBeChecked();
  await expect(page.getByTestId('opt-adam')).toBeChecked();
  await page.getByTestId('train').click();

  const board = page.getByTestId('mnist-scoreboard');
  await expect(board.getByTestId('score-sgd')).toContainText('done', { timeout: 120_000 });
  await expect(board.getByTestId('score-adam')).toContainText('done', { timeout: 120_000 });
  // 1,000 examples at batch 32 = 32 updates in the one epoch.
  await expect(board.getByTestId('score-sgd')).toContainText('32/32 it.');
  for (const id of ['sgd', 'adam']) {
    const text = await board.getByTestId(`score-${id}`).getByTestId('test-acc').innerText();
    const accuracy = Number(text.replace('%', ''));
    // One short epoch must clearly beat chance (10%) on the 10,000 test digits.
    expect(accuracy).toBeGreaterThan(20);
    expect(accuracy).toBeLessThanOrEqual(100);
  }

  // Curves: each chart has one smoothed + one faint path per run (train loss) or one path per run.
  const trainPaths = page.getByTestId('chart-train-loss').locator('g.series path');
  await expect(trainPaths).toHaveCount(4);
  expect((await trainPaths.first().getAttribute('d'))?.length ?? 0).toBeGreaterThan(50);
  await expect(page.getByTestId('chart-val-acc').locator('g.series circle')).toHaveCount(2);
  // The epoch's dots sit on the plot's right edge: the series' clip leaves room for the whole dot.
  const cut = await page.getByTestId('chart-val-acc').evaluate((el) => {
    const rect = el.querySelector('clipPath rect')!;
    const right = Number(rect.getAttribute('x')) + Number(rect.getAttribute('width'));
    return Math.max(...[...el.querySelectorAll('g.series circle')].map((c) => Number(c.getAttribute('cx')) + Number(c.getAttribute('r')))) - right;
  });
  expect(cut).toBeLessThanOrEqual(0);

  await expect(page.getByTestId('confusion')).toBeVisible();
  await expect(page.getByTestId('misclassified').locator('canvas').first()).toBeVisible();
  // Both counts with thousands separators ("6,083 of 10,000"), as everywhere else on the tab.
  await expect(page.getByTestId('misclassified-note')).toHaveText(/^\d{1,3}(,\d{3})* of 10,000 test digits misclassified/);
  await expect(page.getByTestId('bias-variance')).toContainText('SGD');
  await page.getByTestId('mnist-scoreboard').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e/artifacts/mnist-trained.png', fullPage: true });

  // The gradient check (about 2 s on 784-64-16-10) runs in a worker: the button says so and the page's
  // timers keep firing while it runs (on the page's thread, one gap would last the whole check).
  const during = await page.evaluate(async () => {
    const button = document.querySelector<HTMLButtonElement>('[data-testid=gradcheck]')!;
    button.click();
    await new Promise((r) => setTimeout(r, 0));
    const shown = { text: button.textContent?.trim(), disabled: button.disabled };
    let last = performance.now();
    let longestGap = 0;
    while (!document.querySelector('[data-testid=gradcheck-result]')) {
      await new Promise((r) => setTimeout(r, 10));
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }
    return { ...shown, longestGap, after: { text: button.textContent?.trim(), disabled: button.disabled } };
  });
  expect(during).toMatchObject({ text: 'Checking…', disabled: true, after: { text: 'Gradient check', disabled: false } });
  test.info().annotations.push({ type: 'longest timer gap during the gradient check (ms)', description: during.longestGap.toFixed(0) });
  expect(during.longestGap).toBeLessThan(500);
  await expect(page.getByTestId('gradcheck-result')).toContainText('excellent');

  await page.getByTestId('lr-finder').click();
  await expect(page.getByTestId('chart-lr-finder')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('button', { name: /^Use η = / })).toBeVisible();
  await expect(page.getByTestId('activation-histograms')).toBeVisible();

  // Draw a "1": a vertical stroke; every trained network answers.
  const pad = page.getByTestId('draw-canvas');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 30);
  await page.mouse.down();
  for (let y = 40; y <= box.height - 30; y += 10) await page.mouse.move(box.x + box.width / 2, box.y + y);
  await page.mouse.up();
  await expect(page.getByTestId('draw-prediction')).toHaveCount(2);
  await pad.screenshot({ path: 'e2e/artifacts/mnist-draw.png' });

  await page.screenshot({ path: 'e2e/artifacts/mnist-diagnostics.png', fullPage: true });
  const memory = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
  test.info().annotations.push({ type: 'main-thread JS heap (MB)', description: (memory / 1e6).toFixed(1) });
  expect(errors).toEqual([]);

  // Second visit: the four files come from the Cache API, no network download.
  downloads.length = 0;
  await page.reload();
  await page.getByRole('tab', { name: 'MNIST' }).click();
  await expect(status).toHaveAttribute('data-phase', 'ready', { timeout: 30_000 });
  await expect(status).toContainText('from the browser cache');
  expect(downloads).toHaveLength(0);
});

test('MNIST tab: a truncated data file gives a clear error, not a hang', async ({ page }) => {
  test.setTimeout(60_000);
  await page.route('**/mnist/train-labels-idx1-ubyte.gzip', async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    await route.fulfill({ response, body: body.subarray(0, 1000), headers: { ...response.headers(), 'content-length': '1000' } });
  });
  await page.goto('./#tab=mnist');
  const status = page.getByTestId('mnist-data-status');
  await expect(status).toHaveAttribute('data-phase', 'error', { timeout: 30_000 });
  await expect(status).toContainText('train-labels-idx1-ubyte: corrupt or truncated gzip data');
  await expect(page.getByRole('button', { name: 'Download again' })).toBeVisible();
  await expect(page.getByTestId('train')).toBeDisabled();
});

test('MNIST tab: pause, resume and stop; a diverging run is marked while the other goes on', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('./#tab=mnist');
  await expect(page.getByTestId('mnist-data-status')).toHaveAttribute('data-phase', 'ready', { timeout: 60_000 });
  await page.getByTestId('limit').fill('20000');
  await page.getByTestId('epochs').fill('100');
  // SGD at η = 10 on a leaky-ReLU 64-64 net with He init overflows within ~6 updates (checked in
  // Node with the same trainer); Adam at its default η keeps training.
  await page.getByTestId('hyper-sgd-lr').fill('10');
  await page.getByTestId('hidden').fill('64,64');
  await page.getByTestId('activation-0').selectOption('leaky-relu');
  await page.getByTestId('activation-1').selectOption('leaky-relu');
  await page.getByTestId('init').selectOption('he-normal');
  await page.getByTestId('train').click();

  const board = page.getByTestId('mnist-scoreboard');
  await expect(board.getByTestId('score-sgd')).toContainText('diverged', { timeout: 60_000 });
  await expect(board.getByTestId('score-adam')).toContainText('training');

  await page.getByTestId('pause').click();
  await expect(board.getByTestId('score-adam')).toContainText('paused');
  const frozen = await board.getByTestId('score-adam').locator('.iters').innerText();
  await page.waitForTimeout(1500);
  expect(await board.getByTestId('score-adam').locator('.iters').innerText()).toBe(frozen);

  await page.getByTestId('resume').click();
  await expect(board.getByTestId('score-adam')).toContainText('training');
  await expect(board.getByTestId('score-adam').locator('.iters')).not.toHaveText(frozen, { timeout: 10_000 });

  // Stop after the first epoch's validation point, so the stopped run has numbers to show.
  await expect(page.getByTestId('chart-val-acc').locator('g.series circle').first()).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('stop').click();
  await expect(board.getByTestId('score-adam')).toContainText('stopped', { timeout: 30_000 });
  const accuracy = Number((await board.getByTestId('score-adam').getByTestId('test-acc').innerText()).replace('%', ''));
  expect(accuracy).toBeGreaterThan(50);
  await expect(board.getByTestId('score-sgd').getByTestId('test-acc')).toHaveText('—');
  await page.screenshot({ path: 'e2e/artifacts/mnist-stopped.png', fullPage: true });
});

test('MNIST tab: SGD at η 10 is marked "diverged at epoch 1" in the scoreboard and the charts; Muon trains beside it', async ({ page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./#tab=mnist');
  await expect(page.getByTestId('mnist-data-status')).toHaveAttribute('data-phase', 'ready', { timeout: 60_000 });
  await page.getByTestId('limit').fill('2000');
  await page.getByTestId('epochs').fill('2');
  await page.getByTestId('batch').fill('32');
  // The textbook net (sigmoid, tanh): SGD at η 10 keeps finite losses but its validation loss after the
  // first epoch is ≈ 68 against ≈ 2.4 before training (checked in Node with the same trainer).
  await page.getByTestId('hyper-sgd-lr').fill('10');
  await page.getByTestId('opt-adam').uncheck();
  await page.getByTestId('more-optimizers').locator('summary').click();
  await page.getByTestId('opt-muon').check();
  await expect(page.getByTestId('hyper-muon-lr')).toHaveValue('0.02');
  await page.getByTestId('train').click();

  const board = page.getByTestId('mnist-scoreboard');
  await expect(board.getByTestId('score-sgd').getByTestId('status')).toHaveText('diverged at epoch 1', { timeout: 60_000 });
  await expect(board.getByTestId('diverged-why-sgd')).toContainText(/validation loss \d+(\.\d+)? > 10 × initial 2\.\d+; training stopped/);
  await expect(board.getByTestId('score-muon').getByTestId('status')).toHaveText('done', { timeout: 60_000 });
  await expect(board.getByTestId('score-muon')).toContainText('126/126 it.');
  // Diverged runs rank last.
  await expect(board.locator('tbody tr').first()).toHaveAttribute('data-testid', 'score-muon');

  await expect(page.getByTestId('legend-sgd')).toContainText('diverged at epoch 1');
  for (const chart of ['chart-train-loss', 'chart-val-loss', 'chart-val-acc']) {
    await expect(page.getByTestId(chart).locator('.end-mark text'), chart).toHaveText(['diverged at epoch 1']);
  }
  // SGD's one validation point (loss ≈ 68, accuracy ≈ 9 %) lies outside the ranges Muon's runs set: drawn
  // on the edge with a mark, not dropped. Muon's two points are dots.
  const valLoss = page.getByTestId('chart-val-loss');
  await expect(valLoss.locator('.edge-mark')).toHaveCount(1);
  await expect(valLoss.locator('.edge-mark title')).toHaveText(/^\d+(\.\d+)? \(off the chart\)$/);
  await expect(valLoss.locator('g.series circle')).toHaveCount(2);
  const valAcc = page.getByTestId('chart-val-acc');
  await expect(valAcc.locator('.edge-mark')).toHaveCount(1);
  await expect(valAcc.locator('g.series circle')).toHaveCount(2);
  const top = await valLoss.locator('.edge-mark').boundingBox();
  const plot = await valLoss.locator('svg').boundingBox();
  expect(top!.y).toBeLessThan(plot!.y + 20); // at the top edge of the plot
  await page.getByTestId('training-charts').scrollIntoViewIfNeeded();
  await page.getByTestId('training-charts').screenshot({ path: 'e2e/artifacts/mnist-diverged-charts.png' });
  await page.screenshot({ path: 'e2e/artifacts/mnist-diverged.png', fullPage: true });
  expect(errors).toEqual([]);
});

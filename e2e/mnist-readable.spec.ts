/**
 * Every number and word on the MNIST tab reads true, in real Chromium against the production build, after
 * one short race (SGD and Adam, one epoch on 1,000 images): the scoreboard's total and per-epoch training
 * seconds agree for a one-epoch run; "Inside a trained network" opens on the run the scoreboard ranks first;
 * the learning curves' legend names runs as the scoreboard does; the landscape figure's legend wraps instead
 * of cutting its numbers, and the loss line's axis title keeps clear of the contour plot; the bias/variance
 * table writes true minus signs. At 375 px every run's status and test accuracy show without scrolling
 * sideways. Screenshots (1280 × 800 and 375 × 740) go to e2e/artifacts/.
 */
import { expect, test, type Page } from '@playwright/test';

test.describe.configure({ mode: 'default' });

const LINK = '#m.opt=sgd%2Cadam&m.epochs=1&m.batch=32&m.limit=1000&tab=mnist';

async function race(page: Page): Promise<void> {
  await page.goto(`./${LINK}`);
  await expect(page.getByTestId('mnist-data-status')).toHaveAttribute('data-phase', 'ready', { timeout: 90_000 });
  await page.getByTestId('train').click();
  const board = page.getByTestId('mnist-scoreboard');
  for (const key of ['sgd', 'adam']) await expect(board.getByTestId(`score-${key}`)).toContainText('done', { timeout: 150_000 });
}

test.describe('at 1280 × 800', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('times agree, the inspected run is the leader, names match, the landscape legend is whole', async ({ page }) => {
    test.setTimeout(300_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await race(page);
    const board = page.getByTestId('mnist-scoreboard');

    // One epoch: the total training time and the time per epoch are the same seconds, written the same way.
    for (const key of ['sgd', 'adam']) {
      const cell = await board.getByTestId(`score-${key}`).locator('td.num').first().innerText();
      const m = /^([\d.]+) s\s+([\d.]+) s\/epoch$/.exec(cell.trim());
      expect(m, cell).not.toBeNull();
      expect(m![1]).toBe(m![2]);
    }
    await expect(board.getByRole('columnheader').nth(3)).toHaveText('training time');

    // The inspected run is the scoreboard's first, not the race's first (SGD).
    const leader = (await board.locator('tbody tr').first().locator('td.name > strong').innerText()).trim();
    expect(leader).toBe('Adam');
    await expect(page.getByRole('group', { name: 'Choose the run to inspect' }).locator('button.picked')).toHaveText(leader);

    // The legend names runs as the scoreboard does.
    await expect(page.getByTestId('legend-sgd')).toContainText('SGD (lr 0.2');
    await expect(page.getByTestId('legend-adam')).toContainText('Adam (lr 0.003');

    // Bias/variance: true minus signs only.
    expect(await page.getByTestId('bias-variance').innerText()).not.toMatch(/-\d/);

    await page.getByTestId('mnist-scoreboard').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'e2e/artifacts/mnist-readable-1280.png' });

    const panel = page.getByTestId('landscape');
    await panel.getByTestId('landscape-grid').fill('11');
    await panel.getByTestId('landscape-compute').click();
    const figure = panel.getByTestId('landscape-figure');
    await expect(figure.locator('g[data-entrant]')).toHaveCount(2, { timeout: 90_000 });
    const texts = await figure.locator('text').allTextContents();
    expect(texts.filter((t) => t.includes('…'))).toEqual([]);
    expect(texts.join(' ')).toMatch(/final loss [\d.]+, on the\s?plane [\d.]+/);
    // The loss line's y-axis title (rotated) stands well clear of the contour plot's right edge.
    const gap = await figure.evaluate((el) => {
      const plane = el.querySelector('#opl-plane rect')!;
      const title = [...el.querySelectorAll('text[transform]')].find((t) => t.textContent === 'loss')!;
      return Number(title.getAttribute('x')) - 8 - (Number(plane.getAttribute('x')) + Number(plane.getAttribute('width')));
    });
    expect(gap).toBeGreaterThanOrEqual(20);
    await figure.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'e2e/artifacts/mnist-readable-landscape-1280.png' });
    expect(errors).toEqual([]);
  });
});

test.describe('at 375 × 740', () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });

  test('every run shows its status and test accuracy without scrolling sideways', async ({ page }) => {
    test.setTimeout(300_000);
    await race(page);
    const region = page.getByRole('region', { name: 'MNIST scoreboard' });
    const card = (await region.boundingBox())!;
    for (const key of ['sgd', 'adam']) {
      const row = page.getByTestId(`score-${key}`);
      const compact = row.getByTestId('compact');
      await expect(compact).toBeVisible();
      await expect(compact).toContainText('done');
      await expect(compact).toContainText(`test ${(await row.getByTestId('test-acc').innerText()).trim()}`);
      const box = (await compact.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(card.x + card.width + 1);
    }
    await region.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'e2e/artifacts/mnist-readable-375.png' });
  });
});

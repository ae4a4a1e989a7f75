import { expect, test } from '@playwright/test';
import { shot } from './helpers.ts';

// Issue 9: on x⁴ − 2x² + y² from (2, 1), Momentum at lr 0.3 diverges at iteration 3 (its last finite loss
// is 5.2e8; `cli race --expr "x^4 - 2*x^2 + y^2" --start 2,1 --set momentum.lr=0.3 --json`). The loss chart
// keeps the other runs' range (9 down to −1) and ends Momentum's line with a "diverged at 3" marker.
test('a diverged run ends with a marker and does not set the loss chart’s range', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/#f=x%5E4%20-%202*x%5E2%20%2B%20y%5E2&start=2,1&momentum.lr=0.3');
  const chart = page.locator('figure.loss');
  const marker = chart.locator('g.diverged');
  await expect(marker).toHaveCount(1);
  await expect(marker).toHaveAttribute('data-run', 'momentum');
  await expect(marker.locator('text')).toHaveText('diverged at 3');
  await expect(marker.locator('title')).toContainText('Momentum diverged at 3');
  // Clipped to the top edge (its 5.2e8 is above the chart), not dropped.
  const transform = await marker.getAttribute('transform');
  expect(Number(/,(-?[\d.]+)\)/.exec(transform ?? '')?.[1])).toBe(0);

  const ticks = (await chart.locator('text.y').allTextContents()).map(Number);
  expect(ticks.length).toBeGreaterThan(1);
  expect(ticks.every(Number.isFinite)).toBe(true);
  const top = Math.max(...ticks);
  expect(top).toBeLessThan(1e20);
  expect(top).toBeLessThanOrEqual(10);
  await shot(page, 'loss-chart-diverged');
  await chart.screenshot({ path: 'e2e/artifacts/loss-chart-diverged-chart.png' });
  expect(errors).toEqual([]);
});

// The chart clips its paint (contain: strict), so the right margin must hold half of the last tick's label.
for (const width of [1280, 375]) {
  test(`the last iteration label (3000 on Rosenbrock) shows whole at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/#s=rosenbrock');
    const chart = page.locator('figure.loss .chart');
    const last = chart.locator('text.x:not(.label)').last();
    await expect(last).toHaveText('3000');
    const [label, box] = [(await last.boundingBox())!, (await chart.boundingBox())!];
    expect(label.x + label.width).toBeLessThanOrEqual(box.x + box.width);
  });
}

// Every curve starts under the target's label: a backdrop as wide as the text keeps them from hiding its "−".
test('the target label sits on a backdrop as wide as its text', async ({ page }) => {
  await page.goto('/');
  const target = page.locator('figure.loss g.target');
  await expect(target.locator('text')).toHaveText('target: f − f* ≤ 0.001');
  const [backdrop, text] = [(await target.locator('rect.backdrop').boundingBox())!, (await target.locator('text').boundingBox())!];
  expect(backdrop.x).toBeLessThanOrEqual(text.x);
  expect(backdrop.x + backdrop.width).toBeGreaterThanOrEqual(text.x + text.width);
});

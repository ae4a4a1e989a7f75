import { expect, test } from '@playwright/test';
import { scoreboard, shot } from './helpers.ts';

test('clicking the plot moves the start and re-runs the race', async ({ page }) => {
  await page.goto('/');
  const marker = page.getByTestId('start');
  const before = await marker.getAttribute('transform');
  const table = await scoreboard(page).innerText();
  const plot = page.getByRole('img', { name: /Contour plot of f/ });
  const box = (await plot.boundingBox())!;
  await plot.click({ position: { x: box.width * 0.8, y: box.height * 0.25 } });
  await expect.poll(() => marker.getAttribute('transform')).not.toBe(before);
  expect(await scoreboard(page).innerText()).not.toBe(table);
  const start = new URLSearchParams(new URL(page.url()).hash.slice(1)).get('start')!;
  const [x, y] = start.split(',').map(Number);
  // Bowl domain x ∈ [−10, 10], y ∈ [−5, 5]: the click lands right of centre and above it.
  expect(x).toBeGreaterThan(3);
  expect(y).toBeGreaterThan(0);
  await expect(page.getByLabel('Start x')).toHaveValue(String(x));
  await shot(page, 'start-moved');
});

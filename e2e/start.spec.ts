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

test('dragging on the plot moves the start continuously and re-runs the race at every step', async ({ page }) => {
  await page.goto('/');
  const marker = page.getByTestId('start');
  const startAt = async (): Promise<[number, number]> => {
    const m = /translate\(([-\d.e]+),([-\d.e]+)\)/.exec((await marker.getAttribute('transform')) ?? '');
    return [Number(m![1]), Number(m![2])];
  };
  const plot = page.getByRole('img', { name: /Contour plot of f/ });
  const box = (await plot.boundingBox())!;
  const y = box.y + box.height * 0.3;
  const x0 = box.x + box.width * 0.2;

  await page.mouse.move(x0, y);
  await page.mouse.down();
  await expect.poll(async () => (await startAt())[1]).toBeLessThan(box.height * 0.5);
  const [px0, py0] = await startAt();
  let table = await scoreboard(page).innerText();
  const stops = [0.3, 0.45, 0.6, 0.75];
  for (const f of stops) {
    await page.mouse.move(box.x + box.width * f, y, { steps: 3 });
    // The button is still down: the start follows the pointer pixel for pixel (to the 0.01 rounding of
    // the coordinates), and the race has been recomputed from there.
    await expect.poll(async () => Math.abs((await startAt())[0] - px0 - (f - 0.2) * box.width)).toBeLessThan(1.5);
    expect(Math.abs((await startAt())[1] - py0)).toBeLessThan(1.5);
    await expect.poll(() => scoreboard(page).innerText()).not.toBe(table);
    table = await scoreboard(page).innerText();
  }
  await page.mouse.up();
  const released = await startAt();
  const url = page.url();
  // After release, moving the pointer no longer drags the start.
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.7, { steps: 3 });
  await page.waitForTimeout(200);
  expect(await startAt()).toEqual(released);
  expect(page.url()).toBe(url);
  // Bowl domain x ∈ [−10, 10]: released at 75 % of the plot box (axes included), right of centre.
  const [sx] = new URLSearchParams(new URL(url).hash.slice(1)).get('start')!.split(',').map(Number);
  expect(sx).toBeGreaterThan(3);
  await shot(page, 'start-dragged');
});

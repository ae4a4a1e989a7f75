import { expect, test } from '@playwright/test';
import { iteration, markerPosition, markers, scoreboard, shot, shownIteration, trajectoryCanvas } from './helpers.ts';

test('play, pause, step and scrub change the iteration shown', async ({ page }) => {
  await page.goto('/#s=rosenbrock');
  const steps = Number(((await iteration(page).textContent()) ?? '').split('/')[1]);
  expect(steps).toBeGreaterThan(100);
  await expect(iteration(page)).toHaveText(`${steps} / ${steps}`);

  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(iteration(page)).toHaveText(`0 / ${steps}`);

  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => shownIteration(page)).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Pause' }).click();
  const paused = await shownIteration(page);
  await page.waitForTimeout(300);
  expect(await shownIteration(page)).toBe(paused);

  await page.getByRole('button', { name: 'Step' }).click();
  await expect(iteration(page)).toHaveText(`${paused + 1} / ${steps}`);

  // Scrubbing moves trajectories, markers and the scoreboard together.
  const before = await markerPosition(markers(page).first());
  const tableBefore = await scoreboard(page).innerText();
  await page.getByRole('slider', { name: 'Iteration' }).fill('40');
  await expect(iteration(page)).toHaveText(`40 / ${steps}`);
  await expect(trajectoryCanvas(page)).toHaveAttribute('data-k', '40');
  expect(await markerPosition(markers(page).first())).not.toBe(before);
  expect(await scoreboard(page).innerText()).not.toBe(tableBefore);
  await shot(page, 'scrubbed-k40');

  // Keyboard: arrows step, Space toggles play (focus outside any input).
  await page.getByRole('heading', { name: 'Rosenbrock', level: 2 }).click();
  await page.keyboard.press('ArrowRight');
  await expect(iteration(page)).toHaveText(`41 / ${steps}`);
  await page.keyboard.press('ArrowLeft');
  await expect(iteration(page)).toHaveText(`40 / ${steps}`);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => shownIteration(page)).toBeGreaterThan(40);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();

  // Keys typed into a text field stay there; Space on the Iteration slider still plays.
  const k = await shownIteration(page);
  await page.getByRole('textbox', { name: 'f(x, y)', exact: true }).press('ArrowRight');
  expect(await shownIteration(page)).toBe(k);
  await page.getByRole('slider', { name: 'Iteration' }).press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
});

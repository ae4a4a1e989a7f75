/**
 * The 3-D view in Chromium (SwiftShader WebGL): it draws the surface and the runs, follows the timeline,
 * keeps its camera in the link, exports a PNG with a caption, is one history entry to switch, and the
 * embed page stays in contours.
 */
import { expect, test, type Page } from '@playwright/test';
import { shownIteration } from './helpers.ts';
import { decodePng } from '../tests/export/png-pixels.ts';

const plot3d = (page: Page) => page.getByTestId('plot-3d');

/**
 * What the 3-D canvas shows, from a screenshot of it (the WebGL buffer itself is not preserved between
 * frames, so reading it back would see nothing): counts of non-white pixels and of pixels near Adam's
 * blue (#0072B2), and a hash of the picture.
 */
async function canvasStats(page: Page) {
  const px = decodePng(await plot3d(page).locator('canvas').screenshot());
  const d = px.data;
  const step = px.channels;
  let ink = 0;
  let blue = 0;
  let hash = 0;
  for (let i = 0; i < d.length; i += step) {
    if (d[i] + d[i + 1] + d[i + 2] < 740) ink++;
    if (Math.abs(d[i] - 0x00) + Math.abs(d[i + 1] - 0x72) + Math.abs(d[i + 2] - 0xb2) < 60) blue++;
    hash = (hash * 31 + d[i] + 7 * d[i + 1] + 13 * d[i + 2]) | 0;
  }
  return { ink, blue, hash, size: d.length / step };
}

test('a link with plot=3d draws the surface and the runs, and the timeline moves them', async ({ page }) => {
  await page.goto('/#v=2&s=bowl&plot=3d&k=5');
  await expect(plot3d(page)).toHaveAttribute('data-status', 'ready', { timeout: 20_000 });
  await expect.poll(async () => (await canvasStats(page)).ink).toBeGreaterThan(20_000);
  const before = await canvasStats(page);
  expect(before.ink).toBeLessThan(before.size * 0.8); // the surface, not a blank or black buffer
  expect(before.blue).toBeGreaterThan(10); // Adam's path and marker
  expect(await shownIteration(page)).toBe(5);
  await page.getByRole('button', { name: 'Step' }).click();
  expect(await shownIteration(page)).toBe(6);
  await expect.poll(async () => (await canvasStats(page)).hash).not.toBe(before.hash);
});

test('switching to 3-D is one history entry, and an orbit keeps its camera in the link', async ({ page }) => {
  test.setTimeout(60_000); // two 3-D starts in SwiftShader on a shared machine
  await page.goto('/#v=2&s=rosenbrock');
  await expect(page.getByTestId('contours')).toBeVisible();
  await page.getByLabel('3-D').check();
  await expect(plot3d(page)).toHaveAttribute('data-status', 'ready', { timeout: 20_000 });
  expect(page.url()).toContain('plot=3d');
  expect(page.url()).not.toContain('cam=');
  const box = (await plot3d(page).locator('canvas').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 150, box.y + box.height / 2 + 40, { steps: 10 });
  await page.mouse.up();
  await expect.poll(() => page.url()).toMatch(/cam=-?\d+(\.\d)?%2C\d+(\.\d)?%2C\d+(\.\d+)?/);
  const cam = new URL(page.url()).hash.match(/cam=([^&]+)/)![1];
  // Reloading the link shows the same camera: the picture is the same.
  const seen = (await canvasStats(page)).hash;
  await page.reload();
  await expect(plot3d(page)).toHaveAttribute('data-status', 'ready', { timeout: 20_000 });
  expect(new URL(page.url()).hash).toContain(`cam=${cam}`);
  await expect.poll(async () => (await canvasStats(page)).hash).toBe(seen);
  // Back undoes the orbit, then the switch.
  await page.goBack();
  await expect.poll(() => page.url()).not.toContain('cam=');
  await page.goBack();
  await expect(page.getByTestId('contours')).toBeVisible();
});

test('Download PNG saves the picture at the camera with a caption under it', async ({ page }) => {
  await page.goto('/#v=2&s=bowl&plot=3d&k=40&cam=20%2C30%2C3');
  await expect(plot3d(page)).toHaveAttribute('data-status', 'ready', { timeout: 20_000 });
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PNG' }).click()]);
  expect(file.suggestedFilename()).toBe('bowl-3d-k40.png');
  const bytes = await (await file.createReadStream()).toArray();
  const png = Buffer.concat(bytes);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  const canvasHeight = await plot3d(page).locator('canvas').evaluate((c) => (c as HTMLCanvasElement).height);
  // IHDR: width at byte 16, height at 20; the caption adds a title and one line per run below the picture.
  expect(png.readUInt32BE(20)).toBeGreaterThan(canvasHeight + 100);
  // The picture part is the drawn surface (not an empty buffer) with Adam in it; the caption is text below.
  const px = decodePng(png);
  let ink = 0;
  let blue = 0;
  for (let i = 0; i < px.width * canvasHeight * px.channels; i += px.channels) {
    if (px.data[i] + px.data[i + 1] + px.data[i + 2] < 740) ink++;
    if (Math.abs(px.data[i]) + Math.abs(px.data[i + 1] - 0x72) + Math.abs(px.data[i + 2] - 0xb2) < 60) blue++;
  }
  expect(ink).toBeGreaterThan(20_000);
  expect(ink).toBeLessThan(px.width * canvasHeight * 0.8);
  expect(blue).toBeGreaterThan(10);
});

test('the embed page draws contours for a 3-D link, as a figure and with every control', async ({ page }) => {
  await page.goto('/embed.html#v=2&s=bowl&plot=3d');
  await expect(page.getByRole('img', { name: /^Elongated bowl/ })).toBeVisible();
  await expect(plot3d(page)).toHaveCount(0);
  await page.goto('/embed.html?controls=all#v=2&s=bowl&plot=3d');
  await expect(page.getByTestId('contours')).toBeVisible();
  await expect(plot3d(page)).toHaveCount(0);
  await expect(page.getByLabel('3-D')).toHaveCount(0);
});

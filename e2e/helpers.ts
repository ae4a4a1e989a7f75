/** Shared e2e helpers: locators for the surfaces tab and screenshots saved to e2e/artifacts/ (gitignored). */
import type { Locator, Page } from '@playwright/test';
import { LOOKS } from '../src/render/palette.ts';

export const scoreboard = (page: Page): Locator => page.getByRole('table', { name: /Iterations to target/ });
export const iteration = (page: Page): Locator => page.getByTestId('iteration');
export const contourPaths = (page: Page): Locator => page.locator('[data-testid=contours] path');
/** The current-point marker of each running optimizer (one per trajectory). */
export const markers = (page: Page): Locator => page.locator('path.marker');
/** Where a marker is drawn: the CSS transform of the box it sits in. */
export const markerPosition = (marker: Locator): Promise<string> => marker.evaluate((p) => (p.parentElement as unknown as HTMLElement).style.transform);
/** The canvas the trajectories are drawn on; data-k is the iteration drawn up to. */
export const trajectoryCanvas = (page: Page): Locator => page.getByTestId('trajectories').first();

/**
 * Pixels of each optimizer's colour on a trajectory canvas (default: the first) (opaque, within an L1 distance of 60
 * in RGB), by optimizer id: proof that every path is drawn, independent of how.
 */
export async function trajectoryPixels(page: Page, canvas: Locator = trajectoryCanvas(page)): Promise<Record<string, number>> {
  const looks = Object.entries(LOOKS).map(([id, l]) => [id, l.color] as const);
  return canvas.evaluate((el, colours) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const rgb = colours.map(([id, hex]) => [id, parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)] as const);
    const counts: Record<string, number> = Object.fromEntries(colours.map(([id]) => [id, 0]));
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] < 200) continue;
      for (const [id, r, g, b] of rgb) {
        if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 60) counts[id] += 1;
      }
    }
    return counts;
  }, looks);
}

/** The iteration shown, read from the "k / N" readout. */
export async function shownIteration(page: Page): Promise<number> {
  const text = (await iteration(page).textContent()) ?? '';
  return Number(text.split('/')[0].trim());
}

/** All contour path data joined: changes exactly when the plotted surface changes. */
export async function contourSignature(page: Page): Promise<string> {
  return (await contourPaths(page).evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? '').join('|'))) as string;
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/artifacts/${name}.png`, fullPage: true });
}

/** True when the page does not scroll sideways: its content is no wider than the window. */
export async function noSideScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/**
 * One finger on a touch screen, as real input (the DevTools protocol's Input.dispatchTouchEvent): the
 * browser's own touch-action, scrolling and pointer events follow from it, as from a finger.
 */
export async function touchscreen(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const send = (type: 'touchStart' | 'touchMove' | 'touchEnd', x = 0, y = 0) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 1 }] });
  return {
    start: (x: number, y: number) => send('touchStart', x, y),
    move: (x: number, y: number) => send('touchMove', x, y),
    end: () => send('touchEnd'),
    detach: () => cdp.detach(),
  };
}

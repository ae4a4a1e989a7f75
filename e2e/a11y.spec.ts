/**
 * Accessibility (issue 9): an axe-core audit with the WCAG 2.1 A and AA rules finds no serious or critical
 * violation on the Surfaces tab (the default bowl and the linear-regression surface, whose formula is wider
 * than its column), the MNIST tab (its form, and at 375 px after a short training run, with its scoreboard
 * and bias/variance tables), the Lessons tab (a lesson with its figure, and at 375 px), the embed page (each of its control levels) and the 375 px layout. The
 * keyboard reaches every control of the Surfaces tab, each with a visible focus ring, and Space after
 * clicking Step plays.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { markers, noSideScroll, shownIteration } from './helpers.ts';

const WCAG21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const PHONE = { viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true };

/** Serious and critical violations, one line per element: "rule: selector (what is wrong)". */
async function violations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG21_AA).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${n.failureSummary?.split('\n')[1]?.trim() ?? v.help})`));
}

async function surfacesReady(page: Page, hash = ''): Promise<void> {
  await page.goto(`/${hash}`);
  await expect(markers(page)).not.toHaveCount(0);
}

async function mnistReady(page: Page): Promise<void> {
  await page.goto('/#tab=mnist');
  await expect(page.getByTestId('mnist-data-status')).toHaveAttribute('data-phase', 'ready', { timeout: 60_000 });
}

test.describe('axe, WCAG 2.1 A/AA: no serious or critical violation', () => {
  // An audit takes a few seconds of CPU, many more on a loaded machine.
  test.describe.configure({ timeout: 60_000 });

  test('Surfaces tab', async ({ page }) => {
    await surfacesReady(page);
    expect(await violations(page)).toEqual([]);
  });

  test('Surfaces tab, linear regression (a formula wider than its column)', async ({ page }) => {
    await surfacesReady(page, '#s=linreg');
    expect(await violations(page)).toEqual([]);
  });

  test('Surfaces tab, small multiples', async ({ page }) => {
    await surfacesReady(page, '#s=himmelblau&layout=grid');
    expect(await violations(page)).toEqual([]);
  });

  test('MNIST tab', async ({ page }) => {
    test.setTimeout(90_000);
    await mnistReady(page);
    expect(await violations(page)).toEqual([]);
  });

  test('Lessons tab: the EWA lesson with its figure, at 1280 px and at 375 px', async ({ browser }) => {
    for (const options of [{}, PHONE]) {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      await page.goto('/#tab=lessons&lesson=ewa');
      await expect(page.getByTestId('lesson-figure')).toBeVisible();
      expect(await violations(page)).toEqual([]);
      await context.close();
    }
  });

  for (const controls of ['none', 'playback', 'all']) {
    test(`embed page, controls=${controls}`, async ({ page }) => {
      await page.goto(`/embed.html?controls=${controls}#s=beale`);
      await expect(page.getByRole('link', { name: 'Open in Optimizer playground' })).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });
  }

  test.describe('at 375 px', () => {
    test.use(PHONE);

    test('Surfaces tab', async ({ page }) => {
      await surfacesReady(page);
      expect(await violations(page)).toEqual([]);
    });

    test('MNIST tab after a short run: scoreboard and bias/variance tables scroll inside their cards, not the page', async ({ page }) => {
      test.setTimeout(180_000);
      await mnistReady(page);
      await page.getByTestId('limit').fill('500');
      await page.getByTestId('epochs').fill('1');
      await page.getByTestId('batch').fill('64');
      await page.getByTestId('train').tap();
      await expect(page.getByTestId('bias-variance')).toContainText('Adam', { timeout: 150_000 });
      await expect(page.getByTestId('score-adam')).toContainText('done', { timeout: 30_000 });
      expect(await noSideScroll(page)).toBe(true);
      // Every column can be reached: the last column's header is inside the card once the card is scrolled.
      const board = page.getByRole('region', { name: 'MNIST scoreboard' });
      await board.evaluate((el) => (el.scrollLeft = el.scrollWidth));
      const card = (await board.boundingBox())!;
      const last = (await page.getByTestId('mnist-scoreboard').getByRole('columnheader').last().boundingBox())!;
      expect(last.x + last.width).toBeLessThanOrEqual(card.x + card.width + 1);
      // The confusion matrix scales down to fit its card instead of running past the card's edge.
      const past = await page.getByTestId('confusion').evaluate((el) => el.getBoundingClientRect().right - el.closest('section')!.getBoundingClientRect().right);
      expect(past).toBeLessThanOrEqual(0);
      expect(await violations(page)).toEqual([]);
      await page.screenshot({ path: 'e2e/artifacts/mobile-375-mnist-trained.png', fullPage: true });
    });
  });
});

test.describe('keyboard', () => {
  test('Tab reaches every control of the Surfaces tab, each with a visible focus ring', async ({ page }) => {
    await surfacesReady(page);
    // The controls on screen (not inside a closed <details>), one per radio group (arrows move within it),
    // each marked with its number.
    const controls = await page.evaluate(() => {
      const stops = [...document.querySelectorAll<HTMLElement>('#panel-surfaces :is(button, input, select, summary, a[href], [tabindex="0"])')].filter(
        (el) => !(el as HTMLButtonElement).disabled && el.checkVisibility() && !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked),
      );
      stops.forEach((el, i) => (el.dataset.stop = String(i)));
      return stops.length;
    });
    expect(controls).toBeGreaterThan(40);
    const seen = new Set<string>();
    const unringed: string[] = [];
    await page.getByRole('tab', { name: 'Surfaces' }).focus();
    for (let i = 0; i < controls + 5; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el?.dataset.stop) return null;
        const s = getComputedStyle(el);
        const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
        const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? '';
        return { stop: el.dataset.stop, ring, what: `${el.tagName.toLowerCase()} "${name}"` };
      });
      if (!focus) continue;
      seen.add(focus.stop);
      if (!focus.ring) unringed.push(focus.what);
    }
    expect(unringed).toEqual([]);
    const missed = await page.evaluate(
      (seen) => [...document.querySelectorAll<HTMLElement>('[data-stop]')].filter((el) => !seen.includes(el.dataset.stop!)).map((el) => el.outerHTML.slice(0, 100)),
      [...seen],
    );
    expect(missed).toEqual([]);
  });

  test('after clicking Step, Space plays (the button does not take the key), and Space again pauses', async ({ page }) => {
    await surfacesReady(page, '#s=rosenbrock');
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => shownIteration(page)).toBe(1);
    await expect(page.getByRole('button', { name: 'Step', exact: true })).toBeFocused();
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect.poll(() => shownIteration(page)).toBeGreaterThan(2);
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    const at = await shownIteration(page);
    await page.waitForTimeout(300);
    expect(await shownIteration(page)).toBe(at);
    // Enter still presses the focused Step.
    await page.keyboard.press('Enter');
    await expect.poll(() => shownIteration(page)).toBe(at + 1);
  });
});

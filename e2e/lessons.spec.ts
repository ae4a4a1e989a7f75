/**
 * Issue 11's Lessons in Chromium: every lesson's "Open this view" shows its view in the Surfaces tab with
 * no link notices and no console errors; Back returns to the lesson; Previous / Next and ← → work from
 * the keyboard; the open lesson is in the link (reload, Back, Forward keep it; an unknown id opens the first);
 * the EWA figure is drawn; all of it at 1280 and 375 px without sideways scrolling; axe
 * (WCAG 2.1 A/AA) finds no serious or critical violation on the tab.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { LESSONS } from '../src/lessons/index.ts';
import { decodeView } from '../src/view/link.ts';
import { VOCABULARY } from '../src/view/vocabulary.ts';
import { noSideScroll, scoreboard, shot } from './helpers.ts';

test.describe.configure({ timeout: 180_000 });

const lesson = (page: Page) => page.getByTestId('lesson');

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

for (const width of [1280, 375]) {
  test(`every lesson link opens its view with no notices or errors at ${width} px`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width, height: 900 });
    for (const [i, l] of LESSONS.entries()) {
      if (!l.link) continue;
      await page.goto('/#tab=lessons');
      await page.getByRole('navigation', { name: 'All lessons' }).getByRole('button', { name: l.title }).click();
      await expect(lesson(page).getByRole('heading', { level: 2 })).toHaveText(l.title);
      expect(await noSideScroll(page)).toBe(true);
      await lesson(page).getByTestId('lesson-open').click();
      await expect(page.getByRole('tab', { name: 'Surfaces' })).toHaveAttribute('aria-selected', 'true');
      const { view } = decodeView(l.link, VOCABULARY);
      await expect(scoreboard(page).locator('tbody tr')).toHaveCount(view.entrants.length);
      await expect(page.getByTestId('notice')).toHaveCount(0);
      if (view.lens !== 'off') await expect(page.getByTestId('lens-marks')).toHaveCount(1);
      if (view.inspect !== null) await expect(page.getByTestId('inspector-pick')).toHaveValue(String(view.inspect));
      expect(await noSideScroll(page)).toBe(true);
      if (i === 0) {
        await shot(page, `lesson-opened-${width}`);
        // Back returns to the lesson it was opened from.
        await page.goBack();
        await expect(page.getByRole('tab', { name: 'Lessons' })).toHaveAttribute('aria-selected', 'true');
        await expect(lesson(page).getByRole('heading', { level: 2 })).toHaveText(l.title);
      }
    }
    expect(errors).toEqual([]);
  });
}

test('Previous and Next by keyboard, and ← → on the tab', async ({ page }) => {
  await page.goto('/#tab=lessons');
  const count = lesson(page).getByText(/^Lesson \d+ of/);
  await expect(count).toHaveText(`Lesson 1 of ${LESSONS.length}`);
  await lesson(page).getByRole('button', { name: 'Next →' }).focus();
  await page.keyboard.press('Enter');
  await expect(count).toHaveText(`Lesson 2 of ${LESSONS.length}`);
  await expect(lesson(page).getByRole('heading', { level: 2 })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(count).toHaveText(`Lesson 3 of ${LESSONS.length}`);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(count).toHaveText(`Lesson 1 of ${LESSONS.length}`);
  await expect(lesson(page).getByRole('button', { name: '← Previous' })).toBeDisabled();
  // Tab moves from the heading through the lesson's controls to Next.
  await page.keyboard.press('Tab');
  await expect(lesson(page).getByTestId('lesson-open')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(lesson(page).getByRole('button', { name: 'Next →' })).toBeFocused();
  await page.keyboard.press(' ');
  await expect(count).toHaveText(`Lesson 2 of ${LESSONS.length}`);
});

for (const width of [1280, 375]) {
  test(`the EWA lesson draws its figure at ${width} px`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/#tab=lessons');
    const ewa = LESSONS.find((l) => l.figure === 'ewa')!;
    await page.getByRole('navigation', { name: 'All lessons' }).getByRole('button', { name: ewa.title }).click();
    const figure = lesson(page).getByTestId('lesson-figure');
    await expect(figure.locator('svg path')).toHaveCount(4);
    await expect(figure.locator('svg circle')).toHaveCount(365);
    const box = await figure.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(width);
    expect(await noSideScroll(page)).toBe(true);
    await figure.scrollIntoViewIfNeeded();
    await shot(page, `lesson-ewa-${width}`);
    expect(errors).toEqual([]);
  });
}

for (const width of [1280, 375]) {
  test(`axe finds no serious or critical violation on the Lessons tab at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/#tab=lessons');
    for (let i = 0; i < 2; i++) {
      await expect(lesson(page).getByText(`Lesson ${i + 1} of`)).toBeVisible();
      const { violations } = await new AxeBuilder({ page }).include('#panel-lessons').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await lesson(page).getByRole('button', { name: 'Next →' }).click();
    }
  });
}

test('the open lesson is in the link: reload, Back and Forward keep it; an unknown id opens the first', async ({ page }) => {
  const errors = watchErrors(page);
  const heading = lesson(page).getByRole('heading', { level: 2 });
  const ewa = LESSONS.find((l) => l.id === 'ewa')!;
  const third = LESSONS[2];
  await page.goto('/#tab=lessons&lesson=ewa');
  await expect(heading).toHaveText(ewa.title);
  await page.reload();
  await expect(heading).toHaveText(ewa.title);
  await lesson(page).getByRole('button', { name: 'Next →' }).click();
  await expect(heading).toHaveText(third.title);
  await expect(page).toHaveURL(new RegExp(`[#&]lesson=${third.id}&tab=lessons$`));
  await page.goBack();
  await expect(heading).toHaveText(ewa.title);
  await expect(page).toHaveURL(/[#&]lesson=ewa&tab=lessons$/);
  await page.goForward();
  await expect(heading).toHaveText(third.title);
  await page.reload();
  await expect(heading).toHaveText(third.title);
  // Leaving the tab drops the lesson from the link; coming back shows the one left open.
  await page.getByRole('tab', { name: 'Surfaces' }).click();
  await expect(page).not.toHaveURL(/lesson=/);
  await page.getByRole('tab', { name: 'Lessons' }).click();
  await expect(heading).toHaveText(third.title);
  await expect(page).toHaveURL(new RegExp(`lesson=${third.id}&tab=lessons$`));

  await page.goto('/#tab=lessons&lesson=no-such-lesson');
  await page.reload();
  await expect(heading).toHaveText(LESSONS[0].title);
  await expect(lesson(page).getByText(/^Lesson \d+ of/)).toHaveText(`Lesson 1 of ${LESSONS.length}`);
  await expect(page).toHaveURL(/[#&]tab=lessons$/);
  expect(errors).toEqual([]);
});
